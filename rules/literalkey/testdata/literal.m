// String literals that spell a Security constant's name, in Objective-C.
#import <Security/Security.h>

@interface LiteralKeys : NSObject
@property (nonatomic, copy) NSString *serviceKey;
@end

static NSString *const AccountKey = @"kSecAttrAccount";

static NSString *GroupKey(void) {
    return @"kSecAttrAccessGroup";
}

@implementation LiteralKeys

- (OSStatus)save:(NSString *)account secret:(NSData *)secret {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        @"kSecAttrService": @"com.example.literal", // want `^"kSecAttrService" is the name of kSecAttrService, not its value`
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecValueData: secret,
    };
    return SecItemAdd((__bridge CFDictionaryRef)query, NULL);
}

- (OSStatus)read:(NSString *)account {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[AccountKey] = account; // want `^AccountKey \("kSecAttrAccount"\) is the name of kSecAttrAccount`
    [query setObject:@"group.example" forKey:GroupKey()]; // want `^GroupKey\(\) \("kSecAttrAccessGroup"\) is the name of kSecAttrAccessGroup`
    [query setObject:@YES forKey:@"kSecReturnData"]; // want `^"kSecReturnData" is the name of kSecReturnData`
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

@end

@implementation NotLiteralKeys

- (OSStatus)save:(NSString *)account secret:(NSData *)secret {
    NSDictionary *query = @{
        @"class": (__bridge id)kSecClassGenericPassword,
        @"svce": @"com.example.short",
        @"acct": account,
        (__bridge id)kSecAttrLabel: @"kSecAttrAccount",
        (__bridge id)kSecValueData: secret,
    };
    return SecItemAdd((__bridge CFDictionaryRef)query, NULL);
}

- (void)log:(NSString *)account {
    NSDictionary *info = @{@"kSecAttrAccount": account};
    NSLog(@"%@", info);
    [[NSUserDefaults standardUserDefaults] setObject:account forKey:@"kSecAttrAccount"];
}

@end
