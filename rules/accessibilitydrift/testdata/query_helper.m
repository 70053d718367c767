#import <Foundation/Foundation.h>
#import <Security/Security.h>

// The existence check, the update and the add all start from one query
// helper that sets the service and the account only when they are set
// (rulekit.SameItem: the same helper called the same way names the same
// item, even though each attribute is present on some paths only).
@interface HelperStore : NSObject
@property (nonatomic, copy) NSString *service;
@property (nonatomic, copy) NSString *account;
+ (CFTypeRef)protection;
@end

@implementation HelperStore

+ (CFTypeRef)protection { return NULL; }

- (NSMutableDictionary *)baseQuery {
    NSMutableDictionary *q = [NSMutableDictionary dictionaryWithCapacity:3];
    [q setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    if (self.service) {
        [q setObject:self.service forKey:(__bridge id)kSecAttrService];
    }
    if (self.account) {
        [q setObject:self.account forKey:(__bridge id)kSecAttrAccount];
    }
    return q;
}

- (BOOL)store:(NSData *)secret {
    NSMutableDictionary *lookup = [self baseQuery];
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)lookup, nil);
    if (status == errSecSuccess) {
        NSMutableDictionary *changes = [[NSMutableDictionary alloc] init];
        [changes setObject:secret forKey:(__bridge id)kSecValueData];
        status = SecItemUpdate((__bridge CFDictionaryRef)lookup, (__bridge CFDictionaryRef)changes); // want `^SecItemUpdate updates an existing generic password without kSecAttrAccessible, which the SecItemAdd on line 46 sets from protection`
    } else if (status == errSecItemNotFound) {
        NSMutableDictionary *item = [self baseQuery];
        [item setObject:secret forKey:(__bridge id)kSecValueData];
#if TARGET_OS_IPHONE
        CFTypeRef protection = [HelperStore protection];
        if (protection) {
            [item setObject:(__bridge id)protection forKey:(__bridge id)kSecAttrAccessible];
        }
#endif
        status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
    return status == errSecSuccess;
}

// Silent: the update sets the protection too.
- (BOOL)storeInSync:(NSData *)secret {
    NSMutableDictionary *lookup = [self baseQuery];
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)lookup, nil);
    CFTypeRef protection = [HelperStore protection];
    if (status == errSecSuccess) {
        NSMutableDictionary *changes = [[NSMutableDictionary alloc] init];
        [changes setObject:secret forKey:(__bridge id)kSecValueData];
        if (protection) {
            [changes setObject:(__bridge id)protection forKey:(__bridge id)kSecAttrAccessible];
        }
        status = SecItemUpdate((__bridge CFDictionaryRef)lookup, (__bridge CFDictionaryRef)changes);
    } else if (status == errSecItemNotFound) {
        NSMutableDictionary *item = [self baseQuery];
        [item setObject:secret forKey:(__bridge id)kSecValueData];
        if (protection) {
            [item setObject:(__bridge id)protection forKey:(__bridge id)kSecAttrAccessible];
        }
        status = SecItemAdd((__bridge CFDictionaryRef)item, NULL);
    }
    return status == errSecSuccess;
}

@end
