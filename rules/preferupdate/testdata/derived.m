#import <Foundation/Foundation.h>
#import <Security/Security.h>

// rulekit.SameItem: values computed by the same pure helper from the same
// parameter are equal, also when one is computed inside a delete helper.
@interface Member : NSObject
@property (nonatomic, copy) NSString *identifier;
@end

@interface MemberVault : NSObject
@end

@implementation MemberVault

- (NSString *)accountForMember:(Member *)member {
    return member.identifier;
}

- (NSString *)freshAccountForMember:(Member *)member {
    return [[NSUUID UUID] UUIDString];
}

- (void)removeMember:(Member *)member {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.members",
        (__bridge id)kSecAttrAccount: [self accountForMember:member],
    };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)save:(NSData *)secret member:(Member *)member {
    [self removeMember:member]; // want `^removeMember: \(which calls SecItemDelete\) followed by SecItemAdd of the same generic password on line 40: `
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.members",
        (__bridge id)kSecAttrAccount: [self accountForMember:member],
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: the helper does not compute its result from its parameter.
- (void)saveFresh:(NSData *)secret member:(Member *)member {
    [self removeMember:member];
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.members",
        (__bridge id)kSecAttrAccount: [self freshAccountForMember:member],
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: another parameter.
- (void)transfer:(NSData *)secret from:(Member *)from to:(Member *)to {
    [self removeMember:from];
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.members",
        (__bridge id)kSecAttrAccount: [self accountForMember:to],
        (__bridge id)kSecValueData: secret,
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

@end
