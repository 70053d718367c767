#import <Security/Security.h>

// The deprecated authentication keys and values: a warning that names the
// LAContext replacement, and no automatic fix.
CFTypeRef readWithPromptObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.auth",
        (__bridge id)kSecReturnData: @YES,
        (__bridge id)kSecUseOperationPrompt: @"Unlock your vault", // want `^kSecUseOperationPrompt is deprecated \(iOS 14, macOS 11 \(10\.16\)\): use kSecUseAuthenticationContext with an LAContext whose localizedReason is set`
    };
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    return result;
}

OSStatus readWithoutUIObjC(void) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [query setObject:@"com.example.auth" forKey:(__bridge id)kSecAttrService];
    [query setObject:@YES forKey:(__bridge id)kSecUseNoAuthenticationUI]; // want `^kSecUseNoAuthenticationUI is deprecated \(iOS 9, macOS 10\.11\): use kSecUseAuthenticationContext with an LAContext whose interactionNotAllowed is true`
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

OSStatus readAllowUIObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.auth",
        (__bridge id)kSecUseAuthenticationUI: (__bridge id)kSecUseAuthenticationUIAllow, // want `^kSecUseAuthenticationUIAllow is deprecated \(iOS 14, macOS 11 \(10\.16\)\): remove kSecUseAuthenticationUI`
    };
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

void deleteFailUIObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.auth",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecUseAuthenticationUI: (__bridge id)kSecUseAuthenticationUIFail, // want `^kSecUseAuthenticationUIFail is deprecated \(iOS 14, macOS 11 \(10\.16\)\): use kSecUseAuthenticationContext with an LAContext whose interactionNotAllowed is true`
    };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// kSecUseAuthenticationUISkip is not deprecated.
OSStatus readSkipUIObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.auth",
        (__bridge id)kSecUseAuthenticationUI: (__bridge id)kSecUseAuthenticationUISkip,
    };
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}
