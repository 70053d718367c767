#import <Foundation/Foundation.h>
#import <Security/Security.h>

// The existence check is a method that returns a BOOL: the comparison of
// its read's status.
@interface FlagKeeper : NSObject
@end

@implementation FlagKeeper

- (NSMutableDictionary *)queryForAccount:(NSString *)account {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrService] = @"com.example.flag";
    q[(__bridge id)kSecAttrAccount] = account;
    return q;
}

- (BOOL)hasItemForAccount:(NSString *)account {
    NSMutableDictionary *q = [self queryForAccount:account];
    q[(__bridge id)kSecAttrDescription] = @"flag"; // want `^kSecAttrDescription is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 33 then fails`
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL);
    return status == errSecSuccess;
}

- (void)save:(NSData *)data account:(NSString *)account {
    if ([self hasItemForAccount:account]) {
        NSDictionary *changes = @{(__bridge id)kSecValueData: data};
        SecItemUpdate((__bridge CFDictionaryRef)[self queryForAccount:account], (__bridge CFDictionaryRef)changes);
    } else {
        NSMutableDictionary *item = [self queryForAccount:account];
        item[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

// Silent: the add names another account.
- (void)saveBackup:(NSData *)data account:(NSString *)account {
    if (![self hasItemForAccount:account]) {
        NSMutableDictionary *item = [self queryForAccount:@"backup"];
        item[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
}

@end
