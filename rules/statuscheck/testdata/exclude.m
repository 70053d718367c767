#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Reported: every failure but errSecDuplicateItem returns YES.
BOOL SaveItem(NSDictionary *item, NSDictionary *query, NSDictionary *changes) {
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    if (status == errSecDuplicateItem) { // want "`status == errSecDuplicateItem` tells only one error of SecItemAdd on line 6 apart, and the other failures reach the success exit on line 10"
        return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes) == errSecSuccess;
    }
    return YES;
}

// Reported: the data is "there" unless the item is missing.
BOOL CopyItem(NSDictionary *query, NSData **out) {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status != errSecItemNotFound) { // want "`status != errSecItemNotFound` tells only one error of SecItemCopyMatching on line 16 apart, and the other failures reach the success exit on line 19"
        *out = (__bridge_transfer NSData *)result;
        return YES;
    }
    return NO;
}

// Silent: an existence check.
BOOL ItemExists(NSDictionary *query) {
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status != errSecItemNotFound) {
        return YES;
    }
    return NO;
}

// Silent: update, add when missing, then the last status is checked.
BOOL Upsert(NSDictionary *query, NSDictionary *changes, NSDictionary *item) {
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    if (status == errSecItemNotFound) {
        status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
    if (status != errSecSuccess) {
        return NO;
    }
    return YES;
}

// Silent: compared with errSecSuccess.
BOOL SaveChecked(NSDictionary *item, NSDictionary *query, NSDictionary *changes) {
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    if (status == errSecDuplicateItem) {
        status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    }
    return status == errSecSuccess;
}

// Silent: a switch whose default fails.
BOOL SaveSwitch(NSDictionary *item, NSDictionary *query, NSDictionary *changes) {
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    switch (status) {
    case errSecSuccess:
        return YES;
    case errSecDuplicateItem:
        return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes) == errSecSuccess;
    default:
        return NO;
    }
}

// Silent: errSecItemNotFound is "absent", every other failure fails.
NSData *LoadItem(NSDictionary *query, NSError **error) {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status == errSecItemNotFound) {
        return nil;
    }
    if (status != errSecSuccess) {
        if (error) *error = [NSError errorWithDomain:NSOSStatusErrorDomain code:status userInfo:nil];
        return nil;
    }
    return (__bridge_transfer NSData *)result;
}
