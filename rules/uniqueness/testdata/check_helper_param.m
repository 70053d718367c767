// A helper that deletes (or checks) an item named by its parameter: the caller's argument
// decides which item it is.
//
//
//
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@interface ProfileStore : NSObject
@end

@implementation ProfileStore

- (OSStatus)profileStatusForAccount:(NSString *)account {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.profile",
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecAttrGeneric: [@"v2" dataUsingEncoding:NSUTF8StringEncoding], // want `^kSecAttrGeneric is not part of what makes a generic password unique: .*SecItemAdd on line 33 then` `^kSecAttrGeneric is not part of what makes a generic password unique: .*SecItemAdd on line 46 then`
    };
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

// The same variable.
- (void)saveProfile:(NSData *)profile account:(NSString *)account {
    if ([self profileStatusForAccount:account] == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.profile",
            (__bridge id)kSecAttrAccount: account,
            (__bridge id)kSecValueData: profile,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// The same constant.
- (void)saveGuestProfile:(NSData *)profile {
    if ([self profileStatusForAccount:@"guest"] == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.profile",
            (__bridge id)kSecAttrAccount: @"guest",
            (__bridge id)kSecValueData: profile,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent also after the fix: another account.
- (void)saveOtherProfile:(NSData *)profile {
    if ([self profileStatusForAccount:@"guest"] == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.profile",
            (__bridge id)kSecAttrAccount: @"admin",
            (__bridge id)kSecValueData: profile,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

@end
