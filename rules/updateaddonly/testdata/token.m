#import <Security/Security.h>

// The access control of a Secure Enclave key lives on the token: an update
// cannot change it.
void requireBiometryObjC(NSData *tag, SecAccessControlRef access) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassKey,
        (__bridge id)kSecAttrTokenID: (__bridge id)kSecAttrTokenIDSecureEnclave,
        (__bridge id)kSecAttrApplicationTag: tag,
    };
    NSMutableDictionary *changes = [NSMutableDictionary dictionary];
    changes[(__bridge id)kSecAttrAccessControl] = (__bridge id)access; // want `^kSecAttrAccessControl cannot change the access control of a key on a token`
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

// A key in the keychain itself (no token): re-protected like any item.
void reprotectSoftwareKeyObjC(NSData *tag, SecAccessControlRef access) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassKey,
        (__bridge id)kSecAttrApplicationTag: tag,
        (__bridge id)kSecUseDataProtectionKeychain: @YES,
    };
    NSDictionary *changes = @{ (__bridge id)kSecAttrAccessControl: (__bridge id)access };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}
