#import <Foundation/Foundation.h>
#import <Security/Security.h>

// A helper that itself deletes and re-adds the item is reported once,
// inside it; a caller that resets the item first loses nothing more.
@implementation SecretCache

- (NSDictionary *)queryForAccount:(NSString *)account {
    return @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
             (__bridge id)kSecAttrService: @"com.example.cache",
             (__bridge id)kSecAttrAccount: account};
}

- (void)store:(NSData *)secret account:(NSString *)account {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 18: `
    NSMutableDictionary *item = [[self queryForAccount:account] mutableCopy];
    item[(__bridge id)kSecValueData] = secret;
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

- (void)add:(NSData *)secret account:(NSString *)account {
    NSMutableDictionary *item = [[self queryForAccount:account] mutableCopy];
    item[(__bridge id)kSecValueData] = secret;
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: store:account: deletes the item itself before it adds.
- (void)resetAndStore:(NSData *)secret account:(NSString *)account {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]);
    [self store:secret account:account];
}

- (void)store:(NSData *)secret account:(NSString *)account ifChanged:(BOOL)changed {
    if (changed) {
        [self store:secret account:account];
    }
}

// Silent too: where store:account:ifChanged: adds, store:account: deleted first.
- (void)resetAndMaybeStore:(NSData *)secret account:(NSString *)account changed:(BOOL)changed {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]);
    [self store:secret account:account ifChanged:changed];
}

// Reported: add:account: only adds.
- (void)replace:(NSData *)secret account:(NSString *)account {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]); // want `^SecItemDelete followed by add:account: \(which calls SecItemAdd\) of the same generic password`
    [self add:secret account:account];
}

@end
