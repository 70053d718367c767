#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation SessionStore

- (NSDictionary *)tokenQuery {
    return @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
              (__bridge id)kSecAttrService: @"com.example.session",
              (__bridge id)kSecAttrAccount: @"token" };
}

- (void)deleteToken {
    SecItemDelete((__bridge CFDictionaryRef)[self tokenQuery]);
}

// nil whenever the read fails, for any reason.
- (NSString *)readToken {
    NSMutableDictionary *query = [[self tokenQuery] mutableCopy];
    query[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status != errSecSuccess) {
        return nil;
    }
    return [[NSString alloc] initWithData:(__bridge_transfer NSData *)result encoding:NSUTF8StringEncoding];
}

// nil on errSecInteractionNotAllowed (try again later); deletes the item
// only on other failures.
- (NSString *)readTokenOrReset {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self tokenQuery], &result);
    if (status == errSecInteractionNotAllowed) {
        return nil;
    }
    if (status != errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)[self tokenQuery]);
        return nil;
    }
    return [[NSString alloc] initWithData:(__bridge_transfer NSData *)result encoding:NSUTF8StringEncoding];
}

- (void)restoreSession {
    NSString *token = [self readToken];
    if (token == nil) {
        [self deleteToken]; // want `deleteToken \(which calls SecItemDelete\) runs after readToken \(which reads with SecItemCopyMatching\) on line 44 may have failed with errSecInteractionNotAllowed`
        return;
    }
    NSLog(@"%@", token);
}

- (void)restoreSessionNegated {
    NSString *token = [self readToken];
    if (!token) {
        SecItemDelete((__bridge CFDictionaryRef)[self tokenQuery]); // want `SecItemDelete runs after readToken \(which reads with SecItemCopyMatching\) on line 53 may have failed`
    }
}

// The read inside the condition.
- (void)resetIfUnreadable {
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)[self tokenQuery], &result) != noErr) {
        [self deleteToken]; // want `deleteToken \(which calls SecItemDelete\) runs after SecItemCopyMatching on line 62 may have failed`
    }
}

// Negatives.

- (void)restoreSessionSafely {
    NSString *token = [self readTokenOrReset];
    if (token == nil) {
        return;
    }
    NSLog(@"%@", token);
}

- (void)rotateToken {
    NSString *token = [self readToken];
    if (token != nil) {
        NSLog(@"%@", token);
        [self deleteToken];
    }
}

@end
