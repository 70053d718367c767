// A helper adds kSecReturnData only when its argument is not nil.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation OptionalQueries

- (NSMutableDictionary *)queryWithKey:(NSString *)key group:(NSString *)group returnData:(NSNumber *)returnData {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrAccount] = key;
    if (group != nil) {
        q[(__bridge id)kSecAttrAccessGroup] = group;
    }
    if (returnData != nil) {
        q[(__bridge id)kSecReturnData] = returnData;
    }
    return q;
}

// nil: no kSecReturnData.
- (void)write:(NSData *)value group:(NSString *)group {
    SecItemUpdate((__bridge CFDictionaryRef)[self queryWithKey:@"k" group:group returnData:nil], (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: value });
}

- (NSMutableDictionary *)touchQueryWithKey:(NSString *)key group:(NSString *)group returnData:(NSNumber *)returnData {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrAccount] = key;
    if (group != nil) {
        q[(__bridge id)kSecAttrAccessGroup] = group;
    }
    if (returnData != nil) {
        q[(__bridge id)kSecReturnData] = returnData; // want `^kSecReturnData in the query of SecItemUpdate makes the update fail with errSecParam`
    }
    return q;
}

// YES: the update query carries kSecReturnData.
- (void)touch:(NSData *)value group:(NSString *)group {
    SecItemUpdate((__bridge CFDictionaryRef)[self touchQueryWithKey:@"k" group:group returnData:@YES], (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: value });
}

@end
