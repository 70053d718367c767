#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Reported: ThisDeviceOnly on an add that goes to the file keychain on macOS.
OSStatus AddDeviceKey(NSData *key) {
    NSDictionary *attrs = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"vault", (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly, (__bridge id)kSecValueData: key};
    return SecItemAdd((__bridge CFDictionaryRef)attrs, NULL); // want `on macOS this SecItemAdd, without kSecUseDataProtectionKeychain: true, stores the item in the legacy file keychain.*kSecAttrAccessibleWhenUnlockedThisDeviceOnly does not bind the item to this Mac`
}

// Silent: the key is set for macOS, as the broker key of a real SDK does.
OSStatus AddDeviceKeyDataProtection(NSData *key) {
    NSMutableDictionary *attrs = [@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"vault", (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly, (__bridge id)kSecValueData: key} mutableCopy];
#if !TARGET_OS_IPHONE
    attrs[(__bridge id)kSecUseDataProtectionKeychain] = @YES;
#endif
    return SecItemAdd((__bridge CFDictionaryRef)attrs, NULL);
}

// Silent: only on iOS.
OSStatus AddPhoneKey(NSData *key) {
#if TARGET_OS_IPHONE
    NSDictionary *attrs = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"phone", (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly, (__bridge id)kSecValueData: key};
    return SecItemAdd((__bridge CFDictionaryRef)attrs, NULL);
#else
    return errSecUnimplemented;
#endif
}
