#import <Security/Security.h>

// A query from a helper method, read, changed with setObject:forKey: and
// added: the helper returns a fresh dictionary, but this method keeps using
// the one it got.
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
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status == errSecItemNotFound) {
        [query setObject:password forKey:(__bridge id)kSecValueData];
        SecItemAdd((__bridge CFDictionaryRef)query, NULL); // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching on line 18, changed since \(kSecValueData\)`
    }
}

@end
