#import <Foundation/Foundation.h>
#import <Security/Security.h>

// A pod for iOS 13 and macOS 10.15: the key exists on every supported Mac.
OSStatus KeysAddMacOnly(NSData *key) {
#if TARGET_OS_OSX
    NSDictionary *attrs = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"keys", (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly, (__bridge id)kSecValueData: key};
    return SecItemAdd((__bridge CFDictionaryRef)attrs, NULL); // want `the macOS deployment target 10.15 has it`
#else
    return errSecUnimplemented;
#endif
}

// Silent: the key only on the iOS side of the #if says nothing for macOS,
// and the macOS side sets it.
OSStatus KeysAddEverywhere(NSData *key) {
    NSMutableDictionary *attrs = [@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"keys", (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly, (__bridge id)kSecValueData: key} mutableCopy];
#if TARGET_OS_OSX
    attrs[(__bridge id)kSecUseDataProtectionKeychain] = @YES;
#endif
    return SecItemAdd((__bridge CFDictionaryRef)attrs, NULL);
}

// Reported: the key is set for iOS only, so the macOS add still goes to the
// file keychain.
OSStatus KeysAddWrongBranch(NSData *key) {
    NSMutableDictionary *attrs = [@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"keys", (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly, (__bridge id)kSecValueData: key} mutableCopy];
#if TARGET_OS_IPHONE
    attrs[(__bridge id)kSecUseDataProtectionKeychain] = @YES;
#endif
    return SecItemAdd((__bridge CFDictionaryRef)attrs, NULL); // want `on macOS this SecItemAdd, without kSecUseDataProtectionKeychain: true`
}
