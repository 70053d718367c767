#include <Security/Security.h>

/* Reported in C too; no fix is offered (C has no dictionary literal). */
OSStatus add_device_key(CFDataRef key) {
    const void *keys[] = {kSecClass, kSecAttrService, kSecAttrAccessible, kSecValueData};
    const void *values[] = {kSecClassGenericPassword, CFSTR("vault"), kSecAttrAccessibleWhenUnlockedThisDeviceOnly, key};
    CFDictionaryRef attrs = CFDictionaryCreate(NULL, keys, values, 4, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    OSStatus status = SecItemAdd(attrs, NULL); // want `kSecAttrAccessibleWhenUnlockedThisDeviceOnly does not bind the item to this Mac`
    CFRelease(attrs);
    return status;
}
