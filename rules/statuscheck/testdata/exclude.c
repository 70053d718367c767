#include <stdbool.h>
#include <Security/Security.h>

/* Reported: every failure but errSecDuplicateItem returns true. */
bool save_item(CFDictionaryRef item, CFDictionaryRef query, CFDictionaryRef changes) {
    OSStatus status = SecItemAdd(item, NULL);
    if (status == errSecDuplicateItem) { /* want "`status == errSecDuplicateItem` tells only one error of SecItemAdd on line 6 apart" */
        return SecItemUpdate(query, changes) == errSecSuccess;
    }
    return true;
}

/* Silent: compared with errSecSuccess. */
bool save_checked(CFDictionaryRef item, CFDictionaryRef query, CFDictionaryRef changes) {
    OSStatus status = SecItemAdd(item, NULL);
    if (status == errSecDuplicateItem) {
        status = SecItemUpdate(query, changes);
    }
    return status == errSecSuccess;
}
