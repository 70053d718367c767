#import <Security/Security.h>

// kSecMatchLimit is written in both branches of #if os(macOS) / #else (TARGET_OS_OSX
// in Objective-C): only the site in the #else branch reaches iOS-family platforms.
void updateWithLimitBranchesObjC(NSData *newData) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.token";
#if TARGET_OS_OSX
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
#else
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne; // want `^kSecMatchLimit in the query of SecItemUpdate makes the update fail with errSecParam \(-50\) on iOS`
#endif
    NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}
