#import <Security/Security.h>

// A migration that only changes the accessibility, with a query that can
// reach the macOS file keychain: there it changes nothing (a note).
BOOL migrateAccessibilityObjC(NSString *service) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: service };
    NSMutableDictionary *changes = [NSMutableDictionary dictionary];
    changes[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAfterFirstUnlock; // want `^kSecAttrAccessible is skipped for items in the macOS file keychain`
    return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes) == errSecSuccess;
}

// On the data-protection keychain: re-protected.
BOOL migrateAccessibilityDPObjC(NSString *service) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: service,
                             (__bridge id)kSecUseDataProtectionKeychain: @YES };
    NSDictionary *changes = @{ (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAfterFirstUnlock };
    return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes) == errSecSuccess;
}

// iOS only: no file keychain.
BOOL migrateOnIOSObjC(NSString *service) {
#if TARGET_OS_IPHONE
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: service };
    NSDictionary *changes = @{ (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAfterFirstUnlock };
    return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes) == errSecSuccess;
#else
    return NO;
#endif
}

// New data and its protection together (AFOAuth2Manager's storeCredential
// shape): nothing to report.
BOOL saveObjC(NSString *service, NSData *data, id accessibility) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: service };
    NSMutableDictionary *changes = [NSMutableDictionary dictionary];
    changes[(__bridge id)kSecValueData] = data;
    if (accessibility) {
        changes[(__bridge id)kSecAttrAccessible] = accessibility;
    }
    return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes) == errSecSuccess;
}
