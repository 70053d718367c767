#import <Security/Security.h>

// Add-only attributes in an Objective-C literal passed as attributesToUpdate.
void reprotectObjC(NSDictionary *query, SecAccessControlRef access) {
    NSDictionary *changes = @{
        (__bridge id)kSecAttrAccessControl: (__bridge id)access, // want `^kSecAttrAccessControl in the attributes to update re-protects the item: SecItemUpdate then fails whenever the item cannot be decrypted \(device locked: errSecInteractionNotAllowed \(-25308\)`
        (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAfterFirstUnlock, // want `^kSecAttrAccessible in the attributes to update re-protects the item.*read the data, delete the item and add it again`
        (__bridge id)kSecAttrLabel: @"relabelled",
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

void moveToTokenObjC(NSDictionary *query) {
    NSDictionary *changes = @{ (__bridge id)kSecAttrTokenID: (__bridge id)kSecAttrTokenIDSecureEnclave }; // want `^kSecAttrTokenID cannot be changed after the item is created: remove it from the attributes to update`
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}
