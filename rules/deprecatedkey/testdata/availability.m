#import <Security/Security.h>

// Objective-C availability checks: the fallback branch keeps the deprecated
// constant because the replacement does not exist there: silent.
OSStatus readQuietlyObjC(void) {
    NSMutableDictionary *query = [@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"s" } mutableCopy];
    if (@available(iOS 11.0, macOS 10.13, *)) {
        query[(__bridge id)kSecUseAuthenticationUI] = (__bridge id)kSecUseAuthenticationUIFail; // want `^kSecUseAuthenticationUIFail is deprecated`
    } else {
        query[(__bridge id)kSecUseNoAuthenticationUI] = @YES;
    }
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

// A weak-symbol check: kSecUseAuthenticationUI (iOS 9, macOS 10.11) is
// missing, so LAContext's interactionNotAllowed (iOS 11) is too.
OSStatus weakSymbolObjC(void) {
    NSMutableDictionary *query = [@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"s" } mutableCopy];
    if (&kSecUseAuthenticationUI != NULL) {
        query[(__bridge id)kSecUseAuthenticationUI] = (__bridge id)kSecUseAuthenticationUISkip;
    } else {
        query[(__bridge id)kSecUseNoAuthenticationUI] = @YES;
    }
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

// A weak-symbol check of the replacement itself: its fallback runs only
// where kSecAttrAccessibleAfterFirstUnlock does not exist (before iOS 4):
// silent. The same constant unconditionally is reported.
OSStatus addObjC(NSData *data) {
    NSMutableDictionary *item = [NSMutableDictionary dictionary];
    item[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    item[(__bridge id)kSecValueData] = data;
    if (&kSecAttrAccessibleAfterFirstUnlock == NULL) {
        item[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAlways;
    }
    return SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

OSStatus addUnconditionallyObjC(NSData *data) {
    NSDictionary *item = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecValueData: data,
                            (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAlwaysThisDeviceOnly }; // want `^kSecAttrAccessibleAlwaysThisDeviceOnly is deprecated`
    return SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// A feature check: the fallback is for systems without the feature.
OSStatus featureCheckObjC(id context) {
    NSMutableDictionary *query = [@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"s" } mutableCopy];
    if ([context respondsToSelector:@selector(setInteractionNotAllowed:)]) {
        query[(__bridge id)kSecUseAuthenticationContext] = context;
    } else {
        query[(__bridge id)kSecUseNoAuthenticationUI] = @YES;
    }
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

// Foundation version and deployment-target checks.
OSStatus versionChecksObjC(void) {
    NSMutableDictionary *query = [@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"s" } mutableCopy];
    if (floor(NSFoundationVersionNumber) <= NSFoundationVersionNumber_iOS_8_x_Max) {
        query[(__bridge id)kSecUseNoAuthenticationUI] = @YES;
    }
#if __IPHONE_OS_VERSION_MIN_REQUIRED < __IPHONE_11_0
    query[(__bridge id)kSecUseOperationPrompt] = @"Unlock";
#else
    query[(__bridge id)kSecUseOperationPrompt] = @"Unlock"; // want `^kSecUseOperationPrompt is deprecated`
#endif
#if defined(__MAC_OS_X_VERSION_MIN_REQUIRED) && __MAC_OS_X_VERSION_MIN_REQUIRED < 101300
    query[(__bridge id)kSecUseAuthenticationUI] = (__bridge id)kSecUseAuthenticationUIFail;
#endif
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

// The deprecation warning switched off around the use: the developer chose
// the constant (MSAL's team-ID probe must be readable before first unlock).
OSStatus pragmaObjC(void) {
    NSMutableDictionary *item = [NSMutableDictionary dictionary];
    item[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    item[(__bridge id)kSecAttrAccount] = @"teamIDHint";
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
    item[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAlways;
#pragma clang diagnostic pop
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    item[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAlways; // want `^kSecAttrAccessibleAlways is deprecated`
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    return status;
}

// Another warning switched off: still reported.
OSStatus otherPragmaObjC(void) {
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunused-variable"
    NSDictionary *item = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                            (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAlways }; // want `^kSecAttrAccessibleAlways is deprecated`
#pragma clang diagnostic pop
    return SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// A Foundation version compared with a number (UICKeyChainStore's iOS 9
// check): the branch for older systems keeps the old constant; the other
// branch is reported.
OSStatus foundationNumberObjC(void) {
    NSMutableDictionary *query = [@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrService: @"s" } mutableCopy];
    if (floor(NSFoundationVersionNumber) > floor(1144.17)) { // iOS 9+
        query[(__bridge id)kSecUseAuthenticationUI] = (__bridge id)kSecUseAuthenticationUIFail; // want `^kSecUseAuthenticationUIFail is deprecated`
    } else {
        query[(__bridge id)kSecUseNoAuthenticationUI] = (__bridge id)kCFBooleanTrue;
    }
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}
