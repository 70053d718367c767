// App code next to the vendored wrapper: an NSSet's containsObject: and a
// receiver of unknown type do not resolve into the library.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation AccountStore

- (void)deleteAccount:(NSString *)account {
    SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                                               (__bridge id)kSecAttrService: @"com.example.accounts",
                                               (__bridge id)kSecAttrAccount: account });
}

- (void)removeOrphans:(NSArray<NSString *> *)live accounts:(NSArray<NSString *> *)accounts {
    NSSet<NSString *> *liveSet = [NSSet setWithArray:live];
    for (NSString *account in accounts) {
        if (![liveSet containsObject:account]) {
            [self deleteAccount:account];
        }
    }
}

- (void)removeUnknown:(NSArray<NSString *> *)accounts {
    for (NSString *account in accounts) {
        if (![self.registry.entries containsObject:account]) {
            [self deleteAccount:account];
        }
    }
}

// A receiver of the wrapper's type: the call is certain.
- (void)resetWithWrapper:(NSString *)key {
    KKKeychain *keychain = [[KKKeychain alloc] initWithService:@"com.example.app"];
    if (![keychain containsObject:key]) {
        [keychain deleteItemNamed:key]; // want `deleteItemNamed: \(which calls SecItemDelete\) runs after containsObject: \(which reads with SecItemCopyMatching\) on line 34 may have failed`
    }
}

@end
