#import <Security/Security.h>

// Two reads of one unchanged query are fine.
BOOL readTwiceObjC(void) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    query[(__bridge id)kSecAttrService] = @"com.example.twice";
    query[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef first = NULL, second = NULL;
    OSStatus a = SecItemCopyMatching((__bridge CFDictionaryRef)query, &first);
    OSStatus b = SecItemCopyMatching((__bridge CFDictionaryRef)query, &second);
    return a == b;
}
