#include <Security/Security.h>

/* Reported: the release does not look at the status. */
CFIndex item_length(CFDictionaryRef query) {
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching(query, &result);
    CFIndex n = status == errSecSuccess ? CFDataGetLength((CFDataRef)result) : 0;
    CFRelease(result); /* want "`CFRelease\\(result\\)` runs while the status of SecItemCopyMatching on line 6 may be errSecItemNotFound" */
    return n;
}

/* Silent: released on the success path only. */
CFIndex item_length_checked(CFDictionaryRef query) {
    CFTypeRef result = NULL;
    CFIndex n = 0;
    if (SecItemCopyMatching(query, &result) == errSecSuccess) {
        n = CFDataGetLength((CFDataRef)result);
        CFRelease(result);
    }
    return n;
}
