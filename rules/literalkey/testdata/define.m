// Keys written through object-like macros whose replacement spells a
// Security constant's name, in Objective-C.
#import <Security/Security.h>
#import "define.h"

#define KCAccountKey @"kSecAttrAccount"
#define KCGroupKey (@"kSecAttrAccessGroup")
#define KCLabelKey CFSTR("kSecAttrLabel")
#define KCServiceName @"com.example.define"
#define KCKeyFor(name) @"kSecAttrAccount"

@implementation DefineKeys

- (OSStatus)save:(NSString *)account secret:(NSData *)secret {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        KCAccountKey: account, // want `^KCAccountKey \("kSecAttrAccount"\) is the name of kSecAttrAccount, not its value`
        KCServiceKey: KCServiceName, // want `^KCServiceKey \("kSecAttrService"\) is the name of kSecAttrService`
        (__bridge id)kSecValueData: secret,
    };
    return SecItemAdd((__bridge CFDictionaryRef)query, NULL);
}

- (OSStatus)read:(NSString *)account {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[KCGroupKey] = @"group.example"; // want `^KCGroupKey \("kSecAttrAccessGroup"\) is the name of kSecAttrAccessGroup`
    [query setObject:@"label" forKey:(__bridge id)KCLabelKey]; // want `is the name of kSecAttrLabel`
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

@end

@implementation NotDefineKeys

// Silent: a macro for a key's short value, a macro used as a value, and a
// function-like macro (not expanded: the key is unknown).
- (OSStatus)save:(NSString *)account secret:(NSData *)secret {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        KCShortAccountKey: account,
        (__bridge id)kSecAttrService: KCServiceName,
        KCKeyFor(account): account,
        (__bridge id)kSecValueData: secret,
    };
    return SecItemAdd((__bridge CFDictionaryRef)query, NULL);
}

@end
