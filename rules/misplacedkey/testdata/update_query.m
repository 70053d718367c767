#import <Security/Security.h>

// kSecMatchLimit and kSecReturnData in the query of SecItemUpdate:
// errSecParam on iOS-family platforms (the macOS shim drops them).
void updateWithLimitObjC(NSData *newData) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitOne, // want `^kSecMatchLimit in the query of SecItemUpdate makes the update fail with errSecParam \(-50\) on iOS`
    };
    NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

void updateWithReturnDataObjC(NSData *newData) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.token";
    query[(__bridge id)kSecAttrAccount] = @"me";
    query[(__bridge id)kSecReturnData] = @YES; // want `^kSecReturnData in the query of SecItemUpdate makes the update fail with errSecParam \(-50\) on iOS`
    NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

// In macOS-only code the shim drops the keys: silent.
#if TARGET_OS_OSX
void updateWithLimitMacObjC(NSData *newData) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitOne,
        (__bridge id)kSecReturnData: @YES,
    };
    NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}
#endif

// The key itself is written only for macOS: silent.
void updateWithLimitOnlyOnMacObjC(NSData *newData) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.token";
    query[(__bridge id)kSecAttrAccount] = @"me";
#if TARGET_OS_OSX
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne;
#endif
    NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}
