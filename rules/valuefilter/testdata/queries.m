#import <Security/Security.h>

// A read that "checks" a PIN by putting it in the query.
BOOL PinMatches(NSData *pin) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"pin",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: pin, // want `^kSecValueData in the query of SecItemCopyMatching does not select the item: .* this read finds the item whatever secret it stores`
    };
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecSuccess;
}

void Forget(NSData *token) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"tokens";
    [query setObject:token forKey:(__bridge id)kSecValueData]; // want `^kSecValueData in the query of SecItemDelete does not select the item: .* this delete removes every item`
    SecItemDelete((__bridge CFDictionaryRef)query);
}

void Rotate(NSData *old, NSData *new) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"tokens",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: old, // want `^kSecValueData in the query of SecItemUpdate does not select the item: .* this update changes every item`
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: new });
}

// Negative: kSecValueData only in the add.
void Store(NSData *secret) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"tokens",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Negative: kSecValueData in attributesToUpdate.
void Update(NSData *secret) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"tokens",
        (__bridge id)kSecAttrAccount: @"me",
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: secret });
}

// Negative: a read that names the item by reference.
void ReadByRef(NSData *ref) {
    NSDictionary *query = @{
        (__bridge id)kSecValuePersistentRef: ref,
        (__bridge id)kSecReturnData: @YES,
    };
    SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

// Negative: a save that deletes with the add's dictionary, then adds.
void Save(NSData *secret) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"tokens",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: secret,
    };
    SecItemDelete((__bridge CFDictionaryRef)item);
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
