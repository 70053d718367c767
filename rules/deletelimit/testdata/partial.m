#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation AccountStore

- (void)signOut {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"com.example.accounts" };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `this SecItemDelete query for generic passwords does not name one item \(no kSecAttrAccount\) and has no kSecMatchLimit: .*add kSecAttrAccount to delete one item`
}

- (void)forgetServer:(NSString *)server {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassInternetPassword forKey:(__bridge id)kSecClass];
    [query setObject:server forKey:(__bridge id)kSecAttrServer];
    SecItemDelete((__bridge CFDictionaryRef)query); // want `this SecItemDelete query for internet passwords does not name one item \(no kSecAttrAccount\)`
}

// Negatives.

- (void)deleteAccount:(NSString *)account {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"com.example.accounts",
                             (__bridge id)kSecAttrAccount: account };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)deleteItemRef:(id)item {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecValueRef: item };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)deletePersistentRef:(NSData *)ref {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword,
                             (__bridge id)kSecAttrServer: @"example.com",
                             (__bridge id)kSecValuePersistentRef: ref };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)deleteWithExtra:(NSDictionary *)extra {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.accounts";
    [query addEntriesFromDictionary:extra];
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)deleteAllServiceItems {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.accounts";
#if TARGET_OS_OSX
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
#endif
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)wipeClass {
    SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword });
}

- (void)wipeClassDP {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword,
                             (__bridge id)kSecUseDataProtectionKeychain: @YES,
                             (__bridge id)kSecAttrSynchronizable: (__bridge id)kSecAttrSynchronizableAny };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

#if TARGET_OS_IPHONE
- (void)signOutOnIOS {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"com.example.accounts" };
    SecItemDelete((__bridge CFDictionaryRef)query);
}
#endif

- (void)signOutDataProtection {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"com.example.accounts",
                             (__bridge id)kSecUseDataProtectionKeychain: @YES };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

@end
