#import <Security/Security.h>

// A marker read; on errSecInteractionNotAllowed it is deleted and added
// again: one bug. deleteonreadfailure names the cause (the delete runs
// because a read failed while the device may be locked) and keeps the
// finding; preferupdate's (delete then add) is folded into it, its re-add
// as a related location. The kSecReturnAttributes left in the delete is
// ignored by SecItemDelete: no reuseddict finding.
void refreshMarkerObjC(void) {
    NSDictionary *query = @{ (id)kSecClass: (id)kSecClassGenericPassword,
                             (id)kSecAttrAccount: @"marker",
                             (id)kSecAttrService: @"",
                             (id)kSecReturnAttributes: @YES };
    CFDictionaryRef result = NULL;
    OSStatus readStatus = SecItemCopyMatching((__bridge CFDictionaryRef)query, (CFTypeRef *)&result);
    if (readStatus == errSecInteractionNotAllowed) {
        SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete runs after SecItemCopyMatching on line 15 may have failed with errSecInteractionNotAllowed`
        NSMutableDictionary *add = [query mutableCopy];
        add[(id)kSecAttrAccessible] = (id)kSecAttrAccessibleAfterFirstUnlock;
        SecItemAdd((__bridge CFDictionaryRef)add, (CFTypeRef *)&result);
    }
}

// Delete then add with no read before: preferupdate alone.
void replaceMarkerObjC(NSData *data) {
    NSDictionary *query = @{ (id)kSecClass: (id)kSecClassGenericPassword,
                             (id)kSecAttrAccount: @"marker",
                             (id)kSecAttrService: @"" };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete followed by SecItemAdd of the same generic password`
    NSMutableDictionary *add = [query mutableCopy];
    add[(id)kSecValueData] = data;
    SecItemAdd((__bridge CFDictionaryRef)add, NULL);
}
