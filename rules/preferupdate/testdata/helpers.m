#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Two calls of one helper with the same argument name the same item.
@interface SessionStore : NSObject
@property (nonatomic, copy) NSString *service;
@end

@implementation SessionStore

- (NSMutableDictionary *)queryForAccount:(NSString *)account {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrService] = self.service;
    q[(__bridge id)kSecAttrAccount] = account;
    return q;
}

// The same variable.
- (void)saveSession:(NSData *)session account:(NSString *)account {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:account]); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 24: `
    NSMutableDictionary *item = [self queryForAccount:account];
    item[(__bridge id)kSecValueData] = session;
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// The same constant.
- (void)saveCurrentSession:(NSData *)session {
    NSMutableDictionary *old = [self queryForAccount:@"current"];
    SecItemDelete((__bridge CFDictionaryRef)old); // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 33: `
    NSMutableDictionary *item = [self queryForAccount:@"current"];
    [item setObject:session forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: another account (another variable).
- (void)moveSession:(NSData *)session from:(NSString *)source to:(NSString *)target {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:source]);
    NSMutableDictionary *item = [self queryForAccount:target];
    item[(__bridge id)kSecValueData] = session;
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

// Silent: another account (another constant).
- (void)rotateSession:(NSData *)session {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForAccount:@"previous"]);
    NSMutableDictionary *item = [self queryForAccount:@"current"];
    item[(__bridge id)kSecValueData] = session;
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

@end
