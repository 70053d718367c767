#import <Foundation/Foundation.h>
#import <Security/Security.h>

// A certificate looked up by label only: the label identifies it in
// practice but is not part of its primary key (issuer, serial number).
void InstallCertificate(SecCertificateRef cert) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassCertificate,
        (__bridge id)kSecAttrLabel: @"Example CA", // want `^kSecAttrLabel is not part of what makes a certificate unique: .*SecItemAdd on line 17 then fails with errSecDuplicateItem \(-25299\); look the item up by its primary key \(kSecAttrIssuer, kSecAttrSerialNumber\) only$`
    };
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassCertificate,
            (__bridge id)kSecAttrLabel: @"Example CA",
            (__bridge id)kSecValueRef: (__bridge id)cert,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// A key looked up by tag and label: the label is not part of a key's
// primary key, the application tag is.
void StoreKey(SecKeyRef key, NSData *tag) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassKey,
        (__bridge id)kSecAttrApplicationTag: tag,
        (__bridge id)kSecAttrLabel: @"Signing key", // want `^kSecAttrLabel is not part of what makes a key unique: .*primary key \(kSecAttrApplicationTag, kSecAttrApplicationLabel\) only$`
    };
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassKey,
            (__bridge id)kSecAttrApplicationTag: tag,
            (__bridge id)kSecValueRef: (__bridge id)key,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}
