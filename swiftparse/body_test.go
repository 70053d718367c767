package swiftparse_test

import (
	"slices"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Bodies: helper functions, methods, initialisers, computed properties,
// static lets, lazy vars, globals, Objective-C methods and the calls that
// resolve to them.
func TestBodies(t *testing.T) {
	type body struct {
		kind   model.FuncKind
		name   string
		owner  string
		static bool
		sig    string
		result string
	}
	wantBodies := func(want ...body) func(t *testing.T, f *model.File) {
		return func(t *testing.T, f *model.File) {
			t.Helper()
			var got []body
			for _, fn := range f.Funcs {
				got = append(got, body{fn.Kind, fn.Name, fn.Owner, fn.Static, fn.Sig(), fn.ResultType})
				if fn.File != f {
					t.Errorf("%s: File not set", fn.Name)
				}
				if fn.Kind != model.FuncTopLevel {
					if txt := spanText(f, fn.NameSpan); fn.Kind != model.FuncInit && !containsName(txt, fn) {
						t.Errorf("%s: NameSpan covers %q", fn.Name, txt)
					}
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("bodies\n got %+v\nwant %+v", got, want)
			}
		}
	}
	runIdioms(t, []idiomCase{
		{
			name: "Swift: helper function with labels and a default",
			ext:  "swift",
			src: `func baseQuery(account: String, service svc: String, _ extra: Int = 0) -> [String: Any] {
    return [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account, kSecAttrService as String: svc]
}
func save(account: String) {
    var q = baseQuery(account: account, service: "s")
    SecItemAdd(q as CFDictionary, nil)
}`,
			check: func(t *testing.T, f *model.File) {
				wantBodies(
					body{model.FuncFunction, "baseQuery", "", true, "baseQuery(account:service:_:)", "[String: Any]"},
					body{model.FuncFunction, "save", "", true, "save(account:)", ""},
				)(t, f)
				fn := funcNamed(t, f, "baseQuery")
				var ps []string
				for _, p := range fn.Params {
					ps = append(ps, p.Label+" "+p.Name+" "+p.Type)
				}
				if want := []string{"account account String", "service svc String", "_ extra Int"}; !slices.Equal(ps, want) {
					t.Errorf("params %q, want %q", ps, want)
				}
				if !fn.Params[2].HasDefault || fn.Params[0].HasDefault {
					t.Error("HasDefault wrong")
				}
				var call *model.Call
				for _, c := range nodes[*model.Call](f) {
					if c.Name() == "baseQuery" {
						call = c
					}
				}
				if call == nil || call.Sig(model.Swift) != "baseQuery(account:service:)" {
					t.Errorf("call of the helper not found or wrong Sig in\n%s", dumpFile(f))
				}
			},
		},
		{
			name: "Swift: inout parameter",
			ext:  "swift",
			src:  "func addAccount(_ q: inout [String: Any], account: String) {\n    q[kSecAttrAccount as String] = account\n}",
			check: func(t *testing.T, f *model.File) {
				fn := funcNamed(t, f, "addAccount")
				if !fn.Params[0].InOut || fn.Params[1].InOut || fn.Sig() != "addAccount(_:account:)" {
					t.Errorf("params %+v %+v, sig %s", *fn.Params[0], *fn.Params[1], fn.Sig())
				}
			},
		},
		{
			name: "Swift: methods, static methods, initialisers, static let, computed properties, lazy var",
			ext:  "swift",
			src: `final class Store {
    static let base: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    let service: String
    var query: [String: Any] {
        return [kSecAttrService as String: service]
    }
    var getter: [String: Any] {
        get { [kSecAttrService as String: service] }
        set { print(newValue) }
    }
    lazy var lazyQuery: [String: Any] = {
        var q = Store.base
        q[kSecAttrAccount as String] = "a"
        return q
    }()
    init(service: String) { self.service = service }
    func read(account: String) -> OSStatus {
        var q = query
        return SecItemCopyMatching(q as CFDictionary, nil)
    }
    class func make() -> Store { Store(service: "s") }
}
extension Store {
    static func wipe() { SecItemDelete(base as CFDictionary) }
}
struct Wrapper<T> {
    func get() {}
}`,
			check: func(t *testing.T, f *model.File) {
				wantBodies(
					body{model.FuncProperty, "base", "Store", true, "base", "[String: Any]"},
					// A stored property without initial value: bodiless, for
					// its declared type (call resolution on it).
					body{model.FuncProperty, "service", "Store", false, "service", "String"},
					body{model.FuncProperty, "query", "Store", false, "query", "[String: Any]"},
					body{model.FuncProperty, "getter", "Store", false, "getter", "[String: Any]"},
					body{model.FuncProperty, "lazyQuery", "Store", false, "lazyQuery", "[String: Any]"},
					body{model.FuncInit, "init", "Store", false, "init(service:)", ""},
					body{model.FuncMethod, "read", "Store", false, "read(account:)", "OSStatus"},
					body{model.FuncMethod, "make", "Store", true, "make()", "Store"},
					body{model.FuncMethod, "wipe", "Store", true, "wipe()", ""},
					body{model.FuncMethod, "get", "Wrapper", false, "get()", ""},
				)(t, f)
				// Computed properties return their literal, with or without
				// an explicit getter.
				for _, name := range []string{"base", "query", "getter"} {
					fn := funcNamed(t, f, name)
					r, ok := fn.Body[len(fn.Body)-1].(*model.Return)
					if !ok {
						t.Errorf("%s: body ends with %T", name, fn.Body[len(fn.Body)-1])
						continue
					}
					if _, ok := r.Value.(*model.DictLit); !ok {
						t.Errorf("%s returns %s", name, model.DumpExpr(r.Value))
					}
				}
				// The lazy var returns the immediately invoked closure.
				fn := funcNamed(t, f, "lazyQuery")
				r := fn.Body[0].(*model.Return)
				c, ok := r.Value.(*model.Call)
				if !ok {
					t.Fatalf("lazy var returns %s", model.DumpExpr(r.Value))
				}
				cl, ok := c.Fun.(*model.Closure)
				if !ok || len(cl.Fn.Body) != 3 || cl.Fn.Kind != model.FuncClosure {
					t.Fatalf("lazy var closure %s", model.DumpExpr(c))
				}
				if _, ok := cl.Fn.Body[1].(*model.ExprStmt).X.(*model.DictOp); !ok {
					t.Errorf("closure body %s", model.DumpExpr(c))
				}
			},
		},
		{
			name: "Swift: global constant, top-level code and a computed global",
			ext:  "swift",
			src: `let sharedQuery: [String: Any] = [kSecClass as String: kSecClassKey]
var computed: [String: Any] { [kSecClass as String: kSecClassKey] }
SecItemDelete(sharedQuery as CFDictionary)`,
			check: func(t *testing.T, f *model.File) {
				for _, name := range []string{"sharedQuery", "computed"} {
					fn := funcNamed(t, f, name)
					if fn.Kind != model.FuncProperty || !fn.Static {
						t.Errorf("%s: kind %v static %v", name, fn.Kind, fn.Static)
					}
				}
				var top *model.Func
				for _, fn := range f.Funcs {
					if fn.Kind == model.FuncTopLevel {
						top = fn
					}
				}
				if top == nil || len(nodesIn[*model.SecItemCall](top)) != 1 {
					t.Errorf("top-level code missing or without its call:\n%s", dumpFile(f))
				}
			},
		},
		{
			name: "Objective-C: methods returning a dictionary and the calls to them",
			ext:  "m",
			src: `@implementation Keychain
- (NSDictionary *)queryForAccount:(NSString *)a {
    return @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrAccount: a };
}
- (NSMutableDictionary *)queryForAccount:(NSString *)a service:(NSString *)s {
    NSMutableDictionary *q = [[self queryForAccount:a] mutableCopy];
    q[(__bridge id)kSecAttrService] = s;
    return q;
}
+ (instancetype)shared { return nil; }
- (instancetype)initWithService:(NSString *)s { return self; }
- (OSStatus)save:(NSString *)a {
    NSDictionary *q = [self queryForAccount:a service:@"svc"];
    return SecItemAdd((__bridge CFDictionaryRef)q, NULL);
}
@end`,
			check: func(t *testing.T, f *model.File) {
				wantBodies(
					body{model.FuncMethod, "queryForAccount:", "Keychain", false, "queryForAccount:", "NSDictionary *"},
					body{model.FuncMethod, "queryForAccount:service:", "Keychain", false, "queryForAccount:service:", "NSMutableDictionary *"},
					body{model.FuncMethod, "shared", "Keychain", true, "shared", "instancetype"},
					body{model.FuncInit, "initWithService:", "Keychain", false, "initWithService:", "instancetype"},
					body{model.FuncMethod, "save:", "Keychain", false, "save:", "OSStatus"},
				)(t, f)
				fn := funcNamed(t, f, "queryForAccount:service:")
				if len(fn.Params) != 2 || fn.Params[0].Label != "queryForAccount" || fn.Params[0].Name != "a" ||
					fn.Params[1].Label != "service" || fn.Params[1].Name != "s" || fn.Params[1].Type != "NSString *" {
					t.Errorf("params %+v %+v", *fn.Params[0], *fn.Params[1])
				}
				var sigs []string
				for _, c := range nodes[*model.Call](f) {
					if c.ObjCMessage {
						sigs = append(sigs, c.Sig(model.ObjC))
						if identName(c.Receiver()) != "self" {
							t.Errorf("receiver %s", model.DumpExpr(c.Receiver()))
						}
					}
				}
				if want := []string{"queryForAccount:", "queryForAccount:service:"}; !slices.Equal(sigs, want) {
					t.Errorf("message sends %q, want %q", sigs, want)
				}
				save := funcNamed(t, f, "save:")
				c := nodesIn[*model.Call](save)[0]
				if len(c.Args) != 2 || c.Args[0].Label != "queryForAccount" || c.Args[1].Label != "service" {
					t.Errorf("message arguments of %s", model.DumpExpr(c))
				}
			},
		},
		{
			name: "Objective-C: category, class method, global constant",
			ext:  "m",
			src: `static NSString *const kService = @"svc";
static NSDictionary *baseQuery = nil;
@implementation Keychain (Helpers)
+ (NSDictionary *)base { return @{ (__bridge id)kSecClass: (__bridge id)kSecClassKey }; }
@end`,
			check: func(t *testing.T, f *model.File) {
				wantBodies(
					body{model.FuncProperty, "kService", "", true, "kService", "NSString *"},
					body{model.FuncProperty, "baseQuery", "", true, "baseQuery", "NSDictionary *"},
					body{model.FuncMethod, "base", "Keychain", true, "base", "NSDictionary *"},
				)(t, f)
			},
		},
		{
			name: "C: functions with pointer results and parameters",
			ext:  "c",
			src: `static CFMutableDictionaryRef makeQuery(CFStringRef account, const char *label) {
    CFMutableDictionaryRef q = CFDictionaryCreateMutable(NULL, 0, NULL, NULL);
    CFDictionarySetValue(q, kSecAttrAccount, account);
    return q;
}
char *name(void) { return 0; }
OSStatus save(CFStringRef account) {
    CFMutableDictionaryRef q = makeQuery(account, "x");
    return SecItemAdd(q, NULL);
}`,
			check: func(t *testing.T, f *model.File) {
				wantBodies(
					body{model.FuncFunction, "makeQuery", "", true, "makeQuery", "CFMutableDictionaryRef"},
					body{model.FuncFunction, "name", "", true, "name", "char *"},
					body{model.FuncFunction, "save", "", true, "save", "OSStatus"},
				)(t, f)
				fn := funcNamed(t, f, "makeQuery")
				if len(fn.Params) != 2 || fn.Params[0].Name != "account" || fn.Params[1].Name != "label" || fn.Params[1].Type != "char *" {
					t.Errorf("params of makeQuery")
				}
			},
		},
	})
}

func containsName(txt string, fn *model.Func) bool {
	if txt == fn.Name {
		return true
	}
	// Objective-C methods name the first selector part.
	return len(txt) > 0 && len(fn.Name) >= len(txt) && fn.Name[:len(txt)] == txt
}

// Closures and blocks: bodies inside expressions.
func TestClosures(t *testing.T) {
	runIdioms(t, []idiomCase{
		{
			name: "Swift: trailing closures and closure arguments",
			ext:  "swift",
			src: `func f(q: [String: Any]) {
    DispatchQueue.global().async {
        SecItemDelete(q as CFDictionary)
    }
    queue.sync(execute: { SecItemAdd(q as CFDictionary, nil) })
    let handler: (OSStatus) -> Void = { status in
        if status == errSecSuccess { print("ok") }
    }
    accounts.forEach { account in
        var m = q
        m[kSecAttrAccount as String] = account
        SecItemDelete(m as CFDictionary)
    }
}`,
			dump: []string{"DispatchQueue.global().async(closure{return SecItemDelete((q as CFDictionary));})", "queue.sync(execute: closure{return SecItemAdd((q as CFDictionary));})"},
			check: func(t *testing.T, f *model.File) {
				cls := nodes[*model.Closure](f)
				if len(cls) != 4 {
					t.Fatalf("%d closures in\n%s", len(cls), dumpFile(f))
				}
				for _, c := range cls {
					if c.Fn == nil || c.Fn.Kind != model.FuncClosure || c.Fn.File != f {
						t.Errorf("closure Fn %+v", c.Fn)
					}
				}
				if p := cls[2].Fn.Params; len(p) != 1 || p[0].Name != "status" {
					t.Errorf("closure parameters %v", p)
				}
				if p := cls[3].Fn.Params; len(p) != 1 || p[0].Name != "account" {
					t.Errorf("closure parameters %v", p)
				}
				if n := len(nodes[*model.SecItemCall](f)); n != 3 {
					t.Errorf("%d SecItem calls inside closures", n)
				}
				// Closures are not listed as bodies of the file.
				for _, fn := range f.Funcs {
					if fn.Kind == model.FuncClosure {
						t.Errorf("closure listed in File.Funcs")
					}
				}
			},
		},
		{
			name: "Swift: immediately invoked closure and static let",
			ext:  "swift",
			src: `enum K {
    static let query: [String: Any] = {
        var q = [String: Any]()
        q[kSecClass as String] = kSecClassGenericPassword
        return q
    }()
}`,
			dump: []string{"property query of K static() -> [String: Any]", "return closure{decl q = newdict();; set(q, (kSecClass as String), kSecClassGenericPassword);; return q;}()"},
		},
		{
			name: "Objective-C: blocks",
			ext:  "m",
			src: `void f(NSDictionary *q, dispatch_queue_t queue) {
    dispatch_async(queue, ^{
        SecItemDelete((__bridge CFDictionaryRef)q);
    });
    void (^check)(OSStatus) = ^(OSStatus status) {
        if (status == errSecSuccess) { NSLog(@"ok"); }
    };
    [self performWithCompletion:^(BOOL ok) { SecItemAdd((__bridge CFDictionaryRef)q, NULL); }];
}`,
			dump: []string{"dispatch_async(queue, closure{SecItemDelete((q as __bridge CFDictionaryRef));})"},
			check: func(t *testing.T, f *model.File) {
				cls := nodes[*model.Closure](f)
				if len(cls) != 3 {
					t.Fatalf("%d blocks in\n%s", len(cls), dumpFile(f))
				}
				if p := cls[1].Fn.Params; len(p) != 1 || p[0].Name != "status" {
					t.Errorf("block parameters %v", p)
				}
				if n := len(nodes[*model.SecItemCall](f)); n != 2 {
					t.Errorf("%d SecItem calls in blocks", n)
				}
				if n := len(nodes[*model.StatusCmp](f)); n != 1 {
					t.Errorf("%d status comparisons in blocks", n)
				}
			},
		},
	})
}
