#import <Security/Security.h>

// Any other key narrows the delete: silent (deletelimit may still say
// that the query does not name one item).
void deleteServiceObjC(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.tokens",
    };
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// A key added on some path only still narrows the query on that path, and
// the analyzer stays silent.
void deleteMaybeAccountObjC(NSString *account) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    if (account != nil) {
        query[(__bridge id)kSecAttrAccount] = account;
    }
    SecItemDelete((__bridge CFDictionaryRef)query);
}

// An incomplete query: the parameter merged in may name the items.
void deleteMergedObjC(NSDictionary *extra) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    [query addEntriesFromDictionary:extra];
    SecItemDelete((__bridge CFDictionaryRef)query);
}
