// A conditional expression tests a read's status, but its branches merge
// where the expression ends: a delete after it runs whatever the read
// returned.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation BadgeStore

- (NSDictionary *)badgeQuery {
    return @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
              (__bridge id)kSecAttrService: @"com.example.badge",
              (__bridge id)kSecAttrAccount: @"badge" };
}

// nil when the read fails.
- (NSData *)badgeData {
    NSMutableDictionary *query = [[self badgeQuery] mutableCopy];
    query[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) != errSecSuccess) {
        return nil;
    }
    return CFBridgingRelease(result);
}

// Negative: the status decides a log label, and the item is reset anyway.
- (void)resetBadge {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self badgeQuery], &result);
    NSLog(@"badge %@", status == errSecSuccess ? @"found" : @"missing");
    SecItemDelete((__bridge CFDictionaryRef)[self badgeQuery]);
}

- (void)resetBadgeData {
    NSData *data = [self badgeData];
    NSData *value = data ? data : [NSData data];
    NSLog(@"%@", value);
    SecItemDelete((__bridge CFDictionaryRef)[self badgeQuery]);
}

// Positive twins: the delete runs in the branch where the read failed.
- (void)resetMissingBadge {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self badgeQuery], &result);
    NSLog(@"badge %@", status == errSecSuccess ? @"found" : @"missing");
    if (status != errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)[self badgeQuery]); // want `SecItemDelete runs after SecItemCopyMatching on line 44 may have failed`
    }
}

- (void)resetUnreadableBadgeData {
    NSData *data = [self badgeData];
    NSData *value = data ? data : [NSData data];
    NSLog(@"%@", value);
    if (!data) {
        SecItemDelete((__bridge CFDictionaryRef)[self badgeQuery]); // want `SecItemDelete runs after badgeData \(which reads with SecItemCopyMatching\) on line 52 may have failed`
    }
}

@end
