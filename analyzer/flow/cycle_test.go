package flow_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// cycleSource generates a class of n methods that call each other: m_i
// writes a key into the dictionary it is given, deletes with it, and calls
// m_{i+1} or m_{i+2} depending on the status, so that every method reaches
// every other along many paths (an engine that re-interprets a method on
// every path through the cycle does work exponential in n).
func cycleSource(lang model.Lang, n int) (name, src string) {
	var b strings.Builder
	switch lang {
	case model.Swift:
		b.WriteString("import Security\n\nclass Store {\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, `    func m%d(_ q: [String: Any]) -> Bool {
        var d = q
        d[kSecAttrAccount as String] = "a%d"
        let status = SecItemDelete(d as CFDictionary)
        if status == errSecSuccess {
            return m%d(d)
        }
        return m%d(q)
    }
`, i, i, (i+1)%n, (i+2)%n)
		}
		b.WriteString(`}

func use() {
    let s = Store()
    _ = s.m0([kSecClass as String: kSecClassGenericPassword])
}
`)
		return "cycle.swift", b.String()
	default:
		b.WriteString("#import <Security/Security.h>\n\n@interface Store : NSObject\n@end\n\n@implementation Store\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, `- (BOOL)m%d:(NSDictionary *)q {
    NSMutableDictionary *d = [q mutableCopy];
    d[(__bridge id)kSecAttrAccount] = @"a%d";
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)d);
    if (status == errSecSuccess) {
        return [self m%d:d];
    }
    return [self m%d:q];
}
`, i, i, (i+1)%n, (i+2)%n)
		}
		b.WriteString(`@end

void use(void) {
    Store *s = [[Store alloc] init];
    [s m0:@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword}];
}
`)
		return "cycle.m", b.String()
	}
}

// cycleProgram lowers a generated cycle and analyses every function.
func cycleProgram(tb testing.TB, lang model.Lang, n int) (*flow.Program, []*flow.CallFact) {
	tb.Helper()
	name, src := cycleSource(lang, n)
	f, err := swiftparse.ParseFile(name, []byte(src))
	if err != nil {
		tb.Fatal(err)
	}
	if len(f.Errors) > 0 {
		tb.Fatalf("%s: syntax errors at %v", name, f.Errors)
	}
	prog := flow.NewProgram([]*model.File{f}, 0)
	return prog, prog.FileResult(f).Calls
}

// TestCallCycleIsBounded: a class of 40 mutually recursive methods is
// analysed with a number of function interpretations linear in the
// number of methods (each cycle is iterated a bounded number of rounds),
// in Swift and in Objective-C.
func TestCallCycleIsBounded(t *testing.T) {
	const n = 40
	for _, lang := range []model.Lang{model.Swift, model.ObjC} {
		t.Run(lang.String(), func(t *testing.T) {
			prog, facts := cycleProgram(t, lang, n)
			got := prog.Interpretations()
			if st := prog.Stats(); st.Cuts != 0 {
				t.Errorf("the safety net cut %d calls: the static call graph missed the cycle", st.Cuts)
			}
			// Each method has at most two analyses (unspecialised, and for
			// a non-nil argument), each interpreted at most once per round
			// of the cycle's fixed point; use() once.
			if limit := int64(2*n*(flow.MaxRounds+1) + 1); got > limit {
				t.Errorf("%d interpretations for %d methods, want at most %d", got, n, limit)
			}
			// Every method's own delete is still found.
			direct := 0
			for _, f := range facts {
				if f.Op == model.OpDelete && f.Via == nil {
					direct++
				}
			}
			if direct != n {
				t.Errorf("%d direct deletes, want %d", direct, n)
			}
		})
	}
}

// BenchmarkCallCycle analyses classes of n mutually recursive methods; the
// work (interpretations/op, and time) grows linearly with n:
//
//	go test -run '^$' -bench CallCycle -benchtime 3x ./analyzer/flow/
func BenchmarkCallCycle(b *testing.B) {
	for _, lang := range []model.Lang{model.Swift, model.ObjC} {
		for _, n := range []int{10, 20, 40} {
			b.Run(fmt.Sprintf("%s/methods=%d", lang, n), func(b *testing.B) {
				name, src := cycleSource(lang, n)
				f, err := swiftparse.ParseFile(name, []byte(src))
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				var interps int64
				for b.Loop() {
					prog := flow.NewProgram([]*model.File{f}, 0)
					prog.FileResult(f)
					interps = prog.Interpretations()
				}
				b.ReportMetric(float64(interps), "interpretations/op")
			})
		}
	}
}
