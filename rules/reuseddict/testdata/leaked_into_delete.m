#import <Security/Security.h>

// A read's query used unchanged for SecItemDelete: kSecMatchLimit makes the
// delete fail on iOS (the kSecReturnAttributes is ignored and not named);
// a kSecReturn* key alone is ignored by the delete: not reported.
void deleteWithReadQueryObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.limit",
        (__bridge id)kSecReturnAttributes: @YES,
        (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitAll,
    };
    CFTypeRef items = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &items);
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete receives the dictionary already used by SecItemCopyMatching on line 14, which still holds kSecMatchLimit: SecItemDelete takes no kSecMatch\* keys and fails with errSecParam \(-50\) on iOS, tvOS, watchOS, visionOS and Mac Catalyst \(macOS drops them\)`
}

void deleteWithReturnOnlyObjC(void) {
    NSDictionary *returning = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.return",
        (__bridge id)kSecReturnData: @YES,
    };
    CFTypeRef item = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)returning, &item);
    SecItemDelete((__bridge CFDictionaryRef)returning);
}

// Removing the return key before the delete leaves nothing to report.
void deleteAfterRemovingReturnObjC(void) {
    NSMutableDictionary *removing = [NSMutableDictionary dictionary];
    removing[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    removing[(__bridge id)kSecAttrService] = @"com.example.remove";
    removing[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef item = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)removing, &item);
    [removing removeObjectForKey:(__bridge id)kSecReturnData];
    SecItemDelete((__bridge CFDictionaryRef)removing);
}
