#import <Foundation/Foundation.h>
#import <Security/Security.h>

// The existence check and the add use one dictionary, or the same helper
// called the same way: they name the same item even when the account is
// set on some paths only.
@interface SharedQueryStore : NSObject
@property (nonatomic, copy) NSString *account;
@end

@implementation SharedQueryStore

- (NSMutableDictionary *)query {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrService] = @"com.example.shared";
    if (self.account) {
        q[(__bridge id)kSecAttrAccount] = self.account;
    }
    return q;
}

// One dictionary for the read and the add.
- (void)save:(NSData *)data {
    NSMutableDictionary *q = [self query];
    q[(__bridge id)kSecAttrLabel] = @"Shared"; // want `^kSecAttrLabel is not part of what makes a generic password unique: .*SecItemAdd on line 29 then fails with errSecDuplicateItem`
    if (SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL) == errSecItemNotFound) {
        q[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)q, NULL);
    }
}

// The same helper, called the same way.
- (void)saveAgain:(NSData *)data {
    NSMutableDictionary *q = [self query];
    q[(__bridge id)kSecAttrGeneric] = data; // want `^kSecAttrGeneric is not part of what makes a generic password unique: .*SecItemAdd on line 40 then fails with errSecDuplicateItem`
    if (SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL) == errSecItemNotFound) {
        NSMutableDictionary *item = [self query];
        item[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: the account is removed on some paths before the add.
- (void)saveMaybeAnonymous:(NSData *)data anonymous:(BOOL)anonymous {
    NSMutableDictionary *q = [self query];
    q[(__bridge id)kSecAttrLabel] = @"Shared";
    if (SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL) == errSecItemNotFound) {
        if (anonymous) {
            [q removeObjectForKey:(__bridge id)kSecAttrAccount];
        }
        q[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)q, NULL);
    }
}

@end
