#import <Security/Security.h>

// The two "Always" accessibility values, wherever they appear in a
// dictionary that reaches a SecItem call; the fix replaces the constant.
void addAlwaysObjC(NSData *secret) {
    NSDictionary *attributes = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.always",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: secret,
        (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAlways, // want `^kSecAttrAccessibleAlways is deprecated \(iOS 12, macOS 10\.14\): use kSecAttrAccessibleAfterFirstUnlock`
    };
    SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}

void addAlwaysThisDeviceOnlyObjC(NSData *secret) {
    NSMutableDictionary *attributes = [NSMutableDictionary dictionary];
    [attributes setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [attributes setObject:@"com.example.always" forKey:(__bridge id)kSecAttrService];
    [attributes setObject:secret forKey:(__bridge id)kSecValueData];
    [attributes setObject:(__bridge id)kSecAttrAccessibleAlwaysThisDeviceOnly forKey:(__bridge id)kSecAttrAccessible]; // want `^kSecAttrAccessibleAlwaysThisDeviceOnly is deprecated \(iOS 12, macOS 10\.14\): use kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly`
    SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}

// In the attributes to update too.
void updateToAlwaysObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.always",
        (__bridge id)kSecAttrAccount: @"me",
    };
    NSDictionary *changes = @{ (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAlwaysThisDeviceOnly }; // want `^kSecAttrAccessibleAlwaysThisDeviceOnly is deprecated`
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

// Whole identifiers only: the current values that share a prefix with the
// deprecated ones are never reported.
void addCurrentValuesObjC(NSData *secret, BOOL thisDevice, BOOL whenUnlocked) {
    NSMutableDictionary *attributes = [@{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.current",
        (__bridge id)kSecValueData: secret,
        (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAfterFirstUnlock,
    } mutableCopy];
    if (thisDevice) {
        attributes[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly;
    }
    if (whenUnlocked) {
        attributes[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleWhenUnlocked;
    }
    SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}
