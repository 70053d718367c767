#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation TokenVault

- (void)deleteOneForAccount:(NSString *)account {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"com.example.vault",
                             (__bridge id)kSecAttrAccount: account,
                             (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitOne }; // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\) on iOS`
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)deleteAll {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [query setObject:@"com.example.vault" forKey:(__bridge id)kSecAttrService];
    [query setObject:(__bridge id)kSecMatchLimitAll forKey:(__bridge id)kSecMatchLimit]; // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\)`
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)deleteCaseInsensitive:(NSString *)account {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.vault";
    query[(__bridge id)kSecAttrAccount] = account;
    query[(__bridge id)kSecMatchCaseInsensitive] = @YES; // want `kSecMatchCaseInsensitive in a SecItemDelete query makes the delete fail with errSecParam \(-50\)`
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// TARGET_OS_MAC is 1 on iOS too.
- (void)deleteAllMacFamily {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.vault";
#if TARGET_OS_MAC
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll; // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\)`
#endif
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// Negatives.

- (void)addMacLimit:(NSMutableDictionary *)query {
#if TARGET_OS_OSX
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
#endif
}

- (void)deleteAllWithHelper {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.vault";
    [self addMacLimit:query];
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)deleteAllCrossPlatform {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.vault";
#if TARGET_OS_OSX
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
#endif
    SecItemDelete((__bridge CFDictionaryRef)query);
}

#if TARGET_OS_OSX
- (void)deleteAllOnMac {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"com.example.vault",
                             (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitAll };
    SecItemDelete((__bridge CFDictionaryRef)query);
}
#endif

@end
