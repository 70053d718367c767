#import <Security/Security.h>

// A read with no return or match keys (an existence check), then the same
// unchanged query as the query of SecItemUpdate: fine.
void updateIfPresentObjC(NSData *newData) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [query setObject:@"com.example.present" forKey:(__bridge id)kSecAttrService];
    [query setObject:@"me" forKey:(__bridge id)kSecAttrAccount];
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL) == errSecSuccess) {
        NSDictionary *changes = @{ (__bridge id)kSecValueData: newData };
        SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    }
}
