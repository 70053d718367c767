package swiftparse_test

import (
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/swiftparse"
)

// FuzzParse checks that lowering never panics, never fails and keeps the
// model's invariants, whatever the bytes, in every language.
//
//	go test -run xxx -fuzz FuzzParse -fuzztime 30s ./swiftparse
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		swiftPrefix,
		objcPrefix,
		"func f() {\n    var q = [String: Any]()\n    q[kSecAttrAccount as String] = a\n    q.merge(o) { $1 }\n    let s = withUnsafeMutablePointer(to: &r) { SecItemCopyMatching(q as CFDictionary, $0) }\n    guard s == errSecSuccess || s == errSecItemNotFound else { return }\n}\n",
		"struct S {\n    #if os(macOS)\n    func m() {}\n    #elseif os(iOS)\n    static let q: [String: Any] = [:]\n    #else\n    var c: Int { 1 }\n    #endif\n}\n",
		"@implementation K\n#if TARGET_OS_OSX\n- (NSDictionary *)q:(NSString *)a { return @{ (__bridge id)kSecClass: a }; }\n#else\n- (void)n {}\n#endif\n@end\n",
		"void f(void) { OSStatus s; if ((s = SecItemAdd(q, NULL)) == errSecSuccess) {} switch (s) { case 0: case 1: break; default: ; } }\n",
		"CFDictionaryRef q(void) { const void *k[] = { kSecClass }; return CFDictionaryCreate(NULL, k, k, 1, NULL, NULL); }\n",
		"let x = ((((1))))\nif true { if true { } }\n/* unterminated",
		"#if os(macOS)\nfunc f() {\n#endif\n}\n",
		"let a = -b + c * d ?? e == f || !g && h\n",
		"@implementation M\nRCT_EXPORT_MODULE();\nRCT_EXPORT_METHOD(s:(NSString *)k r:(void (^)(id))b) { SecItemDelete(q); }\nRCT_REMAP_METHOD(j, g:(id)x) {}\nX_Y(1, \"(\") {}\n@end\n",
		"func f() async throws(E) -> Int { if let x = try await g(y) { return x }; return try? await h() }\n",
	} {
		f.Add([]byte(s))
	}
	f.Add([]byte(pathologicalSwift))
	// Error recovery can take minutes on some inputs: a tight limit keeps
	// the fuzzer (and the replay of its corpus) fast.
	defer swiftparse.SetParseTimeLimit(func(n int) time.Duration { return 500*time.Millisecond + time.Duration(n)*time.Millisecond })()
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, path := range []string{"fuzz.swift", "fuzz.m", "fuzz.c"} {
			file, err := swiftparse.ParseFile(path, src)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			checkModel(t, file)
		}
	})
}
