#import <Security/Security.h>

// Uses the helpers in helper_changes.m: the findings are at the keys in the
// helpers.
@implementation ProtectionClient

- (void)applyStrict:(NSDictionary *)query {
    NSDictionary *changes = [ProtectionChangesObjC strictChanges];
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)changes);
}

- (void)applyToken:(NSDictionary *)query {
    SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)[ProtectionChangesObjC tokenChanges]);
}

@end
