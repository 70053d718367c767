#import <Security/Security.h>

// PENDING (flow engine): see pending_itemlist_branches.swift.txt.
// Reproducer: /tmp/engine-bugs/deprecatedkey-1.m. Expected: only the #else
// site.
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
