#import <Security/Security.h>

// attributesToUpdate built by a helper; the update is in helper_update.m.
@implementation ProtectionChangesObjC

+ (NSDictionary *)strictChangesWithData:(NSData *)data {
    NSMutableDictionary *changes = [NSMutableDictionary dictionary];
    changes[(__bridge id)kSecValueData] = data;
    [changes setObject:(__bridge id)kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly forKey:(__bridge id)kSecAttrAccessible]; // want `^kSecAttrAccessible in the attributes to update re-protects the item`
    return changes;
}

+ (NSDictionary *)tokenChanges {
    return @{ (__bridge id)kSecAttrTokenID: (__bridge id)kSecAttrTokenIDSecureEnclave }; // want `^kSecAttrTokenID cannot be changed after the item is created`
}

@end
