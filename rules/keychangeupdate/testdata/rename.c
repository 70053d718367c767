#include <CoreFoundation/CoreFoundation.h>
#include <Security/Security.h>

/* Reported: the query names the service only. */
void rename_account(CFStringRef service, CFStringRef account) {
    CFMutableDictionaryRef query = CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(query, kSecClass, kSecClassGenericPassword);
    CFDictionarySetValue(query, kSecAttrService, service);
    CFMutableDictionaryRef changes = CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(changes, kSecAttrAccount, account); /* want `the same kSecAttrAccount, and the query does not name one item \(no kSecAttrAccount\)` */
    SecItemUpdate(query, changes);
    CFRelease(changes);
    CFRelease(query);
}

/* Silent: the query names the item. */
void rename_one(CFStringRef service, CFStringRef old_account, CFStringRef account) {
    CFMutableDictionaryRef query = CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(query, kSecClass, kSecClassGenericPassword);
    CFDictionarySetValue(query, kSecAttrService, service);
    CFDictionarySetValue(query, kSecAttrAccount, old_account);
    CFMutableDictionaryRef changes = CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(changes, kSecAttrAccount, account);
    SecItemUpdate(query, changes);
}
