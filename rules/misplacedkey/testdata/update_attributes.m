#import <Security/Security.h>

// kSecClass in attributesToUpdate: securityd treats every key there as an
// attribute, and "class" is none.
void updateWithClassObjC(NSData *newData) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"me",
    };
    NSDictionary *changes = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, // want `^kSecClass does not belong in the attributes to update: SecItemUpdate fails with errSecNoSuchAttr \(-25303\) on every platform`
        (__bridge id)kSecValueData: newData,
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

// The same mistake is reported in macOS-only code: the shim passes
// attributesToUpdate unchanged to the data-protection keychain.
#if TARGET_OS_OSX
void updateWithClassMacObjC(NSData *newData) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"me",
    };
    NSMutableDictionary *changes = [NSMutableDictionary dictionary];
    [changes setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass]; // want `^kSecClass does not belong in the attributes to update: .*-25303`
    [changes setObject:newData forKey:(__bridge id)kSecValueData];
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}
#endif

// kSecUseDataProtectionKeychain ("nleg") is a silent no-op in
// attributesToUpdate: not reported.
void updateWithDataProtectionObjC(NSData *newData) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecUseDataProtectionKeychain: @YES,
    };
    NSDictionary *changes = @{
        (__bridge id)kSecValueData: newData,
        (__bridge id)kSecUseDataProtectionKeychain: @YES,
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}
