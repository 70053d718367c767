#import <Security/Security.h>

// Code that cannot run on macOS only ever reaches the data-protection
// keychain: a warning, no fix.
#if TARGET_OS_IPHONE
void signOutIOSObjC(void) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords in every access group it can see`
}
#endif

void signOutGuardedObjC(void) {
#if TARGET_OS_IOS
    SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword }); // want `^SecItemDelete with only kSecClass deletes every one of the app's internet passwords in every access group`
#endif
}

// kSecUseDataProtectionKeychain: true keeps a macOS delete away from the
// file keychains: a warning.
void signOutDataProtectionObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecUseDataProtectionKeychain: @YES,
    };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords in every access group`
}

// So does kSecAttrSynchronizable: true (the macOS shim sends synchronizable
// queries to the data-protection keychain only).
void signOutSynchronizableObjC(void) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrSynchronizable] = (__bridge id)kCFBooleanTrue;
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords in every access group`
}
