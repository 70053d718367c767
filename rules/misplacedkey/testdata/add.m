#import <Security/Security.h>

// A return key in an add with a NULL result does nothing: a warning (the
// test asserts the severity).
void addWithReturnNoResultObjC(NSData *secret) {
    NSDictionary *attributes = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.add",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: secret,
        (__bridge id)kSecReturnAttributes: @YES, // want `^kSecReturnAttributes in the attributes of SecItemAdd has no effect because the result argument is nil.*new item's attributes`
    };
    SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}

// With a result pointer the return key is used: silent.
CFTypeRef addWithReturnAndResultObjC(NSData *secret) {
    NSDictionary *attributes = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.add",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: secret,
        (__bridge id)kSecReturnAttributes: @YES,
    };
    CFTypeRef result = NULL;
    SecItemAdd((__bridge CFDictionaryRef)attributes, &result);
    return result;
}

// kSecMatchLimit in an add: an error.
void addWithMatchLimitObjC(NSData *secret) {
    NSMutableDictionary *attributes = [NSMutableDictionary dictionary];
    [attributes setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [attributes setObject:@"com.example.add" forKey:(__bridge id)kSecAttrService];
    [attributes setObject:@"me" forKey:(__bridge id)kSecAttrAccount];
    [attributes setObject:secret forKey:(__bridge id)kSecValueData];
    [attributes setObject:(__bridge id)kSecMatchLimitOne forKey:(__bridge id)kSecMatchLimit]; // want `^kSecMatchLimit in the attributes of SecItemAdd: .*may return errSecSuccess without storing the item`
    SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}

// kSecValuePersistentRef in an add: errSecParam.
void addWithPersistentRefObjC(NSData *ref) {
    NSDictionary *attributes = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecValuePersistentRef: ref, // want `^kSecValuePersistentRef in the attributes of SecItemAdd makes the add fail with errSecParam \(-50\)`
    };
    SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}
