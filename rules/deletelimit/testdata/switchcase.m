#import <Foundation/Foundation.h>
#import <Security/Security.h>

typedef NS_ENUM(NSInteger, VaultScope) { VaultScopeAll, VaultScopeOne, VaultScopeShared };

@implementation SwitchVault

// A case under #if TARGET_OS_OSX is compiled only for macOS: the
// kSecMatchLimit it sets never reaches an iOS delete.
- (void)deleteForScope:(VaultScope)scope {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.vault";
    switch (scope) {
#if TARGET_OS_OSX
    case VaultScopeAll:
        query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
        break;
#endif
    case VaultScopeOne:
        query[(__bridge id)kSecAttrAccount] = @"one";
        break;
    default:
        break;
    }
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// The statements after an #if inside a case still belong to the case: the
// break keeps the iOS-only limit of the next case out of this one.
- (void)deleteForScopeInside:(VaultScope)scope {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.vault";
    switch (scope) {
    case VaultScopeAll:
#if TARGET_OS_OSX
        query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
#endif
        query[(__bridge id)kSecAttrAccount] = @"all";
        break;
    case VaultScopeShared:
#if TARGET_OS_IOS
        query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll; // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\) on iOS`
#endif
        break;
    default:
        break;
    }
    SecItemDelete((__bridge CFDictionaryRef)query);
}

@end
