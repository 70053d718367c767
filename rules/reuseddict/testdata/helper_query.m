#import <Security/Security.h>

// A query from a helper method, given kSecReturnData for a read and then
// used unchanged as the query of SecItemUpdate, which rejects return keys.
@implementation LoginStore

- (NSMutableDictionary *)queryForAccount:(NSString *)account {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    [q setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [q setObject:@"com.example.login" forKey:(__bridge id)kSecAttrService];
    [q setObject:account forKey:(__bridge id)kSecAttrAccount];
    return q;
}

- (void)storePassword:(NSData *)password account:(NSString *)account {
    NSMutableDictionary *query = [self queryForAccount:account];
    [query setObject:@YES forKey:(__bridge id)kSecReturnData];
    CFTypeRef old = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &old);
    if (status == errSecSuccess) {
        SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: password }); // want `^SecItemUpdate receives the dictionary already used by SecItemCopyMatching on line 19, which still holds kSecReturnData: SecItemUpdate takes no kSecMatch\* or kSecReturn\* keys in its query and fails with errSecParam \(-50\)`
    } else if (status == errSecItemNotFound) {
        // The add ignores kSecReturnData (nil result): not reported.
        [query setObject:password forKey:(__bridge id)kSecValueData];
        SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    }
}

@end
