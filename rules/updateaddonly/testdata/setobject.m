#import <Security/Security.h>

// Add-only attributes written into attributesToUpdate with setObject:forKey:
// (and a subscript).
@implementation ProtectionUpdater

- (OSStatus)reprotect:(NSDictionary *)query access:(SecAccessControlRef)access data:(NSData *)data {
    NSMutableDictionary *attributes = [NSMutableDictionary dictionary];
    [attributes setObject:data forKey:(__bridge id)kSecValueData];
    [attributes setObject:(__bridge id)kSecAttrAccessibleWhenUnlocked forKey:(__bridge id)kSecAttrAccessible]; // want `^kSecAttrAccessible in the attributes to update re-protects the item`
    [attributes setObject:(__bridge id)access forKey:(__bridge id)kSecAttrAccessControl]; // want `^kSecAttrAccessControl in the attributes to update re-protects the item`
    attributes[(__bridge id)kSecAttrTokenID] = (__bridge id)kSecAttrTokenIDSecureEnclave; // want `^kSecAttrTokenID cannot be changed after the item is created`
    return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)attributes);
}

@end
