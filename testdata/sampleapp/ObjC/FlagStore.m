#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Stores a few small secrets. kSecValueData must be data: securityd rejects
// a string, a number or a boolean with errSecParam (-50).

// Wrong: an NSString literal as the item's data.
OSStatus StoreDemoPassword(void) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.vault.demo",
        (__bridge id)kSecAttrAccount: @"demo",
        (__bridge id)kSecValueData: @"demo-password",
    };
    return SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Right: the string's UTF-8 bytes; @YES for a boolean key is fine.
OSStatus StorePassword(NSString *password) {
    NSDictionary *item = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.vault.demo",
        (__bridge id)kSecAttrAccount: @"user",
        (__bridge id)kSecAttrSynchronizable: @YES,
        (__bridge id)kSecValueData: [password dataUsingEncoding:NSUTF8StringEncoding],
    };
    return SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
