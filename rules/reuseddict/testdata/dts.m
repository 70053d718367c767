#import <Security/Security.h>

// The example from Apple DTS ("SecItem: Pitfalls and Best Practices"): the
// read's query is mutated into the add's attributes.
@implementation DTSTokenStore

- (OSStatus)saveToken:(NSData *)token {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.token";
    query[(__bridge id)kSecAttrAccount] = @"token";
    query[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef result = NULL;
    OSStatus err = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (err == errSecItemNotFound) {
        query[(__bridge id)kSecValueData] = token;
        err = SecItemAdd((__bridge CFDictionaryRef)query, NULL); // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching on line 14, changed since \(kSecValueData\), and still holds kSecReturnData.*build a fresh dictionary`
    }
    return err;
}

@end
