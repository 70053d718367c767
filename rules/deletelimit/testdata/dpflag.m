// kSecUseDataProtectionKeychain: @NO is not the data-protection keychain.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

void deleteFileKeychain(void) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"com.example.dp",
                             (__bridge id)kSecUseDataProtectionKeychain: @NO };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `does not name one item \(no kSecAttrAccount\)`
}

// @YES: silent.
void deleteDataProtection(void) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"com.example.dp",
                             (__bridge id)kSecUseDataProtectionKeychain: @YES };
    SecItemDelete((__bridge CFDictionaryRef)query);
}
