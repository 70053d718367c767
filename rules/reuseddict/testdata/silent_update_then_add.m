#import <Security/Security.h>

// Apple's own pattern: update, and when the item is not found, add the
// same query extended with the attributes and the data. The update's query
// holds nothing the add rejects.
OSStatus saveTokenObjC(NSString *account, NSData *data) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.token";
    query[(__bridge id)kSecAttrAccount] = account;
    NSDictionary *update = @{ (__bridge id)kSecValueData: data };
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)update);
    if (status == errSecItemNotFound) {
        [query addEntriesFromDictionary:update];
        query[(__bridge id)kSecAttrAccessible] = (__bridge id)kSecAttrAccessibleAfterFirstUnlock;
        query[(__bridge id)kSecAttrGeneric] = [@"v2" dataUsingEncoding:NSUTF8StringEncoding];
        status = SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    }
    return status;
}
