#import <Security/Security.h>

// The read happens in a helper method that receives the caller's dictionary;
// the read's kSecMatchLimit reaches the add.
@implementation WrapperStore

- (BOOL)itemExists:(NSDictionary *)q {
    return SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL) == errSecSuccess;
}

- (void)saveThroughWrapper:(NSData *)data {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.wrapper";
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne;
    if (![self itemExists:query]) {
        query[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)query, NULL); // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching \(through itemExists:\) on line 16, which still holds kSecMatchLimit`
    }
}

@end
