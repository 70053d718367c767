#import <Security/Security.h>

// Deliberate choice: the rule follows dictionaries into SecItem calls and
// reports only there. A deprecated constant in a dictionary that never
// reaches a SecItem call is silent; the compiler's own deprecation warning
// covers it.
NSString *describeAccessibilityObjC(void) {
    NSDictionary *unused = @{
        (__bridge id)kSecAttrAccessible: (__bridge id)kSecAttrAccessibleAlways,
        (__bridge id)kSecUseOperationPrompt: @"never sent",
    };
    return [unused description];
}

BOOL isLegacyObjC(CFStringRef value) {
    return CFEqual(value, kSecAttrAccessibleAlwaysThisDeviceOnly);
}
