package swiftparse_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

const rnModule = `#import <React/RCTBridgeModule.h>
#import <Security/Security.h>

#define LOCAL_MACRO(x) \
    (x)

@implementation RNKeychain

RCT_EXPORT_MODULE();

// RCT_EXPORT_METHOD(inComment:(id)x) { }
RCT_EXPORT_METHOD(setItem:(NSString *)key value:(NSString *)value
                  resolver:(RCTPromiseResolveBlock)resolve
                  rejecter:(RCTPromiseRejectBlock)reject)
{
  NSDictionary *query = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrAccount: key};
  SecItemDelete((__bridge CFDictionaryRef)query);
  resolve(@"RCT_EXPORT_METHOD(inString:(id)x) {");
}

RCT_REMAP_METHOD(getItem, getItemForKey:(NSString *)key withBlock:(void (^)(NSData *data))block resolver:(RCTPromiseResolveBlock)resolve rejecter:(RCTPromiseRejectBlock)reject)
{
  SecItemCopyMatching((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword}, NULL);
}

RCT_EXPORT_METHOD(clear) {
  SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: (__bridge id)kSecClassKey});
}

DEFINE_HANDLER(kHandlerName, 42)
{
  SecItemAdd((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: (__bridge id)kSecClassKey}, NULL);
}

- (void)plain {
  MY_ASSERT(self != nil);
  SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: (__bridge id)kSecClassKey});
}

@end

CF_INLINE_HELPER(int x) {
  SecItemDelete(NULL);
}
`

// TestObjCMethodMacros checks that methods declared through macros at
// @implementation scope are lowered with their bodies: a selector derived
// from the arguments (RCT_EXPORT_METHOD, RCT_REMAP_METHOD after the JS
// name), a method named after the macro otherwise; and that macros
// elsewhere (in bodies, comments, strings, outside @implementation) are
// left alone.
func TestObjCMethodMacros(t *testing.T) {
	f := parse(t, "m", rnModule)
	end := strings.Index(rnModule, "@end")
	for _, sp := range f.Errors {
		if sp.Start < end { // outside @implementation, the macro is left to the grammar
			t.Errorf("syntax error at %v: %q", sp, rnModule[sp.Start:sp.End])
		}
	}
	want := []struct {
		name   string
		params []string
		call   string
	}{
		{"setItem:value:resolver:rejecter:", []string{"key", "value", "resolve", "reject"}, "SecItemDelete"},
		{"getItemForKey:withBlock:resolver:rejecter:", []string{"key", "block", "resolve", "reject"}, "SecItemCopyMatching"},
		{"clear", nil, "SecItemDelete"},
		{"DEFINE_HANDLER", nil, "SecItemAdd"},
		{"plain", nil, "SecItemDelete"},
	}
	for _, w := range want {
		fn := funcNamed(t, f, w.name)
		if fn.Kind != model.FuncMethod || fn.Owner != "RNKeychain" || fn.Static {
			t.Errorf("%s: kind %v, owner %q, static %v; want an instance method of RNKeychain", w.name, fn.Kind, fn.Owner, fn.Static)
		}
		var params []string
		for _, p := range fn.Params {
			params = append(params, p.Name)
		}
		if strings.Join(params, ",") != strings.Join(w.params, ",") {
			t.Errorf("%s: params %v, want %v", w.name, params, w.params)
		}
		if d := model.Dump(fn); !strings.Contains(d, w.call+"(") {
			t.Errorf("%s: body lacks %s:\n%s", w.name, w.call, d)
		}
	}
	for _, fn := range f.Funcs {
		if strings.Contains(fn.Name, "inComment") || strings.Contains(fn.Name, "inString") || fn.Name == "RCT_EXPORT_MODULE" || fn.Name == "MY_ASSERT" {
			t.Errorf("unexpected body %q", fn.Name)
		}
	}
	// The strings in the bodies are the source's.
	if d := dumpFile(f); !strings.Contains(d, `"RCT_EXPORT_METHOD(inString:(id)x) {"`) {
		t.Errorf("string literal changed:\n%s", d)
	}
	// The file keeps its own bytes.
	if string(f.Src) != rnModule {
		t.Error("File.Src is not the source")
	}
}

const enumMacros = `#import <Foundation/Foundation.h>

NS_ASSUME_NONNULL_BEGIN
NS_HEADER_AUDIT_BEGIN(nullability, sendability) // for Swift

typedef NS_ENUM(int, KCErrorType) {
  KCErrorBadArguments = -1301,
};

typedef NS_OPTIONS(NSUInteger, KCOptions) { KCOptionNone = 0, KCOptionSync = 1 << 0 };
typedef NS_ERROR_ENUM(KCErrorDomain, KCError) { KCErrorFailed = 1 };
CF_ENUM(CFIndex, KCLevel) { KCLevelLow };

@interface KCStore ()
@property(nonatomic) KCOptions options;
@end

@implementation KCStore

- (void)remove:(NSString *)account {
  SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrAccount: account});
}

+ (NSDictionary *)query {
  return @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword};
}

@end

NS_HEADER_AUDIT_END(nullability, sendability)
NS_ASSUME_NONNULL_END
`

// TestObjCEnumMacros checks that NS_ENUM and its kin, and the region
// macros NS_ASSUME_NONNULL_BEGIN / _END, which the grammar cannot expand,
// no longer turn the rest of the file into an ERROR node: the methods
// after them are lowered.
func TestObjCEnumMacros(t *testing.T) {
	f := parse(t, "m", enumMacros)
	for _, sp := range f.Errors {
		t.Errorf("syntax error at %v: %q", sp, enumMacros[sp.Start:sp.End])
	}
	if fn := funcNamed(t, f, "remove:"); fn.Owner != "KCStore" || !strings.Contains(model.Dump(fn), "SecItemDelete(") {
		t.Errorf("remove: owner %q, body:\n%s", fn.Owner, model.Dump(fn))
	}
	if fn := funcNamed(t, f, "query"); !fn.Static {
		t.Error("+query is not static")
	}
}
