// A helper that deletes (or checks) an item named by its parameter: the caller's argument
// decides which item it is.
//
//
//
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@interface CredentialStore : NSObject
@end

@implementation CredentialStore

// A wrapper: the caller's dictionary is deleted.
- (void)remove:(NSDictionary *)query {
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// A helper with its own dictionary, the account from a parameter.
- (void)removeItemForAccount:(NSString *)account {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.credentials",
        (__bridge id)kSecAttrAccount: account,
    };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)saveThroughWrapper:(NSData *)secret {
    NSMutableDictionary *item = [NSMutableDictionary dictionary];
    item[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    item[(__bridge id)kSecAttrService] = @"com.example.credentials";
    item[(__bridge id)kSecAttrAccount] = @"wrapper";
    [self remove:item]; // want `\(which calls SecItemDelete\) followed by SecItemAdd of the same generic password on line 36: `
    item[(__bridge id)kSecValueData] = secret;
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

- (void)saveConstant:(NSData *)secret {
    [self removeItemForAccount:@"constant"]; // want `\(which calls SecItemDelete\) followed by SecItemAdd of the same generic password on line 47: `
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.credentials",
        (__bridge id)kSecAttrAccount: @"constant",
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

- (void)saveVariable:(NSData *)secret account:(NSString *)account {
    [self removeItemForAccount:account]; // want `\(which calls SecItemDelete\) followed by SecItemAdd of the same generic password on line 58: `
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.credentials",
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent also after the fix: another account.
- (void)saveOther:(NSData *)secret {
    [self removeItemForAccount:@"old"];
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.credentials",
        (__bridge id)kSecAttrAccount: @"new",
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

@end
