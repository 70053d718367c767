#import <Foundation/Foundation.h>
#import <Security/Security.h>

// Reads that suppress the authentication UI: errSecInteractionNotAllowed
// (-25308) then also means "the item exists but needs Touch ID, Face ID or
// the passcode".
static NSMutableDictionary *baseQuery(void) {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    q[(__bridge id)kSecAttrService] = @"com.example.protected";
    q[(__bridge id)kSecAttrAccount] = @"secret";
    return q;
}

// Any failure deletes: the message says that -25308 may be an item
// protected by user authentication.
NSData *loadOrResetObjC(void) {
    NSMutableDictionary *q = baseQuery();
    q[(__bridge id)kSecReturnData] = @YES;
    q[(__bridge id)kSecUseAuthenticationUI] = (__bridge id)kSecUseAuthenticationUIFail;
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)q, &result);
    if (status != errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)baseQuery()); // want `SecItemDelete runs after SecItemCopyMatching on line 22 may have failed with errSecInteractionNotAllowed \(-25308\); the read passes kSecUseAuthenticationUIFail, so this status also means the item exists but needs user authentication`
        return nil;
    }
    return (__bridge_transfer NSData *)result;
}

// The deprecated kSecUseNoAuthenticationUI: true, any failure deletes.
NSData *loadNoUIOrResetObjC(void) {
    NSMutableDictionary *q = baseQuery();
    q[(__bridge id)kSecReturnData] = @YES;
    q[(__bridge id)kSecUseNoAuthenticationUI] = (__bridge id)kCFBooleanTrue;
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)q, &result);
    if (status != errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)baseQuery()); // want `the read passes kSecUseNoAuthenticationUI, so this status also means the item exists but needs user authentication`
        return nil;
    }
    return (__bridge_transfer NSData *)result;
}

// The code compares the status with errSecInteractionNotAllowed and treats
// the item as present (it replaces it): silent.
void replaceIfProtectedObjC(NSData *data) {
    NSMutableDictionary *q = baseQuery();
    q[(__bridge id)kSecUseAuthenticationUI] = (__bridge id)kSecUseAuthenticationUIFail;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL);
    if (status == errSecInteractionNotAllowed) {
        SecItemDelete((__bridge CFDictionaryRef)baseQuery());
        NSMutableDictionary *add = baseQuery();
        add[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)add, NULL);
    }
}

// A false kSecUseNoAuthenticationUI shows the UI: -25308 only means locked.
void replaceIfLockedObjC(void) {
    NSMutableDictionary *q = baseQuery();
    q[(__bridge id)kSecUseNoAuthenticationUI] = @NO;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL);
    if (status == errSecInteractionNotAllowed) {
        SecItemDelete((__bridge CFDictionaryRef)baseQuery()); // want `which only means the device is locked`
    }
}
