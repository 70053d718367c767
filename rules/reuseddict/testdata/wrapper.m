#import <Security/Security.h>

// The read happens in a helper method that receives the caller's dictionary.
@implementation WrapperStore

- (BOOL)itemExists:(NSDictionary *)q {
    return SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL) == errSecSuccess;
}

- (void)saveThroughWrapper:(NSData *)data {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.wrapper";
    if (![self itemExists:query]) {
        query[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)query, NULL); // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching \(through itemExists:\) on line 14, changed since \(kSecValueData\)`
    }
}

@end
