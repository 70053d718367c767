#import <Security/Security.h>

// The Objective-C counterpart of a copy: mutableCopy makes a new object.
void saveCopyObjC(NSData *d) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.copy",
        (__bridge id)kSecAttrAccount: @"me",
    };
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecItemNotFound) {
        NSMutableDictionary *add = [query mutableCopy];
        add[(__bridge id)kSecValueData] = d;
        SecItemAdd((__bridge CFDictionaryRef)add, NULL);
    }
}
