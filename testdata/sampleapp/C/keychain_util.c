/*
 * keychain_util.c
 * Notes
 *
 * CoreFoundation keychain helpers shared by the share extension and the
 * command-line importer (notes-import).
 */

#include <CoreFoundation/CoreFoundation.h>
#include <Security/Security.h>

static CFMutableDictionaryRef create_base_query(CFStringRef service, CFStringRef account)
{
    CFMutableDictionaryRef query = CFDictionaryCreateMutable(kCFAllocatorDefault, 0,
                                                             &kCFTypeDictionaryKeyCallBacks,
                                                             &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(query, kSecClass, kSecClassGenericPassword);
    CFDictionarySetValue(query, kSecAttrService, service);
    CFDictionarySetValue(query, kSecAttrAccount, account);
    return query;
}

OSStatus keychain_util_store(CFStringRef service, CFStringRef account, CFDataRef secret)
{
    CFMutableDictionaryRef query = create_base_query(service, account);
    CFMutableDictionaryRef attributes = CFDictionaryCreateMutable(kCFAllocatorDefault, 0,
                                                                  &kCFTypeDictionaryKeyCallBacks,
                                                                  &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(attributes, kSecValueData, secret);

    OSStatus status = SecItemUpdate(query, attributes);
    if (status == errSecItemNotFound) {
        CFMutableDictionaryRef item = create_base_query(service, account);
        CFDictionarySetValue(item, kSecValueData, secret);
        CFDictionarySetValue(item, kSecAttrAccessible, kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly);
        status = SecItemAdd(item, NULL);
        CFRelease(item);
    }

    CFRelease(attributes);
    CFRelease(query);
    return status;
}

CFDataRef keychain_util_copy(CFStringRef service, CFStringRef account, OSStatus *out_status)
{
    CFMutableDictionaryRef query = create_base_query(service, account);
    CFDictionarySetValue(query, kSecReturnData, kCFBooleanTrue);
    CFDictionarySetValue(query, kSecMatchLimit, kSecMatchLimitOne);

    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching(query, &result);
    CFRelease(query);

    if (out_status != NULL) {
        *out_status = status;
    }
    if (status != errSecSuccess) {
        return NULL;
    }
    return (CFDataRef)result;
}

OSStatus keychain_util_delete(CFStringRef service, CFStringRef account)
{
    CFMutableDictionaryRef query = create_base_query(service, account);
    OSStatus status = SecItemDelete(query);
    CFRelease(query);
    return status;
}

/* notes-import --reset: remove every generic password the app can see. */
OSStatus keychain_util_delete_all(void)
{
    const void *keys[] = { kSecClass, kSecUseDataProtectionKeychain };
    const void *values[] = { kSecClassGenericPassword, kCFBooleanTrue };
    CFDictionaryRef query = CFDictionaryCreate(kCFAllocatorDefault, keys, values, 2,
                                               &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    OSStatus status = SecItemDelete(query);
    CFRelease(query);
    if (status == errSecItemNotFound) {
        status = errSecSuccess;
    }
    return status;
}
