#import <Security/Security.h>

void StoreText(void) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"tokens",
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: @"hunter2", // want `^a string \("hunter2"\) as kSecValueData is not data: securityd rejects it and SecItemAdd fails with errSecParam \(-50\)`
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

void StoreFlag(void) {
    NSMutableDictionary *item = [NSMutableDictionary dictionary];
    item[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    item[(__bridge id)kSecAttrAccount] = @"flag";
    item[(__bridge id)kSecValueData] = @YES; // want `^a boolean \(true\) as kSecValueData is not data`
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Negatives: data, and @YES for a boolean key.
void StoreData(NSString *secret) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecAttrSynchronizable: @YES,
        (__bridge id)kSecValueData: [secret dataUsingEncoding:NSUTF8StringEncoding],
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

#if TARGET_OS_OSX
void StoreTextMac(void) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrAccount: @"me",
        (__bridge id)kSecValueData: @"hunter2",
    };
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
#endif
