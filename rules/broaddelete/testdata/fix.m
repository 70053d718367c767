#import <Security/Security.h>

// The default scope includes macOS: without kSecUseDataProtectionKeychain
// the delete also reaches the user's file keychains. An error, with a fix
// that adds kSecUseDataProtectionKeychain: @YES after the class entry.
void wipeKeysObjC(void) {
    SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassKey }); // want `^SecItemDelete with only kSecClass deletes every one of the app's keys, and on macOS, without kSecUseDataProtectionKeychain: true, it also reaches the user's file keychains`
}

void wipeInternetPasswordsObjC(void) {
    NSDictionary *query = @{
        (id)kSecClass: (id)kSecClassInternetPassword,
    };
    SecItemDelete((CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's internet passwords, and on macOS`
}

// kSecAttrSynchronizable does not narrow the query; only true would send
// it to the data-protection keychain alone.
void wipeAnySynchronizableObjC(void) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrSynchronizable: (__bridge id)kSecAttrSynchronizableAny };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords, and on macOS`
}

// Not a literal entry: reported, but no fix.
void wipeCertificatesObjC(void) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassCertificate forKey:(__bridge id)kSecClass];
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's certificates, and on macOS`
}

// kSecUseDataProtectionKeychain: @NO is already in the literal: the fix
// must not add the key a second time; it sets the value to @YES.
void wipeFileKeychainTooObjC(void) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassKey, (__bridge id)kSecUseDataProtectionKeychain: @NO };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's keys, and on macOS`
}

// A value the analyzer cannot see: reported, and no fix.
void wipeMaybeFileKeychainObjC(BOOL useDataProtection) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassKey, (__bridge id)kSecUseDataProtectionKeychain: @(useDataProtection) };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's keys, and on macOS`
}

// The @NO comes from a variable: changing it would change its other uses,
// so no fix.
void wipeWithVariableObjC(void) {
    NSNumber *legacyKeychain = @NO;
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassKey, (__bridge id)kSecUseDataProtectionKeychain: legacyKeychain };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's keys, and on macOS`
}
