#import <Foundation/Foundation.h>
#import <Security/Security.h>

// One baseQuery helper method builds the query of the existence check and
// the item of the add; the caller passes the same account to both.
@interface TokenStore : NSObject
@property (nonatomic, copy) NSString *service;
@end

@implementation TokenStore

- (NSMutableDictionary *)baseQueryForAccount:(NSString *)account {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrService] = self.service;
    q[(__bridge id)kSecAttrAccount] = account;
    return q;
}

// The same variable.
- (void)saveToken:(NSData *)token account:(NSString *)account tag:(NSData *)tag {
    NSMutableDictionary *query = [self baseQueryForAccount:account];
    query[(__bridge id)kSecAttrGeneric] = tag; // want `^kSecAttrGeneric is not part of what makes a generic password unique: .*SecItemAdd on line 28 then fails with errSecDuplicateItem`
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status == errSecItemNotFound) {
        NSMutableDictionary *item = [self baseQueryForAccount:account];
        item[(__bridge id)kSecValueData] = token;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// The same constant.
- (void)saveDefaultToken:(NSData *)token {
    NSMutableDictionary *query = [self baseQueryForAccount:@"default"];
    [query setObject:(__bridge id)kSecAttrAccessibleWhenUnlocked forKey:(__bridge id)kSecAttrAccessible]; // want `^kSecAttrAccessible is not part of what makes a generic password unique: .*SecItemAdd on line 41 then fails with errSecDuplicateItem`
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status != errSecSuccess) {
        NSMutableDictionary *item = [self baseQueryForAccount:@"default"];
        [item setObject:(__bridge id)kSecAttrAccessibleWhenUnlocked forKey:(__bridge id)kSecAttrAccessible];
        [item setObject:token forKey:(__bridge id)kSecValueData];
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: the add names another account (another variable).
- (void)copyToken:(NSData *)token from:(NSString *)source to:(NSString *)target tag:(NSData *)tag {
    NSMutableDictionary *query = [self baseQueryForAccount:source];
    query[(__bridge id)kSecAttrGeneric] = tag;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecItemNotFound) {
        NSMutableDictionary *item = [self baseQueryForAccount:target];
        item[(__bridge id)kSecValueData] = token;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: the add names another account (another constant).
- (void)saveBackupToken:(NSData *)token {
    NSMutableDictionary *query = [self baseQueryForAccount:@"default"];
    query[(__bridge id)kSecAttrLabel] = @"API token";
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecItemNotFound) {
        NSMutableDictionary *item = [self baseQueryForAccount:@"backup"];
        item[(__bridge id)kSecValueData] = token;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

@end

// The non-unique key is in the helper: it is reported there.
@interface LabelledStore : NSObject
@end

@implementation LabelledStore

- (NSDictionary *)labelledQueryForAccount:(NSString *)account {
    return @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.labelled",
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecAttrLabel: @"Example", // want `^kSecAttrLabel is not part of what makes a generic password unique: .*SecItemAdd on line 89 then fails with errSecDuplicateItem`
    };
}

- (void)saveToken:(NSData *)token account:(NSString *)account {
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self labelledQueryForAccount:account], NULL);
    if (status == errSecItemNotFound) {
        NSMutableDictionary *item = [[self labelledQueryForAccount:account] mutableCopy];
        item[(__bridge id)kSecValueData] = token;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

@end
