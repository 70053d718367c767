#import <Security/Security.h>

// +dictionaryWithObjectsAndKeys: lists each value before its key: the
// delete is reported, but the fix (which inserts "key: value" after a
// literal entry) does not apply, so the file stays as it is.
void wipeWithObjectsAndKeys(void) {
    NSDictionary *query = [NSDictionary dictionaryWithObjectsAndKeys:(__bridge id)kSecClassGenericPassword, (__bridge id)kSecClass, nil];
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords, and on macOS`
}

void wipeWithObjectsAndKeysFalse(void) {
    NSDictionary *query = [[NSDictionary alloc] initWithObjectsAndKeys:(__bridge id)kSecClassKey, (__bridge id)kSecClass, @NO, (__bridge id)kSecUseDataProtectionKeychain, nil];
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's keys, and on macOS`
}

// Keys and values in two arrays: reported, no fix.
void wipeWithObjectsForKeysObjC(void) {
    NSDictionary *query = [NSDictionary dictionaryWithObjects:@[(__bridge id)kSecClassGenericPassword] forKeys:@[(__bridge id)kSecClass]];
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords, and on macOS`
}
