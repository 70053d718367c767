#import <Security/Security.h>

// attributesToUpdate written with setObject:forKey: (and a subscript): the
// data and the protection change together (the data-protection keychain
// re-protects the item); the token ID cannot change.
@implementation ProtectionUpdater

- (OSStatus)reprotect:(NSDictionary *)query access:(SecAccessControlRef)access data:(NSData *)data {
    NSMutableDictionary *attributes = [NSMutableDictionary dictionary];
    [attributes setObject:data forKey:(__bridge id)kSecValueData];
    [attributes setObject:(__bridge id)kSecAttrAccessibleWhenUnlocked forKey:(__bridge id)kSecAttrAccessible];
    [attributes setObject:(__bridge id)access forKey:(__bridge id)kSecAttrAccessControl];
    attributes[(__bridge id)kSecAttrTokenID] = (__bridge id)kSecAttrTokenIDSecureEnclave; // want `^kSecAttrTokenID cannot be changed after the item is created`
    return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)attributes);
}

@end
