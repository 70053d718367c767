#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Silent: the delete and the add name different items (another account).
void ReplaceOther(NSData *secret) {
    NSDictionary *old = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.secret",
        (__bridge id)kSecAttrAccount: @"secret.old",
    };
    SecItemDelete((__bridge CFDictionaryRef)old);
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.secret",
        (__bridge id)kSecAttrAccount: @"secret",
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: the add is on the other branch.
void ResetOrSave(NSData *secret) {
    NSMutableDictionary *item = [NSMutableDictionary dictionary];
    item[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    item[(__bridge id)kSecAttrService] = @"com.example.secret";
    item[(__bridge id)kSecAttrAccount] = @"secret";
    if (secret != nil) {
        item[(__bridge id)kSecValueData] = secret;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    } else {
        SecItemDelete((__bridge CFDictionaryRef)item);
    }
}

// Silent by design: the identifying values are computed by calls, so they
// cannot be shown to be the same.
void SaveFresh(NSData *secret) {
    NSDictionary *old = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.secret",
        (__bridge id)kSecAttrAccount: [[NSUUID UUID] UUIDString],
    };
    SecItemDelete((__bridge CFDictionaryRef)old);
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.secret",
        (__bridge id)kSecAttrAccount: [[NSUUID UUID] UUIDString],
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
