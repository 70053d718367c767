#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Reported: the query has the service only.
OSStatus RenameAccount(NSString *service, NSString *newAccount) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: service,
    };
    NSDictionary *changes = @{
        (__bridge id)kSecAttrAccount: newAccount, // want `kSecAttrAccount in attributesToUpdate gives every generic password the query matches the same kSecAttrAccount, and the query does not name one item \(no kSecAttrAccount\)`
    };
    return SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

// Reported: setObject:forKey: on a mutable dictionary, the query has the
// account only.
void ChangeService(NSString *account, NSString *service) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [query setObject:account forKey:(__bridge id)kSecAttrAccount];
    NSMutableDictionary *changes = [NSMutableDictionary dictionary];
    [changes setObject:service forKey:(__bridge id)kSecAttrService]; // want `the same kSecAttrService, and the query does not name one item \(no kSecAttrService\)`
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

// Silent: the query names the item.
void RenameOne(NSString *service, NSString *oldAccount, NSString *newAccount) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: service,
        (__bridge id)kSecAttrAccount: oldAccount,
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecAttrAccount: newAccount});
}

// Silent: not a primary-key attribute.
void Relabel(NSString *service) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: service,
    };
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)@{(__bridge id)kSecAttrLabel: @"Example"});
}
