#import <Foundation/Foundation.h>
#import <Security/Security.h>

// The update runs first and the add only where it found nothing: a
// non-primary attribute in the update's query hides an item saved with
// another value, and the add then fails with errSecDuplicateItem.
OSStatus SaveWithUpdateFirst(NSData *secret, NSString *account) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.update";
    query[(__bridge id)kSecAttrAccount] = account;
    query[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly; // want `^kSecAttrAccessible is not part of what makes a generic password unique: this SecItemUpdate's query matches nothing and the update returns errSecItemNotFound when the item exists with another kSecAttrAccessible, and the SecItemAdd on line 16 then fails with errSecDuplicateItem`
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecValueData: secret});
    if (status == errSecItemNotFound) {
        query[(__bridge id)kSecValueData] = secret;
        status = SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    }
    return status;
}

// Silent: the update's query names the item by its primary key only.
OSStatus SavePrimaryOnly(NSData *secret, NSString *account) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.update";
    query[(__bridge id)kSecAttrAccount] = account;
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecValueData: secret});
    if (status == errSecItemNotFound) {
        query[(__bridge id)kSecValueData] = secret;
        query[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly;
        status = SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    }
    return status;
}

// Silent: the add runs after the update succeeded too.
void SaveTwice(NSData *secret, NSString *account) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.update",
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecAttrLabel: @"Secret",
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecValueData: secret});
    NSMutableDictionary *item = [query mutableCopy];
    item[(__bridge id)kSecValueData] = secret;
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: where the read finds nothing, a delete runs before the add.
void SaveAfterCleanup(NSData *secret, NSString *account) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.update",
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecAttrLabel: @"Secret",
    };
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecItemNotFound) {
        SecItemDelete((__bridge CFDictionaryRef)@{
            (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
            (__bridge id)kSecAttrService: @"com.example.update",
            (__bridge id)kSecAttrAccount: account,
        });
        NSMutableDictionary *item = [query mutableCopy];
        item[(__bridge id)kSecValueData] = secret;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}
