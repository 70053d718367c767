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

@end
