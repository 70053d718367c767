#import <Security/Security.h>

// attributesToUpdate built by a helper; the update is in helper_update.m.
@implementation ProtectionChangesObjC

// Only the protection: on the macOS file keychain the update changes
// nothing (a note, with the update as a related location).
+ (NSDictionary *)strictChanges {
    NSMutableDictionary *changes = [NSMutableDictionary dictionary];
    [changes setObject:(__bridge id)kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly forKey:(__bridge id)kSecAttrAccessible]; // want `^kSecAttrAccessible is skipped for items in the macOS file keychain`
    return changes;
}

+ (NSDictionary *)tokenChanges {
    return @{ (__bridge id)kSecAttrTokenID: (__bridge id)kSecAttrTokenIDSecureEnclave }; // want `^kSecAttrTokenID cannot be changed after the item is created`
}

@end
