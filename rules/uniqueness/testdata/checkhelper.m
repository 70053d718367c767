#import <Foundation/Foundation.h>
#import <Security/Security.h>

// The existence check is a helper with its own query: its status, or its
// nil result, tells the caller that the item was not found.
@interface DeviceKeyStore : NSObject
@end

@implementation DeviceKeyStore

- (OSStatus)deviceKeyStatus {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.device",
        (__bridge id)kSecAttrAccount: @"device-key",
        (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, // want `^kSecAttrAccessible is not part of what makes a generic password unique: .*SecItemAdd on line 44 then fails with errSecDuplicateItem`
    };
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

- (NSData *)readDeviceName {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.device",
        (__bridge id)kSecAttrAccount: @"device-name",
        (__bridge id)kSecAttrLabel: @"Device name", // want `^kSecAttrLabel is not part of what makes a generic password unique: .*SecItemAdd on line 57 then fails with errSecDuplicateItem`
        (__bridge id)kSecReturnData: @YES,
    };
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) != errSecSuccess) {
        return nil;
    }
    return (__bridge_transfer NSData *)result;
}

- (void)saveDeviceKey:(NSData *)key {
    if ([self deviceKeyStatus] == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.device",
            (__bridge id)kSecAttrAccount: @"device-key",
            (__bridge id)kSecValueData: key,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

- (NSData *)deviceNameWithDefault:(NSData *)name {
    NSData *stored = [self readDeviceName];
    if (stored == nil) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.device",
            (__bridge id)kSecAttrAccount: @"device-name",
            (__bridge id)kSecValueData: name,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
        return name;
    }
    return stored;
}

// Silent: the add names another item.
- (void)saveBackupKey:(NSData *)key {
    if ([self deviceKeyStatus] == errSecItemNotFound) {
        NSDictionary *item = @{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.device",
            (__bridge id)kSecAttrAccount: @"device-key.backup",
            (__bridge id)kSecValueData: key,
        };
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

@end
