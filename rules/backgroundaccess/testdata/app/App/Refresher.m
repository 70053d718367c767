#import <BackgroundTasks/BackgroundTasks.h>
#import <Security/Security.h>

@interface Refresher : NSObject
@end

@implementation Refresher

- (void)saveFeedKey:(NSData *)data {
    NSDictionary *attrs = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                            (__bridge id)kSecAttrService: @"feed",
                            (__bridge id)kSecAttrAccount: @"key",
                            (__bridge id)kSecValueData: data};
    SecItemAdd((__bridge CFDictionaryRef)attrs, NULL);
}

- (void)registerTasks {
    [[BGTaskScheduler sharedScheduler] registerForTaskWithIdentifier:@"com.example.bgvault.feed" usingQueue:nil launchHandler:^(BGTask *task) {
        NSDictionary *query = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                                (__bridge id)kSecAttrService: @"feed",
                                (__bridge id)kSecAttrAccount: @"key",
                                (__bridge id)kSecReturnData: @YES};
        OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL); // want `this read runs in a BGTaskScheduler launch handler, while the device may be locked, and the item is added without kSecAttrAccessible`
        [task setTaskCompletedWithSuccess:status == errSecSuccess];
    }];
    // Outside the launch handler: runs at registration, in the foreground.
    NSDictionary *query = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                            (__bridge id)kSecAttrService: @"feed",
                            (__bridge id)kSecAttrAccount: @"key",
                            (__bridge id)kSecReturnData: @YES};
    SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

@end
