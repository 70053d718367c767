#import <Foundation/Foundation.h>
#import <Security/Security.h>

// The classic pitfall: the existence check filters on kSecAttrGeneric, the
// item exists with another generic value, the read says "not found" and the
// add of the same service and account fails with errSecDuplicateItem.
void SaveTokenGeneric(NSData *token, NSData *tag) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"token",
        (__bridge id)kSecAttrGeneric: tag, // want `^kSecAttrGeneric is not part of what makes a generic password unique: this read reports errSecItemNotFound when the item exists with another kSecAttrGeneric, and the SecItemAdd on line 22 then fails with errSecDuplicateItem \(-25299\); look the item up by its primary key \(kSecAttrAccount, kSecAttrService\) only$`
    };
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.token",
            (__bridge id)kSecAttrAccount: @"token",
            (__bridge id)kSecValueData: token,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// The same with kSecAttrAccessible, variables for service and account, and
// an early return on success: the add runs wherever the read did not
// succeed.
void SaveTokenAccessible(NSData *token, NSString *service, NSString *account) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = service;
    query[(__bridge id)kSecAttrAccount] = account;
    query[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAfterFirstUnlock; // want `^kSecAttrAccessible is not part of what makes a generic password unique: .*SecItemAdd on line 44 then fails with errSecDuplicateItem \(-25299\)`
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status == errSecSuccess) {
        return;
    }
    NSMutableDictionary *item = [NSMutableDictionary dictionary];
    [item setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [item setObject:service forKey:(__bridge id)kSecAttrService];
    [item setObject:account forKey:(__bridge id)kSecAttrAccount];
    [item setObject:token forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Label and description: each non-unique key of the read is reported.
void SaveTokenLabelled(NSData *token, NSString *account) {
    NSMutableDictionary *query = [@{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: account,
    } mutableCopy];
    query[(__bridge id)kSecAttrLabel] = @"Example token"; // want `^kSecAttrLabel is not part of what makes a generic password unique: .*SecItemAdd on line 59 `
    query[(__bridge id)kSecAttrDescription] = @"API token"; // want `^kSecAttrDescription is not part of what makes a generic password unique: .*SecItemAdd on line 59 `
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecItemNotFound) {
        NSMutableDictionary *item = [query mutableCopy];
        item[(__bridge id)kSecValueData] = token;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// kSecAttrComment on an internet password: account and server identify it.
void SaveWebPassword(NSData *password, NSString *user) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword,
        (__bridge id)kSecAttrServer: @"example.com",
        (__bridge id)kSecAttrAccount: user,
        (__bridge id)kSecAttrComment: @"web login", // want `^kSecAttrComment is not part of what makes an internet password unique: .*SecItemAdd on line 79 .*primary key \(kSecAttrAccount, kSecAttrServer\) only$`
    };
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status != errSecSuccess) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword,
            (__bridge id)kSecAttrServer: @"example.com",
            (__bridge id)kSecAttrAccount: user,
            (__bridge id)kSecValueData: password,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}
