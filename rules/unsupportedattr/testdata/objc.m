#import <Security/Security.h>

@implementation CertStore

- (NSDictionary *)queryForLabel:(NSString *)label {
    return @{ (__bridge id)kSecClass: (__bridge id)kSecClassCertificate,
              (__bridge id)kSecAttrLabel: label,
              (__bridge id)kSecAttrService: @"certs" }; // want `kSecAttrService is not an attribute of certificates`
}

- (void)readLabel:(NSString *)label {
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForLabel:label], &result);
}

- (void)deleteKey:(NSData *)tag {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassKey forKey:(__bridge id)kSecClass];
    [query setObject:tag forKey:(__bridge id)kSecAttrApplicationTag];
    query[(__bridge id)kSecAttrServer] = @"x"; // want `kSecAttrServer is not an attribute of keys`
    SecItemDelete((__bridge CFDictionaryRef)query);
}

- (void)validGenericPassword {
    NSDictionary *q = @{ (id)kSecClass: (id)kSecClassGenericPassword, (id)kSecAttrService: @"s", (id)kSecAttrAccount: @"a" };
    SecItemDelete((CFDictionaryRef)q);
}

- (void)macOnly:(id)access {
    NSMutableDictionary *q = [@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword } mutableCopy];
#if TARGET_OS_OSX
    q[(__bridge id)kSecAttrAccess] = access;
#endif
    q[(__bridge id)kSecAttrPRF] = access; // want `kSecAttrPRF exists only on macOS.*errSecParam \(-50\)`
    SecItemAdd((__bridge CFDictionaryRef)q, NULL);
}

@end
