#import <Security/Security.h>

// The read query carries kSecReturnData and kSecMatchLimit; the same
// NSMutableDictionary then becomes the query of SecItemUpdate. The keys
// are there only because the dictionary was reused: that is reuseddict's
// finding, not this rule's (one bug, one finding).
void readThenUpdateSameObjectObjC(NSData *newData) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [query setObject:@"com.example.reused" forKey:(__bridge id)kSecAttrService];
    [query setObject:@"me" forKey:(__bridge id)kSecAttrAccount];
    [query setObject:@YES forKey:(__bridge id)kSecReturnData];
    [query setObject:(__bridge id)kSecMatchLimitOne forKey:(__bridge id)kSecMatchLimit];
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) == errSecSuccess) {
        NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
        SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    }
}

// The same for an add after a failed read: the return key came from the
// read.
void readThenAddSameObjectObjC(NSData *secret) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [query setObject:@"com.example.reused" forKey:(__bridge id)kSecAttrService];
    [query setObject:@"me" forKey:(__bridge id)kSecAttrAccount];
    [query setObject:@YES forKey:(__bridge id)kSecReturnAttributes];
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) == errSecItemNotFound) {
        [query setObject:secret forKey:(__bridge id)kSecValueData];
        SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    }
}

// Match keys in a delete are deletelimit's finding, not this rule's.
void deleteWithMatchKeysObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.reused",
        (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitAll,
        (__bridge id)kSecMatchCaseInsensitive: @YES,
    };
    SecItemDelete((__bridge CFDictionaryRef)query);
}
