#import <Foundation/Foundation.h>
#import <Security/Security.h>

// The found path replaces the item (update, and delete where the update
// fails); the not-found path adds with the check's description.
@interface Replacer : NSObject
@end

@implementation Replacer

- (NSMutableDictionary *)queryForAccount:(NSString *)account {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrService] = @"com.example.replace";
    q[(__bridge id)kSecAttrAccount] = account;
    q[(__bridge id)kSecAttrDescription] = @"replace"; // want `^kSecAttrDescription is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 37 then fails`
    return q;
}

- (BOOL)hasItemForAccount:(NSString *)account {
    NSMutableDictionary *q = [self queryForAccount:account];
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL);
    return status == errSecSuccess;
}

- (OSStatus)save:(NSData *)data account:(NSString *)account {
    NSMutableDictionary *q = [self queryForAccount:account];
    if ([self hasItemForAccount:account]) {
        NSDictionary *changes = @{(__bridge id)kSecValueData: data};
        OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)q, (__bridge CFDictionaryRef)changes);
        if (status == errSecSuccess) {
            return status;
        }
        SecItemDelete((__bridge CFDictionaryRef)q);
    }
    q[(__bridge id)kSecValueData] = data;
    return SecItemAdd((__bridge CFDictionaryRef)q, NULL);
}

// Silent: a delete runs where the check found nothing, too.
- (OSStatus)saveClearing:(NSData *)data account:(NSString *)account {
    NSMutableDictionary *q = [self queryForAccount:account];
    if (![self hasItemForAccount:account]) {
        SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword});
    }
    q[(__bridge id)kSecValueData] = data;
    return SecItemAdd((__bridge CFDictionaryRef)q, NULL);
}

@end
