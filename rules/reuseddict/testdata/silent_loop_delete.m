#import <Security/Security.h>

// One delete call that runs once per iteration with the same dictionary.
void deleteAllObjC(NSArray<NSString *> *accounts) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.loop";
    for (NSString *account in accounts) {
        query[(__bridge id)kSecAttrAccount] = account;
        SecItemDelete((__bridge CFDictionaryRef)query);
    }
}
