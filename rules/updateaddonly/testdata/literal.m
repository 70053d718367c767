#import <Security/Security.h>

// Protection changes in an Objective-C literal passed as attributesToUpdate:
// the data-protection keychain re-protects the item. Nothing to report.
void reprotectObjC(NSDictionary *query, SecAccessControlRef access) {
    NSDictionary *changes = @{
        (__bridge id)kSecAttrAccessControl: (__bridge id)access,
        (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAfterFirstUnlock,
        (__bridge id)kSecAttrLabel: @"relabelled",
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

void moveToTokenObjC(NSDictionary *query) {
    NSDictionary *changes = @{ (__bridge id)kSecAttrTokenID: (__bridge id)kSecAttrTokenIDSecureEnclave }; // want `^kSecAttrTokenID cannot be changed after the item is created: remove it from the attributes to update`
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

// Only the accessibility, with a query that can reach the file keychain.
void reprotectInlineObjC(NSDictionary *query) {
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{ (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly }); // want `^kSecAttrAccessible is skipped for items in the macOS file keychain`
}
