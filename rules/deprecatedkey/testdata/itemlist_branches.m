#import <Security/Security.h>

// kSecUseItemList is written in both branches of #if os(macOS) / #else (TARGET_OS_OSX
// in Objective-C): only the site in the #else branch reaches iOS-family platforms.
OSStatus readFromListBranchesObjC(NSArray *macItems, NSArray *items) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
#if TARGET_OS_OSX
    query[(__bridge id)kSecUseItemList] = macItems;
#else
    query[(__bridge id)kSecUseItemList] = items; // want `^kSecUseItemList is deprecated`
#endif
    return SecItemCopyMatching((__bridge CFDictionaryRef)query, NULL);
}
