// A read helper that returns false (NO) on failure: its Bool result narrows
// the read's outcomes like an Optional result does.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation FlagStore

- (NSDictionary *)query {
    return @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
              (__bridge id)kSecAttrService: @"com.example.flags",
              (__bridge id)kSecAttrAccount: @"token" };
}

- (void)deleteToken {
    SecItemDelete((__bridge CFDictionaryRef)[self query]);
}

- (BOOL)hasToken {
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self query], NULL);
    if (status != errSecSuccess) {
        return NO;
    }
    return YES;
}

- (void)resetIfMissing {
    if (![self hasToken]) {
        [self deleteToken]; // want `deleteToken \(which calls SecItemDelete\) runs after hasToken \(which reads with SecItemCopyMatching\) on line 27 may have failed`
    }
}

// Negative: the delete is on the success path of the helper.
- (void)tokenIsUsable {
    if ([self hasToken]) {
        [self deleteToken];
    }
}

@end
