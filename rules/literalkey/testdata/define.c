/* Keys written through macros, in C: a constant's name in CFSTR is
   reported, the short value "acct" is silent. */
#include <Security/Security.h>

#define LABEL_KEY CFSTR("kSecAttrLabel")
#define ACCOUNT_KEY CFSTR("acct")

OSStatus define_delete(CFStringRef label, CFStringRef account)
{
    CFMutableDictionaryRef query = CFDictionaryCreateMutable(kCFAllocatorDefault, 0,
                                                             &kCFTypeDictionaryKeyCallBacks,
                                                             &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(query, kSecClass, kSecClassGenericPassword);
    CFDictionarySetValue(query, LABEL_KEY, label); /* want `^LABEL_KEY \("kSecAttrLabel"\) is the name of kSecAttrLabel` */
    CFDictionarySetValue(query, ACCOUNT_KEY, account);
    OSStatus status = SecItemDelete(query);
    CFRelease(query);
    return status;
}
