#import <Security/Security.h>

// kSecUseItemList is not implemented on iOS-family platforms: reported in
// code that can run there.
OSStatus readFromListObjC(NSArray *items) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecUseItemList: items, // want `^kSecUseItemList is deprecated \(iOS 12, tvOS 12, watchOS 5, Mac Catalyst 13\): remove kSecUseItemList: it is not implemented on iOS`
    };
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}

// Still valid on macOS: silent in macOS-only code.
#if TARGET_OS_OSX
OSStatus readFromListMacObjC(NSArray *items) {
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecUseItemList: items,
    };
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}
#endif

OSStatus readFromListOnMacObjC(NSArray *items) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
#if TARGET_OS_OSX
    query[(__bridge id)kSecUseItemList] = items;
#endif
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}
