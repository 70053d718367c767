#import <Foundation/Foundation.h>
#import <Security/Security.h>

// The session token, read through macros for its keys.
#define SessionServiceKey @"kSecAttrService"
#define SessionService @"com.example.sampleapp.session"

// Wrong: SessionServiceKey spells kSecAttrService's name, not its value
// ("svce"), and the result is released whatever the status: CFRelease(NULL)
// crashes when the token is missing.
NSString *SessionToken(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        SessionServiceKey: SessionService,
        (__bridge id)kSecReturnData: @YES,
    };
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    NSString *token = [[NSString alloc] initWithData:(__bridge NSData *)result encoding:NSUTF8StringEncoding];
    CFRelease(result);
    return token;
}

// Right: the constant as the key, and the result released only when set.
NSString *SessionTokenChecked(void) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: SessionService,
        (__bridge id)kSecReturnData: @YES,
    };
    CFTypeRef result = NULL;
    NSString *token = nil;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) == errSecSuccess) {
        token = [[NSString alloc] initWithData:(__bridge NSData *)result encoding:NSUTF8StringEncoding];
    }
    if (result) {
        CFRelease(result);
    }
    return token;
}
