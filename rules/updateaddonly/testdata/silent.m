#import <Security/Security.h>

// The same keys in the query of an update, or in an add: fine.
void updateMatchingProtectionObjC(NSData *data, SecAccessControlRef access) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [query setObject:(__bridge id)kSecAttrAccessibleAfterFirstUnlock forKey:(__bridge id)kSecAttrAccessible];
    [query setObject:(__bridge id)access forKey:(__bridge id)kSecAttrAccessControl];
    query[(__bridge id)kSecAttrTokenID] = (__bridge id)kSecAttrTokenIDSecureEnclave;
    NSDictionary *changes = @{ (__bridge id)kSecValueData: data };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

void addWithProtectionObjC(NSData *data, SecAccessControlRef access) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly,
        (__bridge id)kSecAttrAccessControl: (__bridge id)access,
        (__bridge id)kSecAttrTokenID: (__bridge id)kSecAttrTokenIDSecureEnclave,
        (__bridge id)kSecValueData: data,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
