#import <Security/Security.h>

// The read and the add are on different branches: never on the same path.
void readOrAddObjC(NSData *data, BOOL write) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.branch";
    query[(__bridge id)kSecAttrAccount] = @"me";
    if (write) {
        query[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    } else {
        query[(__bridge id)kSecReturnData] = @YES;
        CFTypeRef result = NULL;
        SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    }
}
