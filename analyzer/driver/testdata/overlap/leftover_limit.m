#import <Security/Security.h>

// The read's kSecMatchLimit reaches the delete: one finding (reuseddict,
// at error), with the key as a related location.
void purgeAfterListingObjC(void) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.overlap";
    query[(__bridge id)kSecReturnAttributes] = @YES;
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
    CFTypeRef items = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &items);
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete receives the dictionary already used by SecItemCopyMatching on line 12, which still holds kSecMatchLimit`
}

// A match key written for the delete itself, not left over from the read:
// deletelimit's finding, and no reuse.
void deleteWithOwnLimitObjC(void) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.overlap";
    query[(__bridge id)kSecAttrAccount] = @"me";
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecSuccess) {
        query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne; // want `^kSecMatchLimit in a SecItemDelete query`
        SecItemDelete((__bridge CFDictionaryRef)query);
    }
}
