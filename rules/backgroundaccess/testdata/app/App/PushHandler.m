#import <PushKit/PushKit.h>
#import <Security/Security.h>

@interface PushHandler : NSObject <PKPushRegistryDelegate>
@end

@implementation PushHandler

- (void)saveCallKey:(NSData *)data {
    NSDictionary *attrs = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                            (__bridge id)kSecAttrService: @"voip",
                            (__bridge id)kSecAttrAccount: @"call-key",
                            (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleWhenUnlocked,
                            (__bridge id)kSecValueData: data};
    SecItemAdd((__bridge CFDictionaryRef)attrs, NULL);
}

- (NSData *)callKey {
    NSDictionary *query = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                            (__bridge id)kSecAttrService: @"voip",
                            (__bridge id)kSecAttrAccount: @"call-key",
                            (__bridge id)kSecReturnData: @YES};
    CFTypeRef out = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &out) != errSecSuccess) { // want `this read runs in a PushKit push \(PKPushRegistryDelegate\), while the device may be locked, and the item is added with kSecAttrAccessibleWhenUnlocked,`
        return nil;
    }
    return (__bridge_transfer NSData *)out;
}

- (NSData *)deviceName {
    // Read only by the settings screen below.
    NSDictionary *query = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                            (__bridge id)kSecAttrService: @"voip",
                            (__bridge id)kSecAttrAccount: @"call-key",
                            (__bridge id)kSecReturnAttributes: @YES};
    CFTypeRef out = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &out);
    return nil;
}

- (void)pushRegistry:(PKPushRegistry *)registry didReceiveIncomingPushWithPayload:(PKPushPayload *)payload forType:(PKPushType)type withCompletionHandler:(void (^)(void))completion {
    NSData *key = [self callKey];
    (void)key;
    completion();
}

- (void)showSettings {
    (void)[self deviceName];
}

@end
