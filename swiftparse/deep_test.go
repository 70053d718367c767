package swiftparse_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// deepIfs is a function whose SecItem call sits n ifs deep.
func deepIfs(ext string, n int) string {
	if ext == "swift" {
		return "func deep() {\n" + strings.Repeat("if true {\n", n) + "SecItemDelete([kSecClass: kSecClassGenericPassword] as CFDictionary)\n" + strings.Repeat("}\n", n) + "}\n"
	}
	return "void deep(void) {\n" + strings.Repeat("if (1) {\n", n) + "SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword });\n" + strings.Repeat("}\n", n) + "}\n"
}

// Code nested 1,000 ifs deep is lowered whole: the depth limit is far
// beyond real code (it was 200 ifs, and the call was dropped).
func TestThousandIfsDeep(t *testing.T) {
	for _, ext := range []string{"swift", "m"} {
		f := parse(t, ext, deepIfs(ext, 1000))
		if f.Truncated || len(f.Cut) != 0 {
			t.Errorf(".%s: cut at %v", ext, f.Cut)
		}
		calls := nodes[*model.SecItemCall](f)
		if len(calls) != 1 {
			t.Fatalf(".%s: %d SecItem calls, want 1", ext, len(calls))
		}
		if d := modelDepth(f); d < 1000 {
			t.Errorf(".%s: model nests %d deep, want the 1,000 ifs", ext, d)
		}
	}
}

// BenchmarkDeepNesting parses ifs nested 1,000 deep (lowered whole) and
// 10,000 and 50,000 deep (cut at the depth limit).
func BenchmarkDeepNesting(b *testing.B) {
	for _, ext := range []string{"swift", "m"} {
		for _, n := range []int{1000, 10000, 50000} {
			src := deepIfs(ext, n)
			b.Run(fmt.Sprintf("%s/%d", ext, n), func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					parse(b, ext, src)
				}
			})
		}
	}
}
