/* A constant's name in CFSTR, in C; the short value "svce" is silent. */
#include <Security/Security.h>

static CFStringRef const AccountKey = CFSTR("kSecAttrAccount");

OSStatus literal_delete(CFStringRef service, CFStringRef account)
{
    CFMutableDictionaryRef query = CFDictionaryCreateMutable(kCFAllocatorDefault, 0,
                                                             &kCFTypeDictionaryKeyCallBacks,
                                                             &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(query, kSecClass, kSecClassGenericPassword);
    CFDictionarySetValue(query, CFSTR("svce"), service);
    CFDictionarySetValue(query, CFSTR("kSecAttrAccessGroup"), CFSTR("group.example")); /* want `^"kSecAttrAccessGroup" is the name of kSecAttrAccessGroup` */
    CFDictionarySetValue(query, AccountKey, account); /* want `^AccountKey \("kSecAttrAccount"\) is the name of kSecAttrAccount` */
    OSStatus status = SecItemDelete(query);
    CFRelease(query);
    return status;
}
