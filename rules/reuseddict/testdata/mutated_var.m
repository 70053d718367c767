#import <Security/Security.h>

// An Objective-C mutable dictionary read, mutated and added: the read's
// query holds no key the add rejects, and the keys added for the add are
// what it should store. Not a harmful reuse.
void mutatedVarAddObjC(NSString *account, NSData *password) {
    NSMutableDictionary *query = [@{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.login",
        (__bridge id)kSecAttrAccount: account,
    } mutableCopy];
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
    if (status == errSecItemNotFound) {
        query[(__bridge id)kSecValueData] = password;
        query[(__bridge id)kSecAttrLabel] = @"Login";
        SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    }
}
