#import <Security/Security.h>

// One update that fails with -50 because of a match key and a return key
// is one finding, at the first key.
OSStatus UpdateWithTwoKeys(NSString *account, NSData *data) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitOne, // want "^kSecMatchLimit and kSecReturnData in the query of SecItemUpdate make the update fail with errSecParam \\(-50\\)"
        (__bridge id)kSecReturnData: @YES,
    };
    return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecValueData: data});
}

// Two useless return keys in one add: one finding.
OSStatus AddWithTwoReturnKeys(NSString *account, NSData *data) {
    NSDictionary *attrs = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecValueData: data,
        (__bridge id)kSecReturnAttributes: @YES, // want "^kSecReturnAttributes and kSecReturnData in the attributes of SecItemAdd have no effect"
        (__bridge id)kSecReturnData: @YES,
    };
    return SecItemAdd((__bridge CFDictionaryRef)attrs, NULL);
}
