#import <Security/Security.h>

// Fast enumeration over a literal array of classes (issue 11, item 8).
void wipeServiceObjC(NSString *service) {
    for (id cls in @[(__bridge id)kSecClassGenericPassword, (__bridge id)kSecClassInternetPassword]) {
        NSDictionary *query = @{
            (__bridge id)kSecClass: cls,
            (__bridge id)kSecAttrService: service, // want `^kSecAttrService is not an attribute of internet passwords \(kSecClassInternetPassword\)`
        };
        SecItemDelete((__bridge CFDictionaryRef)query);
    }
}

// Negative: kSecAttrAccount belongs to both classes.
void wipeAccountObjC(NSString *account) {
    for (id cls in @[(__bridge id)kSecClassGenericPassword, (__bridge id)kSecClassInternetPassword]) {
        SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: cls, (__bridge id)kSecAttrAccount: account});
    }
}

// Negative: each branch sets the attribute of its own class.
void wipeEitherObjC(NSString *name, BOOL internet) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    if (internet) {
        query[(__bridge id)kSecClass] = (__bridge id)kSecClassInternetPassword;
        query[(__bridge id)kSecAttrServer] = name;
    } else {
        query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
        query[(__bridge id)kSecAttrService] = name;
    }
    SecItemDelete((__bridge CFDictionaryRef)query);
}
