// A helper that returns another helper's result unchanged passes on its
// success and failure: nil when the read failed, a value when it
// succeeded. That result is not an OSStatus.
#import <Foundation/Foundation.h>
#import <Security/Security.h>

@implementation TokenVault

- (NSDictionary *)queryForAccount:(NSString *)account {
    return @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
              (__bridge id)kSecAttrService: @"com.example.vault",
              (__bridge id)kSecAttrAccount: account };
}

- (void)removeAccount:(NSString *)account {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]);
}

// nil when the read fails.
- (NSData *)dataForAccount:(NSString *)account error:(NSError **)error {
    NSMutableDictionary *query = [[self queryForAccount:account] mutableCopy];
    query[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status != errSecSuccess) {
        return nil;
    }
    return CFBridgingRelease(result);
}

- (NSData *)tokenDataForAccount:(NSString *)account error:(NSError **)error {
    return [self dataForAccount:account error:error];
}

- (NSString *)tokenForAccount:(NSString *)account {
    NSData *data = [self tokenDataForAccount:account error:nil];
    if (!data) {
        return nil;
    }
    return [[NSString alloc] initWithData:data encoding:NSUTF8StringEncoding];
}

// Negative: the legacy item is removed once its token was read.
- (void)migrateAccount:(NSString *)account {
    if ([self tokenForAccount:account]) {
        [self removeAccount:account];
    }
}

// Positive twin: removed because the read failed.
- (void)resetAccount:(NSString *)account {
    if (![self tokenForAccount:account]) {
        [self removeAccount:account]; // want `removeAccount: \(which calls SecItemDelete\) runs after tokenForAccount: \(which reads with SecItemCopyMatching\) on line 52 may have failed`
    }
}

@end
