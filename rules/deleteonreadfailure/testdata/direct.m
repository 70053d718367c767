#import <Foundation/Foundation.h>
#import <Security/Security.h>

@interface KeychainStore : NSObject
- (void)deleteItemForKey:(NSString *)key;
@end

@implementation KeychainStore

- (NSMutableDictionary *)queryForKey:(NSString *)key {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.app";
    query[(__bridge id)kSecAttrAccount] = key;
    return query;
}

- (void)deleteItemForKey:(NSString *)key {
    NSMutableDictionary *query = [self queryForKey:key];
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// if (status != errSecSuccess) { SecItemDelete(...); }
- (NSData *)dataForKey:(NSString *)key {
    NSMutableDictionary *query = [self queryForKey:key];
    query[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status != errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)[self queryForKey:key]); // want `SecItemDelete runs after SecItemCopyMatching on line 28 may have failed with errSecInteractionNotAllowed`
        return nil;
    }
    return (__bridge_transfer NSData *)result;
}

// A helper that deletes, called after the failed read in the same file:
// the finding is at the helper call.
- (NSData *)dataOrResetForKey:(NSString *)key {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForKey:key], &result);
    if (status == errSecSuccess) {
        return (__bridge_transfer NSData *)result;
    }
    [self deleteItemForKey:key]; // want `deleteItemForKey: \(which calls SecItemDelete\) runs after SecItemCopyMatching on line 40 may have failed`
    return nil;
}

// switch with default
- (NSData *)switchForKey:(NSString *)key {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForKey:key], &result);
    switch (status) {
        case errSecSuccess:
            return (__bridge_transfer NSData *)result;
        case errSecItemNotFound:
            return nil;
        default:
            SecItemDelete((__bridge CFDictionaryRef)[self queryForKey:key]); // want `SecItemDelete runs after SecItemCopyMatching on line 51 may have failed`
            return nil;
    }
}

// Negatives.

- (NSData *)earlyExitForKey:(NSString *)key {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForKey:key], &result);
    if (status == errSecInteractionNotAllowed) {
        return nil;
    }
    if (status != errSecSuccess) {
        [self deleteItemForKey:key];
        return nil;
    }
    return (__bridge_transfer NSData *)result;
}

- (NSData *)switchHandledForKey:(NSString *)key {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForKey:key], &result);
    switch (status) {
        case errSecSuccess:
            return (__bridge_transfer NSData *)result;
        case errSecItemNotFound:
        case errSecInteractionNotAllowed:
            return nil;
        default:
            SecItemDelete((__bridge CFDictionaryRef)[self queryForKey:key]);
            return nil;
    }
}

- (void)cleanUpIfMissingForKey:(NSString *)key {
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForKey:key], NULL);
    if (status == errSecItemNotFound) {
        [self deleteItemForKey:key];
    }
}

- (NSString *)decodedForKey:(NSString *)key {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForKey:key], &result);
    if (status != errSecSuccess) {
        return nil;
    }
    NSString *token = [[NSString alloc] initWithData:(__bridge_transfer NSData *)result encoding:NSUTF8StringEncoding];
    if (token == nil) {
        SecItemDelete((__bridge CFDictionaryRef)[self queryForKey:key]);
        return nil;
    }
    return token;
}

@end
