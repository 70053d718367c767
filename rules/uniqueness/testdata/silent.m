#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Silent: the existence check filters only on primary attributes
// (service, account, access group, synchronizable).
void SavePrimaryOnly(NSData *token, NSString *account) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.token";
    query[(__bridge id)kSecAttrAccount] = account;
    query[(__bridge id)kSecAttrAccessGroup] = @"TEAMID.com.example.shared";
    query[(__bridge id)kSecAttrSynchronizable] = @YES;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status == errSecItemNotFound) {
        NSMutableDictionary *item = [query mutableCopy];
        item[(__bridge id)kSecValueData] = token;
        item[(__bridge id)kSecAttrLabel] = @"Example token";
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: the add happens only after the read succeeded.
void SaveAfterSuccess(NSData *token, NSData *tag) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"token",
        (__bridge id)kSecAttrGeneric: tag,
    };
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecSuccess) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.token",
            (__bridge id)kSecAttrAccount: @"token",
            (__bridge id)kSecValueData: token,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: the add runs whatever the read returned, also after success
// (not an existence check).
void SaveAlways(NSData *token, NSData *tag) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"token",
        (__bridge id)kSecAttrGeneric: tag,
    };
    SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"token",
        (__bridge id)kSecValueData: token,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: the add names another item (another account constant).
void SaveOtherAccount(NSData *token, NSData *tag) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"token",
        (__bridge id)kSecAttrGeneric: tag,
    };
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.token",
            (__bridge id)kSecAttrAccount: @"token.backup",
            (__bridge id)kSecValueData: token,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}
