#import <Security/Security.h>

// Delete, then add the same dictionary after adding the data to it: the add
// gets exactly what it needs (the delete-then-add itself is preferupdate's
// finding), so this is not a harmful reuse.
void replaceSecretObjC(NSData *secret) {
    NSMutableDictionary *item = [NSMutableDictionary dictionary];
    item[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    item[(__bridge id)kSecAttrService] = @"com.example.secret";
    item[(__bridge id)kSecAttrAccount] = @"secret";
    SecItemDelete((__bridge CFDictionaryRef)item);
    [item setObject:secret forKey:(__bridge id)kSecValueData];
    SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
