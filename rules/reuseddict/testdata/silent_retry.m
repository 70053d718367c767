#import <Foundation/Foundation.h>
#import <Security/Security.h>

// A retry of the very same delete with the unchanged query is not a reuse:
// the kSecMatchLimit is wrong in the first call already (deletelimit
// reports it at the key), and retrying adds nothing to it.
void removeWithRetriesObjC(NSString *account) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword,
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecAttrServer: @"example.com",
        (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitOne,
        (__bridge id)kSecReturnAttributes: @YES,
    };
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)query);
    for (int attempt = 0; attempt < 3 && status == errSecInteractionNotAllowed; attempt++) {
        [NSThread sleepForTimeInterval:0.5];
        status = SecItemDelete((__bridge CFDictionaryRef)query);
    }
}

// The same with a while loop on the status.
void removeWhileLockedObjC(NSString *account) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrAccount] = account;
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)query);
    while (status == errSecInteractionNotAllowed) {
        status = SecItemDelete((__bridge CFDictionaryRef)query);
    }
}

// A second identical update right after a failed status.
void updateTwiceObjC(NSString *account, NSData *data) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecReturnData: @YES,
    };
    NSDictionary *changes = @{ (__bridge id)kSecValueData: data };
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    if (status != errSecSuccess) {
        status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
    }
}
