#import <Security/Security.h>

// A boolean or number where the attribute needs text, and NSNull.
void StoreBadTypes(NSData *secret) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccount: @YES, // want `^a boolean \(true\) as kSecAttrAccount: securityd converts the value of this attribute only from a string or data, and SecItemAdd fails with errSecParam \(-50\)`
        (__bridge id)kSecAttrAccessGroup: @42, // want `^a number \(42\) as kSecAttrAccessGroup: securityd converts the value of this attribute only from a string,`
        (__bridge id)kSecAttrService: [NSNull null], // want `^NSNull as the value of kSecAttrService: securityd cannot convert it to the attribute's type, and SecItemAdd fails with errSecParam \(-50\)`
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

void UpdateNull(NSDictionary *query) {
    NSMutableDictionary *changes = [NSMutableDictionary dictionary];
    changes[(__bridge id)kSecAttrLabel] = (__bridge id)kCFNull; // want `^NSNull as the value of kSecAttrLabel: securityd cannot convert it to the attribute's type, and SecItemUpdate fails`
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

// Negatives: @YES for a boolean key, a number for a Blob attribute,
// strings.
void StoreRightTypes(NSData *secret) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecAttrService: @7,
        (__bridge id)kSecAttrAccessGroup: @"team.shared",
        (__bridge id)kSecAttrSynchronizable: @YES,
        (__bridge id)kSecReturnAttributes: @YES,
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
