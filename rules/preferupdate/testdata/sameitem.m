#import <Foundation/Foundation.h>
#import <Security/Security.h>

// rulekit.SameItem: two dictionaries made the same way name the same item
// even where an identifying attribute is set on some paths only, and an
// identifying attribute absent from both is the same (both the default).
@interface OptionalStore : NSObject
@property (nonatomic, copy) NSString *service;
@property (nonatomic, copy) NSString *account;
@end

@implementation OptionalStore

- (NSMutableDictionary *)query {
    NSMutableDictionary *dictionary = [NSMutableDictionary dictionary];
    [dictionary setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    if (self.service) {
        [dictionary setObject:self.service forKey:(__bridge id)kSecAttrService];
    }
    if (self.account) {
        [dictionary setObject:self.account forKey:(__bridge id)kSecAttrAccount];
    }
    return dictionary;
}

- (NSMutableDictionary *)queryForAccount:(NSString *)account {
    NSMutableDictionary *dictionary = [NSMutableDictionary dictionary];
    [dictionary setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [dictionary setObject:@"com.example.store" forKey:(__bridge id)kSecAttrService];
    if (account) {
        [dictionary setObject:account forKey:(__bridge id)kSecAttrAccount];
    }
    return dictionary;
}

// The same helper, called with the same (no) arguments.
- (void)save:(NSData *)data {
    SecItemDelete((__bridge CFDictionaryRef)[self query]); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 41: `
    NSMutableDictionary *item = [self query];
    [item setObject:data forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// The same helper with the same argument.
- (void)save:(NSData *)data account:(NSString *)account {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 49: `
    NSMutableDictionary *item = [self queryForAccount:account];
    [item setObject:data forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// One dictionary object.
- (void)saveOne:(NSData *)data account:(NSString *)account {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.store";
    if (account != nil) {
        query[(__bridge id)kSecAttrAccount] = account;
    }
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 62: `
    query[(__bridge id)kSecValueData] = data;
    SecItemAdd((__bridge CFDictionaryRef)query, NULL);
}

// No account in either: both name the item with the default account.
- (void)saveServiceOnly:(NSData *)data {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.single",
    };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 77: `
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.single",
        (__bridge id)kSecValueData: data,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: the same helper with other arguments.
- (void)move:(NSData *)data from:(NSString *)from to:(NSString *)to {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:from]);
    NSMutableDictionary *item = [self queryForAccount:to];
    [item setObject:data forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: an argument that computes a new value at each call.
- (void)saveFresh:(NSData *)data {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:[[NSUUID UUID] UUIDString]]);
    NSMutableDictionary *item = [self queryForAccount:[[NSUUID UUID] UUIDString]];
    [item setObject:data forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: the account is removed on some paths between the two calls.
- (void)saveMaybeAnonymous:(NSData *)data anonymous:(BOOL)anonymous {
    NSMutableDictionary *query = [self query];
    SecItemDelete((__bridge CFDictionaryRef)query);
    if (anonymous) {
        [query removeObjectForKey:(__bridge id)kSecAttrAccount];
    }
    [query setObject:data forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)query, NULL);
}

// Silent: a method keychainlint cannot follow changes the dictionary
// between the two calls.
- (void)saveCustomized:(NSData *)data {
    NSMutableDictionary *query = [self query];
    SecItemDelete((__bridge CFDictionaryRef)query);
    [Customizer customize:query];
    [query setObject:data forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)query, NULL);
}

// Silent: the account is absent from the delete only.
- (void)saveNamed:(NSData *)data account:(NSString *)account {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.single",
    };
    SecItemDelete((__bridge CFDictionaryRef)query);
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.single",
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecValueData: data,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

@end
