package inventory

import (
	"sort"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// build lowers the files, runs the flow engine over them as one program
// and returns their inventory.
func build(t *testing.T, plat model.Platform, files map[string]string) *Inventory {
	t.Helper()
	return Build(results(t, plat, files), Options{})
}

func results(t *testing.T, plat model.Platform, files map[string]string) []*flow.Result {
	t.Helper()
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var models []*model.File
	for _, n := range names {
		f, err := swiftparse.ParseFile(n, []byte(files[n]))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Errors) > 0 {
			t.Fatalf("%s: syntax errors at %v", n, f.Errors)
		}
		models = append(models, f)
	}
	prog := flow.NewProgram(models, plat)
	var out []*flow.Result
	for _, f := range models {
		out = append(out, prog.FileResult(f))
	}
	return out
}

func attr(it *Item, key string) Value {
	for _, a := range it.Attributes {
		if a.Key == key {
			return a.Value
		}
	}
	return Value{}
}

func funcs(us []Use) string {
	var out []string
	for _, u := range us {
		s := u.Function
		if u.Possible {
			s += "?"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

const store = `
import Security

struct TokenStore {
    let service = "com.example.app"

    func save(_ data: Data, account: String) {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword,
                                    kSecAttrService as String: service,
                                    kSecAttrAccount as String: account]
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        if status == errSecSuccess {
            SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary)
        } else {
            var add = query
            add[kSecValueData as String] = data
            add[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
            SecItemAdd(add as CFDictionary, nil)
        }
    }

    func load(account: String) -> Data? {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword,
                                    kSecAttrService as String: service,
                                    kSecAttrAccount as String: account,
                                    kSecReturnData as String: true]
        var out: CFTypeRef?
        SecItemCopyMatching(query as CFDictionary, &out)
        return out as? Data
    }

    func deleteAll() {
        SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)
    }
}

func saveInstallID(_ id: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.app",
                kSecAttrAccount as String: "install-id",
                kSecValueData as String: id] as CFDictionary, nil)
}

func saveInstallIDAgain(_ id: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.app",
                kSecAttrAccount as String: "install-id",
                kSecValueData as String: id] as CFDictionary, nil)
}

func readOther() {
    SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword,
                         kSecAttrService as String: "com.example.other",
                         kSecAttrAccount as String: "install-id"] as CFDictionary, nil)
}
`

// TestGrouping: the adds of one item (two functions adding the same
// constant identity) are one row; a save's own read and update certainly
// name its item, another method of the type possibly does, a class-wide
// delete possibly does, and a read of another service names no item.
// The install id's account is a constant the token store's unknown account
// may equal, but nothing in the code links them: not listed.
func TestGrouping(t *testing.T) {
	inv := build(t, model.AllPlatforms, map[string]string{"Store.swift": store})
	if len(inv.Items) != 2 {
		t.Fatalf("want 2 items, got %d: %+v", len(inv.Items), inv.Items)
	}
	tok, id := inv.Items[0], inv.Items[1]
	if got := funcs(tok.Adds); got != "TokenStore.save(_:account:)" {
		t.Errorf("token adds: %s", got)
	}
	if got := funcs(tok.Reads); got != "TokenStore.save(_:account:), TokenStore.load(account:)?" {
		t.Errorf("token reads: %s", got)
	}
	if got := funcs(tok.Updates); got != "TokenStore.save(_:account:)" {
		t.Errorf("token updates: %s", got)
	}
	if got := funcs(tok.Deletes); got != "TokenStore.deleteAll()?" {
		t.Errorf("token deletes: %s", got)
	}
	if got := funcs(id.Adds); got != "saveInstallID(_:), saveInstallIDAgain(_:)" {
		t.Errorf("install id adds (one item): %s", got)
	}
	// The token store's read is another type's: not linked to the
	// install id by an unknown account.
	if got := funcs(id.Reads); got != "" {
		t.Errorf("install id reads: %s", got)
	}
	// A class-wide delete reaches every item of the class, whoever wrote
	// it.
	if got := funcs(id.Deletes); got != "TokenStore.deleteAll()?" {
		t.Errorf("install id deletes: %s", got)
	}
	if len(inv.Queries) != 1 || inv.Queries[0].Function != "readOther()" {
		t.Errorf("other queries: %+v", inv.Queries)
	}
	if v := attr(id, "kSecAttrAccount"); strings.Join(v.Known, ",") != `"install-id"` || v.Unknown || v.Absent {
		t.Errorf("install id account: %+v", v)
	}
	if v := attr(tok, "kSecAttrAccount"); !v.Unknown || strings.Join(v.From, ",") != "parameter account of TokenStore.save(_:account:)" {
		t.Errorf("token account: %+v", v)
	}
	// A stored property with a literal value is that constant.
	if v := attr(tok, "kSecAttrService"); v.Unknown || strings.Join(v.Known, ",") != `"com.example.app"` {
		t.Errorf("token service: %+v", v)
	}
	if v := tok.Accessible; strings.Join(v.Known, ",") != "kSecAttrAccessibleAfterFirstUnlock" || v.Unknown || v.Absent {
		t.Errorf("token accessible: %+v", v)
	}
	if v := id.Accessible; !v.Absent || len(v.Known) > 0 || v.Unknown {
		t.Errorf("install id accessible (not set): %+v", v)
	}
}

// TestSameTypeOtherModule: two packages that each define a type of one
// name are two units: an unknown account of one is not linked to the
// other's.
func TestSameTypeOtherModule(t *testing.T) {
	src := func(op string) string {
		return `
import Security
class KeyStore {
    func ` + op + `(_ d: Data, key: String) {
        SecItem` + op + `([kSecClass as String: kSecClassGenericPassword,
                    kSecAttrAccount as String: key, kSecValueData as String: d] as CFDictionary, nil)
    }
}
`
	}
	inv := build(t, model.AllPlatforms, map[string]string{
		"a/KeyStore.swift": src("Add"),
		"b/KeyStore.swift": src("CopyMatching"),
		"a/Reader.swift":   strings.Replace(src("CopyMatching"), "func CopyMatching", "func read", 1),
	})
	if len(inv.Items) != 1 {
		t.Fatalf("want 1 item, got %d", len(inv.Items))
	}
	if got := funcs(inv.Items[0].Reads); got != "KeyStore.read(_:key:)?" {
		t.Errorf("reads: %s (only the one in a/)", got)
	}
	if len(inv.Queries) != 1 || inv.Queries[0].File != "b/KeyStore.swift" {
		t.Errorf("other queries: %+v", inv.Queries)
	}
}

// TestRetryOneItem: an add retried with the same dictionary object is one
// item even when the engine knows little of the dictionary (its keys come
// from a method it cannot follow, so the class is unknown); an add of
// another dictionary is another item.
func TestRetryOneItem(t *testing.T) {
	inv := build(t, model.AllPlatforms, map[string]string{"R.m": `
#import <Security/Security.h>
@implementation Box
- (NSMutableDictionary *)base {
    NSMutableDictionary *d = [NSMutableDictionary dictionary];
    [d addEntriesFromDictionary:self.defaults];
    return d;
}
- (void)save:(NSData *)d {
    NSMutableDictionary *dict = [self base];
    [dict setObject:d forKey:(__bridge id)kSecValueData];
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)dict, NULL);
    if (status == errSecDuplicateItem) {
        SecItemDelete((__bridge CFDictionaryRef)[self unknownFactory]);
        status = SecItemAdd((__bridge CFDictionaryRef)dict, NULL);
    }
    NSMutableDictionary *other = [self base];
    [other setObject:@"x" forKey:(__bridge id)kSecAttrLabel];
    SecItemAdd((__bridge CFDictionaryRef)other, NULL);
}
@end
`})
	if len(inv.Items) != 2 || len(inv.Items[0].Adds) != 2 || len(inv.Items[1].Adds) != 1 {
		for _, it := range inv.Items {
			t.Logf("item %d: %+v", it.ID, it.Adds)
		}
		t.Fatalf("want an item of two adds and one of one, got %d items", len(inv.Items))
	}
}

// TestHelperCallers: a helper that names the item from its parameters
// makes one item per argument its callers pass (the engine substitutes
// them), through the helper, at the outermost caller that passes a
// constant; its reads are the callers' reads of the same constants (the
// only read is get("token"): Store.get itself is no longer a read that
// possibly names every item). A
// helper whose identity is its own (saveInstall) stays one item at the
// helper, however often it is called; a caller passing its own parameter
// on keeps it unknown when nobody calls it.
func TestHelperCallers(t *testing.T) {
	inv := build(t, model.AllPlatforms, map[string]string{"H.swift": `
import Security
class Store {
    func set(_ d: Data, forKey key: String) {
        SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                    kSecAttrAccount as String: key, kSecValueData as String: d] as CFDictionary, nil)
    }
    func get(_ key: String) -> Data? {
        var out: CFTypeRef?
        SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                             kSecAttrAccount as String: key, kSecReturnData as String: true] as CFDictionary, &out)
        return out as? Data
    }
    func saveInstall(_ d: Data) {
        SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                    kSecAttrAccount as String: "install", kSecValueData as String: d] as CFDictionary, nil)
    }
}
func saveToken(_ s: Store, _ d: Data) {
    s.set(d, forKey: "token")
}
func login(_ s: Store, _ d: Data) {
    saveToken(s, d)
    s.set(d, forKey: "refresh")
    _ = s.get("token")
    s.saveInstall(d)
    s.saveInstall(d)
}
func forward(_ s: Store, _ d: Data, key: String) {
    s.set(d, forKey: key)
}
`})
	var got []string
	for _, it := range inv.Items {
		got = append(got, attr(it, "kSecAttrAccount").text("-")+" added by "+funcs(it.Adds)+" read by "+funcs(it.Reads))
	}
	want := []string{
		`"install" added by Store.saveInstall(_:) read by `,
		`"token" added by saveToken(_:_:) read by login(_:_:)`,
		`"refresh" added by login(_:_:) read by `,
		`unknown (parameter key of forward(_:_:key:)) added by forward(_:_:key:) read by `,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if u := inv.Items[1].Adds[0]; u.Via != "Store.set(_:forKey:)" || u.Line != 20 {
		t.Errorf("the token's add: %+v", u)
	}
}

// TestIncompleteQuery: a delete whose dictionary comes partly from an
// argument the engine cannot see (it names only the class for certain)
// is not a broad delete of every item: it possibly names the items of its
// own type only.
func TestIncompleteQuery(t *testing.T) {
	inv := build(t, model.AllPlatforms, map[string]string{"I.m": `
#import <Security/Security.h>
@implementation Cache
- (void)save:(NSData *)d {
    SecItemAdd((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"cache", (__bridge id)kSecAttrAccount: @"a", (__bridge id)kSecValueData: d}, NULL);
}
- (void)removeWithAttributes:(NSDictionary *)attributes {
    NSMutableDictionary *q = [NSMutableDictionary dictionaryWithDictionary:attributes];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    SecItemDelete((__bridge CFDictionaryRef)q);
}
@end
@implementation Other
- (void)save:(NSData *)d {
    SecItemAdd((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"other", (__bridge id)kSecAttrAccount: @"b", (__bridge id)kSecValueData: d}, NULL);
}
@end
`})
	if len(inv.Items) != 2 {
		t.Fatalf("want 2 items, got %d", len(inv.Items))
	}
	if got := funcs(inv.Items[0].Deletes); got != "Cache.removeWithAttributes:?" {
		t.Errorf("Cache's item deletes: %s", got)
	}
	if got := funcs(inv.Items[1].Deletes); got != "" {
		t.Errorf("Other's item deletes: %s", got)
	}
}
