// A vendored Objective-C wrapper whose containsObject: reads the keychain
// and returns NO on any failure.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation KKKeychain

- (instancetype)initWithService:(NSString *)service {
    self = [super init];
    return self;
}

- (NSDictionary *)queryForKey:(NSString *)key {
    return @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
              (__bridge id)kSecAttrService: @"com.example.kk",
              (__bridge id)kSecAttrAccount: key };
}

- (BOOL)containsObject:(NSString *)key {
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForKey:key], NULL);
    if (status != errSecSuccess) {
        return NO;
    }
    return YES;
}

- (void)deleteItemNamed:(NSString *)key {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForKey:key]);
}

// The library's own callers still resolve.
- (void)resetIfMissing:(NSString *)key {
    if (![self containsObject:key]) {
        [self deleteItemNamed:key]; // want `deleteItemNamed: \(which calls SecItemDelete\) runs after containsObject: \(which reads with SecItemCopyMatching\) on line 33 may have failed`
    }
}

@end
