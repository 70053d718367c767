#import <Security/Security.h>

// kSecUseAuthenticationUISkip is accepted only by SecItemCopyMatching; the
// finding is at the Skip value.
void addWithSkipObjC(NSData *secret) {
    NSDictionary *attributes = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.ui",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: secret,
        (__bridge id)kSecUseAuthenticationUI: (__bridge id)kSecUseAuthenticationUISkip, // want `^kSecUseAuthenticationUISkip is allowed only in SecItemCopyMatching: SecItemAdd fails with errSecParam \(-50\)`
    };
    SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}

void updateWithSkipObjC(NSData *newData) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.ui";
    query[(__bridge id)kSecAttrAccount] = @"me";
    query[(__bridge id)kSecUseAuthenticationUI] = (__bridge id)kSecUseAuthenticationUISkip; // want `^kSecUseAuthenticationUISkip is allowed only in SecItemCopyMatching: SecItemUpdate fails with errSecParam \(-50\)`
    NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

void deleteWithSkipObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.ui",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecUseAuthenticationUI: (__bridge id)kSecUseAuthenticationUISkip, // want `^kSecUseAuthenticationUISkip is allowed only in SecItemCopyMatching: SecItemDelete fails with errSecParam \(-50\)`
    };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// In SecItemCopyMatching Skip is what it is for: silent.
CFTypeRef readWithSkipObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.ui",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecReturnData: @YES,
        (__bridge id)kSecUseAuthenticationUI: (__bridge id)kSecUseAuthenticationUISkip,
    };
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    return result;
}

// In attributesToUpdate the key itself is reported (every kSecUse* key
// there fails with errSecNoSuchAttr); the Skip value is not reported a
// second time.
void updateAttributesWithSkipObjC(NSData *newData) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.ui",
        (__bridge id)kSecAttrAccount: @"me",
    };
    NSDictionary *changes = @{
        (__bridge id)kSecValueData: newData,
        (__bridge id)kSecUseAuthenticationUI: (__bridge id)kSecUseAuthenticationUISkip, // want `^kSecUseAuthenticationUI does not belong in the attributes to update: .*-25303`
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}
