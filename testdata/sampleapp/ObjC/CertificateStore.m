//
//  CertificateStore.m
//  Notes
//

#import "CertificateStore.h"

@implementation CertificateStore

#pragma mark - Queries

- (NSDictionary *)queryForLabel:(NSString *)label
{
    return @{
        (__bridge id)kSecClass: (__bridge id)kSecClassCertificate,
        (__bridge id)kSecAttrLabel: label,
    };
}

#pragma mark - Add

- (BOOL)addCertificate:(SecCertificateRef)certificate label:(NSString *)label error:(NSError **)error
{
    NSMutableDictionary *attributes = [[self queryForLabel:label] mutableCopy];
    [attributes setObject:(__bridge id)certificate forKey:(__bridge id)kSecValueRef];
    [attributes setObject:(__bridge id)kSecAttrAccessibleAfterFirstUnlock forKey:(__bridge id)kSecAttrAccessible];

    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
    if (status == errSecDuplicateItem) {
        // The same certificate is already stored under this label.
        return YES;
    }
    if (status != errSecSuccess) {
        if (error) {
            *error = [NSError errorWithDomain:NSOSStatusErrorDomain code:status userInfo:nil];
        }
        return NO;
    }
    return YES;
}

#pragma mark - Read

- (nullable SecCertificateRef)copyCertificateWithLabel:(NSString *)label
{
    NSMutableDictionary *query = [[self queryForLabel:label] mutableCopy];
    [query setObject:@YES forKey:(__bridge id)kSecReturnRef];
    [query setObject:(__bridge id)kSecMatchLimitOne forKey:(__bridge id)kSecMatchLimit];

    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status != errSecSuccess) {
        return NULL;
    }
    return (SecCertificateRef)result;
}

- (nullable SecCertificateRef)copyPinnedCertificateForHost:(NSString *)host
{
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassCertificate,
        (__bridge id)kSecAttrApplicationTag: [host dataUsingEncoding:NSUTF8StringEncoding],
        (__bridge id)kSecReturnRef: @YES,
    };

    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) != errSecSuccess) {
        return NULL;
    }
    return (SecCertificateRef)result;
}

- (nullable SecCertificateRef)copyCertificateWithCommonName:(NSString *)commonName
{
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassCertificate,
        (__bridge id)kSecMatchSubjectWholeString: commonName,
        (__bridge id)kSecReturnRef: @YES,
    };

    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) != errSecSuccess) {
        return NULL;
    }
    return (SecCertificateRef)result;
}

- (nullable SecIdentityRef)copyClientIdentityWithCommonName:(NSString *)commonName
{
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassIdentity forKey:(__bridge id)kSecClass];
#if TARGET_OS_OSX
    [query setObject:commonName forKey:(__bridge id)kSecMatchSubjectWholeString];
#else
    [query setObject:commonName forKey:(__bridge id)kSecMatchSubjectContains];
#endif
    [query setObject:@YES forKey:(__bridge id)kSecReturnRef];
    [query setObject:(__bridge id)kSecMatchLimitOne forKey:(__bridge id)kSecMatchLimit];

    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status != errSecSuccess) {
        return NULL;
    }
    return (SecIdentityRef)result;
}

#pragma mark - Delete

- (BOOL)removeCertificateWithLabel:(NSString *)label
{
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)[self queryForLabel:label]);
    return status == errSecSuccess || status == errSecItemNotFound;
}

- (void)removeCertificatesIssuedBy:(NSData *)normalizedIssuer
{
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:(__bridge id)kSecClassCertificate forKey:(__bridge id)kSecClass];
    [query setObject:normalizedIssuer forKey:(__bridge id)kSecAttrIssuer];
#if TARGET_OS_OSX
    // The file-based keychain stops after the first match otherwise.
    [query setObject:(__bridge id)kSecMatchLimitAll forKey:(__bridge id)kSecMatchLimit];
#endif
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)query);
    if (status != errSecSuccess && status != errSecItemNotFound) {
        NSLog(@"Could not remove certificates: %d", (int)status);
    }
}

@end
