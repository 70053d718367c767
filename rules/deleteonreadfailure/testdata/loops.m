// Code after a for-in loop runs: the loop may end after any iteration, or
// run none. A helper whose success path goes through such a loop reports
// success, so a caller that reads through it and then deletes whatever the
// read returned does not delete because the read failed.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation ItemCache

- (NSMutableDictionary *)queryForService:(NSString *)service {
    NSMutableDictionary *query = [NSMutableDictionary new];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = service;
    query[(__bridge id)kSecAttrAccount] = @"item";
    return query;
}

- (BOOL)removeItemsForService:(NSString *)service error:(NSError **)error {
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)[self queryForService:service]);
    return status == errSecSuccess || status == errSecItemNotFound;
}

// @[] when there is none, nil when the read fails.
- (NSArray *)itemsForService:(NSString *)service error:(NSError **)error {
    NSMutableDictionary *query = [self queryForService:service];
    query[(__bridge id)kSecReturnAttributes] = @YES;
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status == errSecItemNotFound) {
        return @[];
    } else if (status != errSecSuccess) {
        if (error) {
            *error = [NSError errorWithDomain:NSOSStatusErrorDomain code:status userInfo:nil];
        }
        return nil;
    }
    return CFBridgingRelease(result);
}

// Succeeds after the loop over what the read found.
- (NSArray *)labelsForService:(NSString *)service error:(NSError **)error {
    NSArray *items = [self itemsForService:service error:error];
    if (!items) {
        return nil;
    }
    NSMutableArray *labels = [NSMutableArray new];
    for (NSDictionary *attrs in items) {
        [labels addObject:attrs[(__bridge id)kSecAttrLabel] ?: @""];
    }
    return labels;
}

- (NSArray *)allLabelsForService:(NSString *)service error:(NSError **)error {
    return [self labelsForService:service error:error];
}

// Negative: the delete runs whatever the read returned (a test that checks
// the item is there, then removes it).
- (void)testRemoveLabels {
    NSLog(@"%@", [self allLabelsForService:@"s" error:nil]);
    NSError *error;
    [self removeItemsForService:@"s" error:&error];
}

- (void)testRemoveLabelsDirect {
    [self labelsForService:@"s" error:nil];
    [self removeItemsForService:@"s" error:nil];
}

// Positive: a read after a loop, and a delete on its failure.
- (void)resetService:(NSString *)service legacyAccounts:(NSArray *)accounts {
    for (NSString *account in accounts) {
        NSLog(@"migrating %@", account);
    }
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForService:service], &result);
    if (status != errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)[self queryForService:service]); // want `SecItemDelete runs after SecItemCopyMatching on line 77 may have failed with errSecInteractionNotAllowed`
    }
}

// Negative twin: the delete runs only when the item is missing.
- (void)resetMissingService:(NSString *)service legacyAccounts:(NSArray *)accounts {
    for (NSString *account in accounts) {
        NSLog(@"migrating %@", account);
    }
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForService:service], &result);
    if (status == errSecItemNotFound) {
        SecItemDelete((__bridge CFDictionaryRef)[self queryForService:service]);
    }
}

// Positive: the helper's read fails, seen through its nil result.
- (void)resetLabelsForService:(NSString *)service {
    if (![self labelsForService:service error:nil]) {
        [self removeItemsForService:service error:nil]; // want `removeItemsForService:error: \(which calls SecItemDelete\) runs after labelsForService:error: \(which reads with SecItemCopyMatching\) on line 97 may have failed`
    }
}

// A C for loop without a condition runs until a break: the code after it
// runs only after one.
- (void)resetAfterEndlessLoop:(NSString *)service {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForService:service], &result);
    for (;;) {
        if (status == errSecInteractionNotAllowed) {
            return;
        }
        break;
    }
    if (status != errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)[self queryForService:service]);
    }
}

@end
