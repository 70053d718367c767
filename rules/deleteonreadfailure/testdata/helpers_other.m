#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Calls deleteItemForKey: of direct.m: the finding is at the call here.
@implementation KeychainStore (Session)

- (NSData *)sessionForKey:(NSString *)key {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)[self queryForKey:key], &result);
    if (status != errSecSuccess) {
        [self deleteItemForKey:key]; // want `deleteItemForKey: \(which calls SecItemDelete\) runs after SecItemCopyMatching on line 9 may have failed`
        return nil;
    }
    return (__bridge_transfer NSData *)result;
}

@end
