#include <Security/Security.h>

void add_with_cf(CFStringRef account) {
    CFMutableDictionaryRef q = CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(q, kSecClass, kSecClassInternetPassword);
    CFDictionarySetValue(q, kSecAttrService, CFSTR("svc")); // want `kSecAttrService is not an attribute of internet passwords`
    CFDictionarySetValue(q, kSecAttrAccount, account);
    SecItemAdd(q, NULL);
    CFRelease(q);
}

void create_with_arrays(CFStringRef account) {
    const void *keys[] = { kSecClass, kSecAttrAccount, kSecAttrApplicationTag }; // want `kSecAttrApplicationTag is not an attribute of generic passwords`
    const void *values[] = { kSecClassGenericPassword, account, CFSTR("tag") };
    CFDictionaryRef q = CFDictionaryCreate(NULL, keys, values, 3, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    SecItemDelete(q);
}

void valid_cf(CFStringRef account) {
    const void *keys[] = { kSecClass, kSecAttrAccount };
    const void *values[] = { kSecClassGenericPassword, account };
    CFDictionaryRef q = CFDictionaryCreate(NULL, keys, values, 2, NULL, NULL);
    SecItemDelete(q);
}
