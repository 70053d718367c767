// A helper sets the account only when its argument is not nil: each call
// is analysed with what it passes.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation OptionalStore

- (NSDictionary *)queryWithKey:(NSString *)key {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrService] = @"com.example.opt";
    if (key != nil) {
        q[(__bridge id)kSecAttrAccount] = key;
    }
    return q;
}

// A string literal is not nil: the query names one item.
- (void)deleteDefault {
    SecItemDelete((__bridge CFDictionaryRef)[self queryWithKey:@"token"]);
}

// nil: the account is missing.
- (void)deleteAll {
    SecItemDelete((__bridge CFDictionaryRef)[self queryWithKey:nil]); // want `does not name one item \(no kSecAttrAccount\)`
}

// An argument that may be nil may also name the item: silent.
- (void)deleteKey:(NSString *)key {
    SecItemDelete((__bridge CFDictionaryRef)[self queryWithKey:key]);
}

// An account set on one path only: silent too, it may name the item.
- (void)deleteKey:(NSString *)key when:(BOOL)named {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrService] = @"com.example.opt";
    if (named) {
        q[(__bridge id)kSecAttrAccount] = key;
    }
    SecItemDelete((__bridge CFDictionaryRef)q);
}

@end
