#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Reported: released whatever the status; a missing item crashes.
NSString *LoadString(NSDictionary *query) {
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    NSString *s = [[NSString alloc] initWithData:(__bridge NSData *)result encoding:NSUTF8StringEncoding];
    CFRelease(result); // want "`CFRelease\\(result\\)` runs while the status of SecItemCopyMatching on line 7 may be errSecItemNotFound \\(-25300\\), .* \\(not checked on the way\\): a failed call does not write its result, which is still NULL, and CFRelease\\(NULL\\) crashes"
    return s;
}

// Reported: only errSecItemNotFound is told apart before the release.
NSData *LoadData(NSDictionary *query) {
    CFDataRef data = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, (CFTypeRef *)&data);
    if (status == errSecItemNotFound) {
        return nil;
    }
    NSData *copy = [(__bridge NSData *)data copy];
    CFRelease(data); // want "`CFRelease\\(data\\)` runs while the status of SecItemCopyMatching on line 16 may be errSecInteractionNotAllowed .*last checked by `status == errSecItemNotFound` on line 17"
    return copy;
}

// Silent: released only when not NULL.
NSData *LoadGuarded(NSDictionary *query) {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    NSData *data = nil;
    if (status == errSecSuccess) {
        data = [(__bridge NSData *)result copy];
    }
    if (result) {
        CFRelease(result);
    }
    return data;
}

// Silent: released after a nil comparison.
void Drop(NSDictionary *query) {
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (result != NULL) CFRelease(result);
}

// Silent: every failure returns before the release.
NSData *LoadChecked(NSDictionary *query) {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status != errSecSuccess) {
        return nil;
    }
    NSData *data = [(__bridge NSData *)result copy];
    CFRelease(result);
    return data;
}

// Silent: a bridging transfer of NULL is nil, not a crash.
NSData *LoadTransfer(NSDictionary *query) {
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    return (__bridge_transfer NSData *)result;
}

// Silent: CFBridgingRelease(NULL) is nil too.
NSData *LoadBridging(NSDictionary *query) {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status == errSecItemNotFound) return nil;
    return CFBridgingRelease(result);
}

// Silent: the nil comparison is kept in a variable that decides.
BOOL KeyExists(NSDictionary *query) {
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    BOOL exists = result != nil;
    if (exists) CFRelease(result);
    return exists;
}
