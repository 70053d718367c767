#import <Security/Security.h>

// An add that asks for the new item's attributes, then, on a duplicate, the
// same dictionary as the update's query: its kSecReturnAttributes makes the
// update fail on iOS.
OSStatus upsertObjC(NSString *account, NSData *data) {
    NSDictionary *attributes = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.upsert",
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecValueData: data,
        (__bridge id)kSecReturnAttributes: @YES,
    };
    CFTypeRef added = NULL;
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)attributes, &added);
    if (status == errSecDuplicateItem) {
        NSDictionary *changes = @{ (__bridge id)kSecValueData: data };
        status = SecItemUpdate((__bridge CFDictionaryRef)attributes, (__bridge CFDictionaryRef)changes); // want `^SecItemUpdate receives the dictionary already used by SecItemAdd on line 15, which still holds kSecReturnAttributes: SecItemUpdate takes no`
    }
    return status;
}

// A false kSecReturnData in the read's query is inert in the update too.
void updateAfterFalseReturnObjC(NSString *account, NSData *data) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecReturnData: @NO,
    };
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecSuccess) {
        NSDictionary *changes = @{ (__bridge id)kSecValueData: data };
        SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    }
}

// The read's match limit, written only for macOS, reaches the delete only
// on macOS, which drops it.
void deleteAfterMacOSLimitObjC(NSString *account) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrAccount] = account;
#if TARGET_OS_OSX
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne;
#endif
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)query);
    }
}
