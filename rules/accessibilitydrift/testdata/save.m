#import <Foundation/Foundation.h>
#import <Security/Security.h>

@interface ObjCStore : NSObject
@property (nonatomic) CFStringRef accessibility;
@end

@implementation ObjCStore

// Reported: add first, on errSecDuplicateItem update only the data.
- (BOOL)saveData:(NSData *)data account:(NSString *)account {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.store",
        (__bridge id)kSecAttrAccount: account,
    };
    NSMutableDictionary *item = [query mutableCopy];
    item[(__bridge id)kSecValueData] = data;
    item[(__bridge id)kSecAttrAccessible] = (__bridge id)self.accessibility;
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    if (status == errSecDuplicateItem) {
        NSDictionary *changes = @{(__bridge id)kSecValueData: data};
        status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes); // want `SecItemUpdate updates an existing generic password without kSecAttrAccessible, which the SecItemAdd on line 20 sets from self.accessibility`
    }
    return status == errSecSuccess;
}

// Reported: update first, add with the caller's accessibility.
- (void)saveData:(NSData *)data account:(NSString *)account accessible:(CFStringRef)accessible {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.store",
        (__bridge id)kSecAttrAccount: account,
    };
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecValueData: data}); // want `without kSecAttrAccessible, which the SecItemAdd on line 40 sets from`
    if (status == errSecItemNotFound) {
        NSMutableDictionary *item = [query mutableCopy];
        item[(__bridge id)kSecValueData] = data;
        item[(__bridge id)kSecAttrAccessible] = (__bridge id)accessible;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: the update keeps the protection in sync.
- (void)saveSynced:(NSData *)data account:(NSString *)account accessible:(CFStringRef)accessible {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.store",
        (__bridge id)kSecAttrAccount: account,
    };
    NSDictionary *changes = @{(__bridge id)kSecValueData: data, (__bridge id)kSecAttrAccessible: (__bridge id)accessible};
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    if (status == errSecItemNotFound) {
        NSMutableDictionary *item = [query mutableCopy];
        [item addEntriesFromDictionary:changes];
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: a constant protection.
- (void)saveConstant:(NSData *)data account:(NSString *)account {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.store",
        (__bridge id)kSecAttrAccount: account,
    };
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecValueData: data});
    if (status == errSecItemNotFound) {
        NSMutableDictionary *item = [query mutableCopy];
        item[(__bridge id)kSecValueData] = data;
        item[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAfterFirstUnlock;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: the update's query holds the caller's protection too, only when
// one is given (an item with another protection does not match it).
- (BOOL)saveProtectedQuery:(NSData *)data account:(NSString *)account accessible:(CFStringRef)accessible {
    NSMutableDictionary *query = [@{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.store",
        (__bridge id)kSecAttrAccount: account,
    } mutableCopy];
    if (accessible != NULL) {
        query[(__bridge id)kSecAttrAccessible] = (__bridge id)accessible;
    }
    NSMutableDictionary *item = [query mutableCopy];
    item[(__bridge id)kSecValueData] = data;
    item[(__bridge id)kSecAttrAccessible] = (__bridge id)accessible;
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    if (status == errSecDuplicateItem) {
        status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecValueData: data});
    }
    return status == errSecSuccess;
}

// Reported: the protection is set only when one is configured, and the
// existing-item path never sets it (a configured protection never reaches
// an item saved before).
+ (CFTypeRef)accessibilityType { return NULL; }
- (BOOL)saveConfigured:(NSData *)data account:(NSString *)account {
    NSMutableDictionary *searchQuery = [@{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.store",
        (__bridge id)kSecAttrAccount: account,
    } mutableCopy];
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)searchQuery, nil);
    if (status == errSecSuccess) {
        NSMutableDictionary *query = [[NSMutableDictionary alloc] init];
        [query setObject:data forKey:(__bridge id)kSecValueData];
        status = SecItemUpdate((__bridge CFDictionaryRef)searchQuery, (__bridge CFDictionaryRef)query); // want `without kSecAttrAccessible, which the SecItemAdd on line 119 sets from accessibilityType`
    } else if (status == errSecItemNotFound) {
        NSMutableDictionary *query = [searchQuery mutableCopy];
        [query setObject:data forKey:(__bridge id)kSecValueData];
        CFTypeRef accessibilityType = [ObjCStore accessibilityType];
        if (accessibilityType) {
            [query setObject:(__bridge id)accessibilityType forKey:(__bridge id)kSecAttrAccessible];
        }
        status = SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    }
    return status == errSecSuccess;
}

// Silent: a protection set on some paths only, and then a constant.
- (void)saveSometimesConstant:(NSData *)data account:(NSString *)account strict:(BOOL)strict {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.store",
        (__bridge id)kSecAttrAccount: account,
    };
    NSMutableDictionary *item = [query mutableCopy];
    item[(__bridge id)kSecValueData] = data;
    if (strict) {
        item[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly;
    }
    if (SecItemAdd((__bridge CFDictionaryRef)item, NULL) == errSecDuplicateItem) {
        SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecValueData: data});
    }
}

@end
