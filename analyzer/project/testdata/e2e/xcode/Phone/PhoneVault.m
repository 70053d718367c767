#import <Foundation/Foundation.h>
#import <Security/Security.h>

void Forget(NSString *account) {
    NSDictionary *query = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                            (__bridge id)kSecAttrAccount: account};
    SecItemDelete((__bridge CFDictionaryRef)query); // line 7: deletelimit (b) where macOS builds it
}

void Wipe(void) {
    NSDictionary *query = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword};
    SecItemDelete((__bridge CFDictionaryRef)query); // line 12: broaddelete
}
