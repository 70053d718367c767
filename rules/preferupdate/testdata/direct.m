#import <Foundation/Foundation.h>
#import <Security/Security.h>

// One dictionary: delete it, add the data, add it again.
void ReplaceSecret(NSData *secret) {
    NSMutableDictionary *item = [NSMutableDictionary dictionary];
    item[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    item[(__bridge id)kSecAttrService] = @"com.example.secret";
    item[(__bridge id)kSecAttrAccount] = @"secret";
    SecItemDelete((__bridge CFDictionaryRef)item); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 12: until the add succeeds the item does not exist, and if the add fails \(for example errSecInteractionNotAllowed \(-25308\) while the device is locked\) the old value is lost; use SecItemUpdate, and SecItemAdd only when it returns errSecItemNotFound$`
    [item setObject:secret forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Two literals with the same service and account constants.
OSStatus SaveToken(NSData *token) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"token",
    };
    SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 29: `
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: @"token",
        (__bridge id)kSecValueData: token,
    };
    return SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Two literals with the same variables; the delete's status is ignored
// unless it is an unexpected error.
void SavePassword(NSData *password, NSString *server, NSString *user) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword,
        (__bridge id)kSecAttrServer: server,
        (__bridge id)kSecAttrAccount: user,
    };
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)query); // want `^SecItemDelete followed by SecItemAdd of the same internet password on line 50: `
    if (status != errSecSuccess && status != errSecItemNotFound) {
        return;
    }
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword,
        (__bridge id)kSecAttrServer: server,
        (__bridge id)kSecAttrAccount: user,
        (__bridge id)kSecValueData: password,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
