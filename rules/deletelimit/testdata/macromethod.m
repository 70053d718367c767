// A React Native module: methods declared through RCT_EXPORT_METHOD and
// RCT_REMAP_METHOD are analysed like any other method.
#import <React/RCTBridgeModule.h>
#import <Security/Security.h>

@implementation RNSecureStore

RCT_EXPORT_MODULE();

RCT_EXPORT_METHOD(deleteItem:(NSString *)key
                  resolver:(RCTPromiseResolveBlock)resolve
                  rejecter:(RCTPromiseRejectBlock)reject)
{
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"app",
                             (__bridge id)kSecAttrAccount: key,
                             (__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitOne }; // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\) on iOS`
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)query);
    resolve(@(status));
}

RCT_REMAP_METHOD(removeItem, removeItemForKey:(NSString *)key
                 resolver:(RCTPromiseResolveBlock)resolve
                 rejecter:(RCTPromiseRejectBlock)reject)
{
    NSDictionary *query = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
                             (__bridge id)kSecAttrService: @"app",
                             (__bridge id)kSecAttrAccount: key };
    resolve(@(SecItemDelete((__bridge CFDictionaryRef)query)));
}

@end
