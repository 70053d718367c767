//
//  LegacyKeychain.m
//  Notes
//
//  Generic-password wrapper kept from the 1.x code base. The share extension and
//  the widget still use it; new code goes through TokenStore.
//

#import <Foundation/Foundation.h>
#import <Security/Security.h>

@interface LegacyKeychain : NSObject

@property (nonatomic, copy, readonly) NSString *service;

- (instancetype)initWithService:(NSString *)service;
- (nullable NSString *)passwordForAccount:(NSString *)account;
- (nullable NSData *)passwordDataForAccount:(NSString *)account error:(NSError **)error;
- (BOOL)setPassword:(NSString *)password forAccount:(NSString *)account;
- (BOOL)allowBackgroundAccessForAccount:(NSString *)account;
- (NSArray<NSString *> *)allAccounts;
- (void)forgetAccount:(NSString *)account;
- (void)deleteAllPasswords;

@end

@implementation LegacyKeychain

- (instancetype)initWithService:(NSString *)service
{
    self = [super init];
    if (self) {
        _service = [service copy];
    }
    return self;
}

- (NSDictionary *)queryForAccount:(NSString *)account
{
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = self.service;
    query[(__bridge id)kSecAttrAccount] = account;
    return query;
}

- (NSError *)errorWithStatus:(OSStatus)status
{
    return [NSError errorWithDomain:NSOSStatusErrorDomain code:status userInfo:nil];
}

#pragma mark - Reading

- (nullable NSString *)passwordForAccount:(NSString *)account
{
    NSMutableDictionary *query = [[self queryForAccount:account] mutableCopy];
    query[(__bridge id)kSecReturnData] = @YES;
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne;

    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status != errSecSuccess) {
        // Whatever is stored under this account is unusable; clear it so the next save starts clean.
        SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]);
        return nil;
    }

    NSData *data = (__bridge_transfer NSData *)result;
    return [[NSString alloc] initWithData:data encoding:NSUTF8StringEncoding];
}

- (nullable NSData *)passwordDataForAccount:(NSString *)account error:(NSError **)error
{
    NSMutableDictionary *query = [[self queryForAccount:account] mutableCopy];
    query[(__bridge id)kSecReturnData] = @YES;

    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status == errSecInteractionNotAllowed) {
        // Protected data is not available yet; the caller retries after the first unlock.
        if (error) {
            *error = [self errorWithStatus:status];
        }
        return nil;
    }
    if (status != errSecSuccess && status != errSecItemNotFound) {
        SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]);
        if (error) {
            *error = [self errorWithStatus:status];
        }
        return nil;
    }
    return (__bridge_transfer NSData *)result;
}

- (NSArray<NSString *> *)allAccounts
{
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = self.service;
    query[(__bridge id)kSecReturnAttributes] = @YES;
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;

    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) != errSecSuccess) {
        return @[];
    }

    NSMutableArray<NSString *> *accounts = [NSMutableArray array];
    for (NSDictionary *item in (__bridge_transfer NSArray *)result) {
        NSString *account = item[(__bridge id)kSecAttrAccount];
        if (account) {
            [accounts addObject:account];
        }
    }
    return accounts;
}

#pragma mark - Writing

- (BOOL)setPassword:(NSString *)password forAccount:(NSString *)account
{
    NSMutableDictionary *query = [[self queryForAccount:account] mutableCopy];
    SecItemDelete((__bridge CFDictionaryRef)query);

    query[(__bridge id)kSecValueData] = [password dataUsingEncoding:NSUTF8StringEncoding];
    query[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAlwaysThisDeviceOnly;
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    return status == errSecSuccess;
}

- (BOOL)allowBackgroundAccessForAccount:(NSString *)account
{
    NSDictionary *query = [self queryForAccount:account];
    NSDictionary *attributes = @{
        (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAfterFirstUnlock,
    };
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)attributes);
    return status == errSecSuccess;
}

#pragma mark - Deleting

// Version 1.x stored the same account once per server environment, under
// different service names. Remove all of them.
- (void)forgetAccount:(NSString *)account
{
    NSMutableDictionary *query = [[self queryForAccount:account] mutableCopy];
    [query removeObjectForKey:(__bridge id)kSecAttrService];
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)deleteAllPasswords
{
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = self.service;
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
    SecItemDelete((__bridge CFDictionaryRef)query);
}

@end
