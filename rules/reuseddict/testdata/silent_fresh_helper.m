#import <Security/Security.h>

// A helper that builds a new dictionary on every call: no reuse.
static NSMutableDictionary *makeDictObjC(void) {
    NSMutableDictionary *d = [NSMutableDictionary dictionary];
    d[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    d[(__bridge id)kSecAttrService] = @"com.example.fresh";
    d[(__bridge id)kSecAttrAccount] = @"me";
    return d;
}

void saveFreshObjC(NSData *data) {
    NSMutableDictionary *read = makeDictObjC();
    read[(__bridge id)kSecReturnData] = @YES;
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)read, &result) == errSecItemNotFound) {
        NSMutableDictionary *add = makeDictObjC();
        add[(__bridge id)kSecValueData] = data;
        SecItemAdd((__bridge CFDictionaryRef)add, NULL);
    }
}
