package swiftparse_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

const (
	all      = model.AllPlatforms
	mac      = model.MacOS
	iosCat   = model.IOS | model.MacCatalyst
	notMac   = model.AllPlatforms &^ model.MacOS
	iosOther = model.TVOS | model.WatchOS | model.VisionOS // neither macOS nor os(iOS)
)

// clauses describes the IfConfigs of a file: "cond=platforms" per clause,
// "|" between clauses, ";" between IfConfigs.
func clauses(f *model.File) string {
	var cfgs []string
	for _, c := range nodes[*model.IfConfig](f) {
		var cs []string
		for _, cl := range c.Clauses {
			cs = append(cs, fmt.Sprintf("%s=%s", cl.Cond, cl.Platforms))
		}
		cfgs = append(cfgs, strings.Join(cs, "|"))
	}
	return strings.Join(cfgs, ";")
}

// funcPlatforms lists "name=platforms" for every body but top-level code.
func funcPlatforms(f *model.File) string {
	var ps []string
	for _, fn := range f.Funcs {
		if fn.Kind == model.FuncTopLevel {
			continue
		}
		name := fn.Name
		if fn.Owner != "" {
			name = fn.Owner + "." + name
		}
		ps = append(ps, fmt.Sprintf("%s=%s", name, fn.Platforms))
	}
	return strings.Join(ps, " ")
}

// Conditional compilation inside functions: IfConfig statements whose
// clauses carry the platforms they compile on.
func TestIfConfigStatements(t *testing.T) {
	wantClauses := func(want string) func(t *testing.T, f *model.File) {
		return func(t *testing.T, f *model.File) {
			t.Helper()
			if got := clauses(f); got != want {
				t.Errorf("clauses\n got %s\nwant %s\n%s", got, want, dumpFile(f))
			}
		}
	}
	runIdioms(t, []idiomCase{
		{
			name: "Swift: #if os(macOS) / #elseif os(iOS) / #else",
			ext:  "swift",
			src: `func f(q: inout [String: Any]) {
    q[kSecClass as String] = kSecClassGenericPassword
    #if os(macOS)
    q[kSecUseKeychain as String] = keychain
    #elseif os(iOS)
    q[kSecAttrAccessGroup as String] = "group"
    #else
    q[kSecAttrSynchronizable as String] = true
    #endif
    SecItemAdd(q as CFDictionary, nil)
}`,
			dump: []string{"set(q, (kSecClass as String), kSecClassGenericPassword)", "#if os(macOS) [macos]", "set(q, (kSecUseKeychain as String), keychain)",
				"#elseif os(iOS) [ios,maccatalyst]", "set(q, (kSecAttrAccessGroup as String)", "#else  [tvos,watchos,visionos]", "kSecAttrSynchronizable", "#endif", "SecItemAdd"},
			check: func(t *testing.T, f *model.File) {
				wantClauses("os(macOS)=macos|os(iOS)=ios,maccatalyst|=tvos,watchos,visionos")(t, f)
				fn := funcNamed(t, f, "f")
				if len(fn.Body) != 3 {
					t.Fatalf("body has %d statements", len(fn.Body))
				}
				cfg, ok := fn.Body[1].(*model.IfConfig)
				if !ok {
					t.Fatalf("second statement %T", fn.Body[1])
				}
				for i, cl := range cfg.Clauses {
					if len(cl.Body) != 1 {
						t.Errorf("clause %d has %d statements", i, len(cl.Body))
					}
				}
				if txt := spanText(f, cfg.Span); !strings.HasPrefix(txt, "#if os(macOS)") || !strings.HasSuffix(txt, "#endif") {
					t.Errorf("IfConfig span covers %q", txt)
				}
			},
		},
		{
			name: "Swift: #if as the first and last statements of a block",
			ext:  "swift",
			src: `func f() {
    #if os(macOS)
    SecItemDelete(a)
    #else
    SecItemDelete(b)
    #endif
}`,
			check: wantClauses("os(macOS)=macos|=ios,tvos,watchos,visionos,maccatalyst"),
		},
		{
			name: "Swift: nested, negated, combined and unknown conditions",
			ext:  "swift",
			src: `func f() {
    #if !os(macOS)
    #if DEBUG
    a()
    #endif
    #elseif targetEnvironment(macCatalyst)
    b()
    #endif
    #if os(iOS) || os(tvOS)
    c()
    #endif
    #if canImport(AppKit)
    d()
    #endif
}`,
			check: wantClauses("!os(macOS)=ios,tvos,watchos,visionos,maccatalyst|targetEnvironment(macCatalyst)=none;DEBUG=all;os(iOS) || os(tvOS)=ios,tvos,maccatalyst;canImport(AppKit)=macos"),
		},
		{
			name: "Swift: #if inside closures, loops and switch cases",
			ext:  "swift",
			src: `func f(s: OSStatus) {
    queue.async {
        #if os(macOS)
        a()
        #endif
    }
    for x in xs {
        #if os(iOS)
        b()
        #endif
    }
    switch s {
    case errSecSuccess:
        #if os(watchOS)
        c()
        #endif
    default:
        break
    }
}`,
			check: wantClauses("os(macOS)=macos;os(iOS)=ios,maccatalyst;os(watchOS)=watchos"),
		},
		{
			name: "Swift: trailing comment after a directive stays a comment",
			ext:  "swift",
			src: `func f() {
    #if os(macOS) // the file keychain
    a()
    #endif // os(macOS)
}`,
			check: func(t *testing.T, f *model.File) {
				wantClauses("os(macOS)=macos")(t, f)
				if len(f.Comments) != 2 || f.Comments[0].Text != "// the file keychain" || f.Comments[1].Text != "// os(macOS)" {
					t.Errorf("comments %+v", f.Comments)
				}
			},
		},
		{
			name: "Objective-C: #if TARGET_OS_OSX / #elif TARGET_OS_IPHONE / #else",
			ext:  "m",
			src: `void f(NSMutableDictionary *q) {
#if TARGET_OS_OSX
    q[(__bridge id)kSecUseKeychain] = keychain;
#elif TARGET_OS_IPHONE
    q[(__bridge id)kSecAttrAccessGroup] = @"group";
#else
    q[(__bridge id)kSecAttrLabel] = @"x";
#endif
}`,
			dump: []string{"#if TARGET_OS_OSX [macos]", "kSecUseKeychain", "#elseif TARGET_OS_IPHONE [ios,tvos,watchos,visionos,maccatalyst]", "kSecAttrAccessGroup", "#else  [none]", "kSecAttrLabel", "#endif"},
			check: func(t *testing.T, f *model.File) {
				wantClauses("TARGET_OS_OSX=macos|TARGET_OS_IPHONE=ios,tvos,watchos,visionos,maccatalyst|=none")(t, f)
				cfg := oneOf[*model.IfConfig](t, f)
				for i, cl := range cfg.Clauses {
					if len(cl.Body) != 1 {
						t.Errorf("clause %d has %d statements", i, len(cl.Body))
					}
				}
			},
		},
		{
			name: "Objective-C: #ifdef DEBUG does not narrow, #ifndef, compound conditions",
			ext:  "m",
			src: `void f(void) {
#ifdef DEBUG
    a();
#endif
#ifndef TARGET_OS_OSX
    b();
#endif
#if TARGET_OS_OSX && !TARGET_OS_MACCATALYST
    c();
#endif
#if TARGET_OS_IPHONE == 1
    d();
#endif
#if defined(__IPHONE_OS_VERSION_MIN_REQUIRED)
    e();
#endif
}`,
			check: wantClauses("defined(DEBUG)=all;!defined(TARGET_OS_OSX)=all;TARGET_OS_OSX && !TARGET_OS_MACCATALYST=macos;TARGET_OS_IPHONE == 1=ios,tvos,watchos,visionos,maccatalyst;defined(__IPHONE_OS_VERSION_MIN_REQUIRED)=ios,tvos,watchos,visionos,maccatalyst"),
		},
		{
			name: "C: #if TARGET_OS_IOS with #else",
			ext:  "c",
			src: `void f(CFMutableDictionaryRef q) {
#if TARGET_OS_IOS
    CFDictionarySetValue(q, kSecAttrAccessGroup, CFSTR("g"));
#else
    CFDictionarySetValue(q, kSecUseKeychain, NULL);
#endif
}`,
			check: wantClauses("TARGET_OS_IOS=ios,maccatalyst|=macos,tvos,watchos,visionos"),
		},
	})
}

// Conditional compilation around whole functions and methods:
// Func.Platforms.
func TestIfConfigDeclarations(t *testing.T) {
	wantPlatforms := func(want string) func(t *testing.T, f *model.File) {
		return func(t *testing.T, f *model.File) {
			t.Helper()
			if got := funcPlatforms(f); got != want {
				t.Errorf("platforms\n got %s\nwant %s\n%s", got, want, dumpFile(f))
			}
		}
	}
	runIdioms(t, []idiomCase{
		{
			name: "Swift: file scope",
			ext:  "swift",
			src: `#if os(macOS)
func macQuery() -> [String: Any] { [kSecUseKeychain as String: kc] }
#elseif os(iOS)
func iosQuery() -> [String: Any] { [:] }
#else
func otherQuery() -> [String: Any] { [:] }
#endif
func everywhere() {}
#if os(Linux)
func linuxOnly() {}
#endif
#if DEBUG
let debugQuery: [String: Any] = [:]
#endif`,
			check: wantPlatforms("macQuery=macos iosQuery=ios,maccatalyst otherQuery=tvos,watchos,visionos everywhere=all debugQuery=all"),
		},
		{
			name: "Swift: type scope, first member, between members, nested",
			ext:  "swift",
			src: `struct Store {
    #if os(macOS)
    func macOnly() { SecItemDelete([kSecUseKeychain: kc] as CFDictionary) }
    #else
    func elsewhere() {}
    #endif
    var query: [String: Any] { [:] }
    func shared() {}
    #if os(iOS)
    static let group = "g"
    #if targetEnvironment(macCatalyst)
    func catalyst() {}
    #endif
    func iosOnly() {}
    #endif
    func last() {}
}
class Other {
    #if os(tvOS)
    init() {}
    #endif
}
extension Store {
    #if !os(macOS)
    func notMac() {}
    #endif
}
enum Keys {
    case a
    #if os(macOS)
    case b
    static func mac() {}
    #endif
}`,
			check: func(t *testing.T, f *model.File) {
				wantPlatforms("Store.macOnly=macos Store.elsewhere=ios,tvos,watchos,visionos,maccatalyst Store.query=all Store.shared=all "+
					"Store.group=ios,maccatalyst Store.catalyst=maccatalyst Store.iosOnly=ios,maccatalyst Store.last=all "+
					"Other.init=tvos Store.notMac=ios,tvos,watchos,visionos,maccatalyst Keys.mac=macos")(t, f)
				if len(f.Errors) != 0 {
					t.Errorf("syntax errors %v", f.Errors)
				}
				for _, fn := range f.Funcs {
					if fn.Kind == model.FuncFunction {
						t.Errorf("%s lowered as a free function: the type body was lost", fn.Name)
					}
				}
				if fn := funcNamed(t, f, "macOnly"); len(nodesIn[*model.SecItemCall](fn)) != 1 {
					t.Errorf("macOnly lost its body")
				}
			},
		},
		{
			name: "Swift: #if around a whole type",
			ext:  "swift",
			src: `#if os(macOS)
final class MacKeychain {
    func add() {}
    #if DEBUG
    func debug() {}
    #endif
}
#endif`,
			check: wantPlatforms("MacKeychain.add=macos MacKeychain.debug=macos"),
		},
		{
			name: "Objective-C: method and function inside #if",
			ext:  "m",
			src: `@implementation Store
#if TARGET_OS_OSX
- (void)macOnly {
    SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecUseKeychain: kc });
}
#else
- (void)elsewhere {}
#endif
- (void)everywhere {}
@end
#if TARGET_OS_IPHONE
static void iosHelper(void) {}
#endif
#ifdef DEBUG
void debugHelper(void) {}
#endif`,
			check: func(t *testing.T, f *model.File) {
				wantPlatforms("Store.macOnly=macos Store.elsewhere=ios,tvos,watchos,visionos,maccatalyst Store.everywhere=all iosHelper=ios,tvos,watchos,visionos,maccatalyst debugHelper=all")(t, f)
				if funcNamed(t, f, "macOnly").Platforms != model.MacOS {
					t.Error("macOnly is not macOS-only")
				}
			},
		},
		{
			name: "Objective-C: nested #if and #elif around functions",
			ext:  "m",
			src: `#if TARGET_OS_IPHONE
#if TARGET_OS_MACCATALYST
void catalyst(void) {}
#elif TARGET_OS_WATCH
void watch(void) {}
#endif
#endif`,
			check: wantPlatforms("catalyst=maccatalyst watch=watchos"),
		},
	})
}

// #if inside a switch case and around whole case clauses: the statements
// of each branch carry its platforms, a case clause inside #if is
// narrowed to its platforms, and the declarations after the switch keep
// their owner type and instance-ness.
func TestIfConfigInSwitch(t *testing.T) {
	src := `import Security

final class Store {
    func f(kind: Kind) {
        switch kind {
        case .a:
            #if os(macOS)
            SecItemDelete(qa as CFDictionary)
            #else
            SecItemDelete(qb as CFDictionary)
            #endif
        case .b:
            print("b")
            #if DEBUG
            print("debug")
            #endif
        #if os(macOS)
        case .c:
            SecItemDelete(qc as CFDictionary)
        #elseif os(iOS)
        case .c, .d:
            SecItemDelete(qd as CFDictionary)
        #else
        case .c:
            print("other")
        #endif
        #if os(Linux)
        case .e:
            print("linux")
        #endif
        case .f:
            switch other {
            #if os(macOS)
            case 1:
                print("nested mac")
            #endif
            default:
                print("nested")
            }
        default:
            #if os(iOS)
            SecItemDelete(qe as CFDictionary)
            #endif
        }
    }

    func after() {
        SecItemDelete(qf as CFDictionary)
    }

    static func staticAfter() {}
}

#if os(macOS)
func macOnly() {}
#endif
`
	f := parse(t, "swift", src)
	if len(f.Errors) != 0 {
		t.Fatalf("syntax errors %v", f.Errors)
	}
	if got, want := funcPlatforms(f), "Store.f="+all.String()+" Store.after="+all.String()+" Store.staticAfter="+all.String()+" macOnly="+mac.String(); got != want {
		t.Errorf("bodies\n got %s\nwant %s", got, want)
	}
	if fn := funcNamed(t, f, "after"); fn.Owner != "Store" || fn.Static {
		t.Errorf("after: owner %q static %v", fn.Owner, fn.Static)
	}
	if fn := funcNamed(t, f, "staticAfter"); fn.Owner != "Store" || !fn.Static {
		t.Errorf("staticAfter: owner %q static %v", fn.Owner, fn.Static)
	}
	want := "os(macOS)=" + mac.String() + "|=" + notMac.String() + ";DEBUG=" + all.String() + ";os(iOS)=" + iosCat.String() +
		";os(macOS)=" + mac.String() // the top-level code's, around macOnly
	if got := clauses(f); got != want {
		t.Errorf("clauses\n got %s\nwant %s\n%s", got, want, dumpFile(f))
	}
	sw := nodes[*model.Switch](f)
	if len(sw) != 2 {
		t.Fatalf("%d switches", len(sw))
	}
	var got []string
	for _, c := range sw[0].Cases {
		var vs []string
		for _, v := range c.Values {
			vs = append(vs, model.DumpExpr(v))
		}
		if c.Default {
			vs = append(vs, "default")
		}
		got = append(got, fmt.Sprintf("%s=%s", strings.Join(vs, ","), c.Platforms))
	}
	// os(Linux) compiles on no Apple platform: that case is not there.
	wantCases := []string{"a=none", "b=none", "c=" + mac.String(), "c,d=" + iosCat.String(), "c=" + iosOther.String(), "f=none", "default=none"}
	if strings.Join(got, " ") != strings.Join(wantCases, " ") {
		t.Errorf("cases\n got %s\nwant %s\n%s", strings.Join(got, " "), strings.Join(wantCases, " "), dumpFile(f))
	}
	if n := sw[1].Cases; len(n) != 2 || n[0].Platforms != mac || n[1].Platforms != 0 {
		t.Errorf("nested switch cases\n%s", dumpFile(f))
	}
	// Each case keeps its own statements.
	if b := sw[0].Cases[1].Body; len(b) != 2 {
		t.Errorf("case .b has %d statements\n%s", len(b), dumpFile(f))
	}
	if b := sw[0].Cases[2].Body; len(b) != 1 {
		t.Errorf("case .c (macOS) has %d statements\n%s", len(b), dumpFile(f))
	}
}

// Objective-C: a preprocessor conditional in a switch body ends the
// grammar's case_statement. The statements after it still belong to the
// case, and cases inside it are narrowed to its platforms.
func TestIfConfigInObjCSwitch(t *testing.T) {
	src := `void f(int k, NSMutableDictionary *q) {
    switch (k) {
#if TARGET_OS_OSX
    case 1:
        q[(id)kSecMatchLimit] = (id)kSecMatchLimitAll;
        break;
#elif TARGET_OS_IOS
    case 1:
    case 3:
        q[(id)kSecAttrLabel] = @"ios";
        break;
#endif
    case 2:
        q[(id)kSecAttrService] = @"s";
#if TARGET_OS_IOS
        q[(id)kSecAttrAccount] = @"a";
#endif
        break;
    case 4:
        q[(id)kSecAttrService] = @"four";
#ifdef DEBUG
    case 5:
        q[(id)kSecAttrLabel] = @"debug";
#endif
        q[(id)kSecAttrAccount] = @"b";
        break;
    default:
        break;
    }
}
`
	f := parse(t, "m", src)
	if len(f.Errors) != 0 {
		t.Fatalf("syntax errors %v", f.Errors)
	}
	sw := nodes[*model.Switch](f)
	if len(sw) != 1 {
		t.Fatalf("%d switches", len(sw))
	}
	var got []string
	for _, c := range sw[0].Cases {
		var vs []string
		for _, v := range c.Values {
			vs = append(vs, model.DumpExpr(v))
		}
		if c.Default {
			vs = append(vs, "default")
		}
		got = append(got, fmt.Sprintf("%s=%s/%d", strings.Join(vs, ","), c.Platforms, len(c.Body)))
	}
	want := []string{"1=" + mac.String() + "/2", "1=" + iosCat.String() + "/0", "3=" + iosCat.String() + "/2",
		"2=none/3", "4=none/1", "5=none/3", "default=none/1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("cases (values=platforms/statements)\n got %s\nwant %s\n%s", strings.Join(got, " "), strings.Join(want, " "), dumpFile(f))
	}
	// The account of case 2 is set on iOS only; its break is kept.
	if want := "TARGET_OS_IOS=" + iosCat.String(); clauses(f) != want {
		t.Errorf("clauses %s, want %s\n%s", clauses(f), want, dumpFile(f))
	}
	if _, ok := sw[0].Cases[3].Body[2].(*model.Break); !ok {
		t.Errorf("case 2 ends in %T\n%s", sw[0].Cases[3].Body[2], dumpFile(f))
	}
}
