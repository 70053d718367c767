// A false kSecReturn* key is inert: securityd clears the return bit.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

void updateWithFalseReturn(NSData *value) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrAccount: @"me",
                             (__bridge id)kSecReturnData: @NO };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: value });
}

void addWithFalseReturn(NSData *value) {
    NSDictionary *attributes = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                                  (__bridge id)kSecAttrAccount: @"me",
                                  (__bridge id)kSecValueData: value,
                                  (__bridge id)kSecReturnAttributes: (__bridge id)kCFBooleanFalse };
    SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}

// YES is not inert.
void updateWithTrueReturn(NSData *value) {
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrAccount: @"me",
                             (__bridge id)kSecReturnData: @YES }; // want `^kSecReturnData in the query of SecItemUpdate makes the update fail with errSecParam`
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: value });
}
