#import <Security/Security.h>

// The read's query still holds kSecReturnData when it becomes the query of
// SecItemUpdate, which rejects it with errSecParam on iOS.
void updateAfterReadObjC(NSData *newData) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"token",
        (__bridge id)kSecReturnData: @YES,
    };
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) == errSecSuccess) {
        NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
        SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes); // want `^SecItemUpdate receives the dictionary already used by SecItemCopyMatching on line 13, which still holds kSecReturnData: SecItemUpdate takes no kSecMatch\* or kSecReturn\* keys in its query and fails with errSecParam \(-50\) on iOS, tvOS, watchOS, visionOS and Mac Catalyst \(macOS drops them\)`
    }
}

// The update retried after a failure: the first update's finding covers
// the retry.
void updateAfterReadRetriedObjC(NSData *newData) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecReturnData: @YES,
    };
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) != errSecSuccess) {
        return;
    }
    NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes); // want `^SecItemUpdate receives the dictionary already used by SecItemCopyMatching on line 28, which still holds kSecReturnData`
    for (int i = 0; i < 2 && status != errSecSuccess; i++) {
        status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    }
}
