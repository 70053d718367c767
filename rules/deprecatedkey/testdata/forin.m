#import <Security/Security.h>

// A protection class picked from a literal array (issue 11, item 8).
void removeAtEveryLevelObjC(NSString *service, NSString *account) {
    for (id level in @[(__bridge id)kSecAttrAccessibleAfterFirstUnlock, (__bridge id)kSecAttrAccessibleAlwaysThisDeviceOnly]) { // want `^kSecAttrAccessibleAlwaysThisDeviceOnly is deprecated`
        NSDictionary *query = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: service,
            (__bridge id)kSecAttrAccount: account,
            (__bridge id)kSecAttrAccessible: level,
        };
        SecItemDelete((__bridge CFDictionaryRef)query);
    }
}

// Negative: the array never reaches a SecItem call.
NSUInteger levelCountObjC(void) {
    NSUInteger n = 0;
    for (id level in @[(__bridge id)kSecAttrAccessibleAlways, (__bridge id)kSecAttrAccessibleWhenUnlocked]) {
        if (level) n++;
    }
    return n;
}
