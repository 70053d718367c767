package source

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// decls lists "name:kind" for every declared name ScanNames reports
// (g global, m member, s scope), in order.
func decls(src string, lang model.Lang) string {
	var out []string
	ScanNames([]byte(src), lang, func(name []byte, d Decl) bool {
		if d == NotDecl {
			return true
		}
		k := ""
		if d&DeclGlobal != 0 {
			k += "g"
		}
		if d&DeclMember != 0 {
			k += "m"
		}
		if d&DeclScope != 0 {
			k += "s"
		}
		out = append(out, string(name)+":"+k)
		return true
	})
	return strings.Join(out, " ")
}

func TestScanNamesSwift(t *testing.T) {
	src := `import Foundation
// func commented() {}
let globalKey = "acct"
func helper(_ a: String) -> String { let local = a; return "func notCode \(local)" }
enum Keys: String {
    case account = "acct", service
    static let klass = "class"
    var computed: Int { let inner = 1; return inner }
}
extension CFString { var stringValue: String { self as String } }
class Store {
    class func shared() -> Store { Store() }
    func run() { for item in [1] { print(item) } }
    struct Nested { let field: Int }
}
let raw = #"let notADecl = 1"#
/* nested /* comment */ func alsoCommented() {} */
`
	want := "globalKey:g helper:g Keys:gs account:m service:m klass:m computed:m CFString:s stringValue:m Store:gs shared:m run:m Nested:gs field:m raw:g"
	if got := decls(src, model.Swift); got != want {
		t.Errorf("Swift declarations\n got %s\nwant %s", got, want)
	}
}

func TestScanNamesObjC(t *testing.T) {
	src := `#import "Keys.h"
#define MY_KEY kSecAttrService
#define MY_LABEL @"kSecAttrLabel"
#define MY_PAREN ( CFSTR("svce") )
#define MY_FN(x) @"x"
#  define MY_SPACED "acct"
#include "define.h"
NSString *const MyAccountKey = @"acct";
extern NSString *const MyServiceKey;
typedef void (^Handler)(NSURL *URL, NSError *error);
@interface NSString (Helpers)
@property (nonatomic, copy) NSString *label;
- (NSDictionary *)queryForAccount:(NSString *)account service:(NSString *)service;
@end
@implementation Store
+ (instancetype)shared { static Store *s; s = [Store new]; return s; }
@end
NSDictionary *MyQuery(NSString *a) { return @{@"x": a}; }
// NSString *commented = nil;
`
	want := "MY_LABEL:g MY_PAREN:g MY_SPACED:g MyAccountKey:g MyServiceKey:g NSString:s label:m queryForAccount:m Store:s shared:m MyQuery:g"
	if got := decls(src, model.ObjC); got != want {
		t.Errorf("Objective-C declarations\n got %s\nwant %s", got, want)
	}
}

func TestScanNamesStops(t *testing.T) {
	n := 0
	ScanNames([]byte("a b c d"), model.Swift, func([]byte, Decl) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("visited %d names after stopping, want 2", n)
	}
}

// Truncated and malformed sources end the scan without a panic.
func TestScanNamesTruncated(t *testing.T) {
	for _, src := range []string{`"abc`, `"""abc`, `#"abc"`, `##`, `#`, `/* abc`, `/* /* */`, `\`, `"\`, `'`, `- (`, `@`, `@property x`, "}}}} func a", `case a,`, "`"} {
		for _, lang := range []model.Lang{model.Swift, model.ObjC} {
			ScanNames([]byte(src), lang, func([]byte, Decl) bool { return true })
			for i := range src {
				ScanNames([]byte(src[:i]), lang, func([]byte, Decl) bool { return true })
			}
		}
	}
}

func FuzzScanNames(f *testing.F) {
	f.Add([]byte("enum K { static let a = kSecAttrAccount as String }\n- (id)q:(id)x;"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, lang := range []model.Lang{model.Swift, model.ObjC} {
			ScanNames(src, lang, func(name []byte, _ Decl) bool {
				if len(name) == 0 {
					t.Fatal("empty name")
				}
				return true
			})
		}
	})
}
