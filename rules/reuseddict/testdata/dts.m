#import <Security/Security.h>

// The example from Apple DTS ("SecItem: Pitfalls and Best Practices"): the
// read's query, with its kSecMatchLimit, is mutated into the add's
// attributes. securityd on iOS takes no match keys in an add.
@implementation DTSTokenStore

- (OSStatus)saveToken:(NSData *)token {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.token";
    query[(__bridge id)kSecAttrAccount] = @"token";
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne;
    query[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef result = NULL;
    OSStatus err = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (err == errSecItemNotFound) {
        query[(__bridge id)kSecValueData] = token;
        err = SecItemAdd((__bridge CFDictionaryRef)query, NULL); // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching on line 16, which still holds kSecMatchLimit: securityd does not accept match keys in an add on iOS, tvOS, watchOS, visionOS and Mac Catalyst, and SecItemAdd may return errSecSuccess without storing the item; build a separate dictionary`
    }
    return err;
}

@end
