#import <Security/Security.h>

// Fast enumeration over a literal array binds each class (issue 11, item 8).
void wipeAllClassesObjC(void) {
    for (id cls in @[(__bridge id)kSecClassGenericPassword, (__bridge id)kSecClassKey, (__bridge id)kSecClassIdentity]) {
        SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: cls}); // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords, keys and identities, and on macOS`
    }
}

// Negative: each delete names the app's service.
void wipeOurServiceObjC(void) {
    for (id cls in @[(__bridge id)kSecClassGenericPassword, (__bridge id)kSecClassInternetPassword]) {
        SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: cls, (__bridge id)kSecAttrService: @"com.example.app"});
    }
}

// Negative: the collection is not a literal.
void wipeObjC(NSArray *classes) {
    for (id cls in classes) {
        SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: cls});
    }
}
