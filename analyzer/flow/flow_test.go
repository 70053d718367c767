package flow_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// analyze lowers the files and returns the call facts of every file,
// ordered by file and position.
func analyze(t *testing.T, plat model.Platform, files map[string]string) []*flow.CallFact {
	t.Helper()
	var models []*model.File
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := swiftparse.ParseFile(name, []byte(files[name]))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Errors) > 0 {
			t.Fatalf("%s: syntax errors at %v", name, f.Errors)
		}
		models = append(models, f)
	}
	prog := flow.NewProgram(models, plat)
	var out []*flow.CallFact
	for _, f := range models {
		out = append(out, prog.FileResult(f).Calls...)
	}
	return out
}

// call returns the only fact of the operation whose call site text
// contains marker (use distinct variable names to tell calls apart).
func call(t *testing.T, facts []*flow.CallFact, op model.Op, marker string) *flow.CallFact {
	t.Helper()
	var found []*flow.CallFact
	for _, f := range facts {
		src := f.Site.File.Src[f.Site.Span.Start:f.Site.Span.End]
		if f.Op == op && strings.Contains(string(src), marker) {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s call containing %q, found %d", op, marker, len(found))
	}
	return found[0]
}

func has(d *flow.DictState, key string) bool {
	_, ok := d.Lookup(key)
	return ok
}

func must(t *testing.T, d *flow.DictState, key string) *flow.Entry {
	t.Helper()
	e, ok := d.Lookup(key)
	if !ok {
		t.Fatalf("%s absent; keys: %v", key, keys(d))
	}
	return e
}

func keys(d *flow.DictState) []string {
	var out []string
	for _, e := range d.Keys() {
		out = append(out, e.Name)
	}
	return out
}

func TestSwiftDictionariesCopyObjCAlias(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"a.swift": `
func swiftCopy(x: String) {
    var a = [String: Any]()
    a[kSecClass as String] = kSecClassGenericPassword
    var b = a
    b[kSecAttrAccount as String] = x
    SecItemAdd(a as CFDictionary, nil)
    SecItemAdd(b as CFDictionary, nil)
}
func swiftNSMutable(x: String) {
    let m = NSMutableDictionary()
    let n = m
    n.setObject(x, forKey: kSecAttrAccount as NSString)
    SecItemDelete(m)
}`,
		"b.m": `
void objcAlias(NSString *x) {
    NSMutableDictionary *p = [NSMutableDictionary dictionary];
    NSMutableDictionary *r = p;
    r[(__bridge id)kSecAttrAccount] = x;
    SecItemDelete((__bridge CFDictionaryRef)p);
}`,
	})
	a := call(t, facts, model.OpAdd, "a as")
	if has(a.Dict, "kSecAttrAccount") {
		t.Error("a Swift dictionary copied to b must not see b's writes")
	}
	b := call(t, facts, model.OpAdd, "b as")
	must(t, b.Dict, "kSecAttrAccount")
	must(t, b.Dict, "kSecClass")
	if b.PriorUses.Len() != 0 {
		t.Error("a copy is a new object: no prior use")
	}
	must(t, call(t, facts, model.OpDelete, "(m)").Dict, "kSecAttrAccount")
	must(t, call(t, facts, model.OpDelete, ")p)").Dict, "kSecAttrAccount")
}

func TestReuseAndChanges(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"a.swift": `
func reuse(data: Data) {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "a"]
    SecItemCopyMatching(query as CFDictionary, nil)
    query[kSecValueData as String] = data
    SecItemAdd(query as CFDictionary, nil)
}`,
	})
	add := call(t, facts, model.OpAdd, "query")
	prior := slices.Collect(add.PriorUses.All())
	if len(prior) != 1 || prior[0].Fact.Op != model.OpRead {
		t.Fatalf("want the read as prior use, got %+v", prior)
	}
	ch := add.WritesAfter(prior[0])
	if len(ch) != 1 || ch[0].Name != "kSecValueData" {
		t.Errorf("want one change (kSecValueData) after the read, got %+v", ch)
	}
	if has(prior[0].Snapshot, "kSecValueData") {
		t.Error("the read's snapshot must not contain the later write")
	}
}

func TestCompleteness(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"a.swift": `
func literal() {
    SecItemDelete([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"] as CFDictionary)
}
func merged(extra: [String: Any]) {
    var q1: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    q1.merge(extra) { $1 }
    SecItemDelete(q1 as CFDictionary)
}
func unknownKey(k: String) {
    var q2: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    q2[k] = "v"
    SecItemDelete(q2 as CFDictionary)
}
func passedByValue() {
    let q3: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    log(q3)
    SecItemDelete(q3 as CFDictionary)
}
func passedByReference() {
    let q4 = NSMutableDictionary()
    q4.setObject(kSecClassGenericPassword, forKey: kSecClass as NSString)
    decorate(q4)
    SecItemDelete(q4)
}
func parameter(q5: [String: Any]) {
    SecItemDelete(q5 as CFDictionary)
}`,
	})
	for marker, want := range map[string]bool{"[kSecClass": true, "q1": false, "q2": false, "q3": true, "q4": false, "q5": false} {
		f := call(t, facts, model.OpDelete, marker)
		if f.Dict == nil {
			t.Fatalf("%s: no dictionary", marker)
		}
		if f.Dict.Complete != want {
			t.Errorf("%s: Complete = %v, want %v", marker, f.Dict.Complete, want)
		}
	}
}

func TestStatusNarrowing(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"a.swift": `
func ifReturn(q: [String: Any]) {
    let s1 = SecItemCopyMatching(q as CFDictionary, nil)
    if s1 == errSecSuccess { return }
    SecItemDelete(q1 as CFDictionary)
}
func guardElse(q: [String: Any]) -> Data? {
    let s2 = SecItemCopyMatching(q as CFDictionary, nil)
    guard s2 != errSecInteractionNotAllowed else { return nil }
    guard s2 == errSecSuccess else {
        SecItemDelete(q2 as CFDictionary)
        return nil
    }
    return nil
}
func switchDefault(q: [String: Any]) {
    let s3 = SecItemCopyMatching(q as CFDictionary, nil)
    switch s3 {
    case errSecItemNotFound, errSecInteractionNotAllowed:
        return
    default:
        SecItemDelete(q3 as CFDictionary)
    }
}
func directCall(q: [String: Any]) {
    var r: AnyObject?
    if SecItemCopyMatching(q as CFDictionary, &r) != noErr {
        SecItemDelete(q4 as CFDictionary)
    }
}
func numeric(q: [String: Any]) {
    let s5 = SecItemCopyMatching(q as CFDictionary, nil)
    if s5 == -25300 {
        SecItemDelete(q5 as CFDictionary)
    }
}
func unrelatedComparison(q: [String: Any], n: Int) {
    let s6 = SecItemCopyMatching(q as CFDictionary, nil)
    if n == 0 { return }
    SecItemDelete(q6 as CFDictionary)
}`,
		"b.m": `
void objcIf(NSDictionary *q) {
    OSStatus st = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL);
    if (st != errSecSuccess) {
        SecItemDelete((__bridge CFDictionaryRef)o1);
    }
}
void objcSwitch(NSDictionary *q) {
    OSStatus st = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL);
    switch (st) {
    case errSecInteractionNotAllowed:
        return;
    case errSecItemNotFound:
    default:
        SecItemDelete((__bridge CFDictionaryRef)o2);
    }
}
void objcAssignInCondition(NSDictionary *q) {
    OSStatus st;
    if ((st = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL)) == errSecSuccess) {
        return;
    }
    SecItemDelete((__bridge CFDictionaryRef)o3);
}`,
	})
	cases := []struct {
		marker string
		want   flow.StatusSet
	}{
		{"q1", flow.NotFound | flow.InteractionNotAllowed | flow.OtherFailure},
		{"q2", flow.NotFound | flow.OtherFailure},
		{"q3", flow.Success | flow.OtherFailure},
		{"q4", flow.NotFound | flow.InteractionNotAllowed | flow.OtherFailure},
		{"q5", flow.NotFound},
		{"q6", flow.AnyStatus},
		{"o1", flow.NotFound | flow.InteractionNotAllowed | flow.OtherFailure},
		{"o2", flow.Success | flow.NotFound | flow.OtherFailure},
		{"o3", flow.NotFound | flow.InteractionNotAllowed | flow.OtherFailure},
	}
	for _, c := range cases {
		del := call(t, facts, model.OpDelete, c.marker)
		var got flow.StatusSet
		n := 0
		for prev, set := range del.Earlier {
			if prev.Op == model.OpRead {
				got |= set.Outcomes()
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: want one earlier read, got %d", c.marker, n)
			continue
		}
		if got != c.want {
			t.Errorf("%s: read status at the delete = {%s}, want {%s}", c.marker, got, c.want)
		}
	}
}

// A Swift case that ends in fallthrough enters the next case's body with
// its own status: the next body sees the union of both cases.
func TestSwiftFallthrough(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"a.swift": `
func alone(q: [String: Any]) {
    let s1 = SecItemCopyMatching(q as CFDictionary, nil)
    switch s1 {
    case errSecInteractionNotAllowed:
        fallthrough
    case errSecItemNotFound:
        SecItemDelete(q1 as CFDictionary)
    default:
        return
    }
}
func afterStatements(q: [String: Any]) {
    let s2 = SecItemCopyMatching(q as CFDictionary, nil)
    switch s2 {
    case errSecInteractionNotAllowed:
        print("locked")
        fallthrough
    case errSecItemNotFound:
        SecItemDelete(q2 as CFDictionary)
    default:
        return
    }
}
func nested(q: [String: Any], force: Bool) {
    let s3 = SecItemCopyMatching(q as CFDictionary, nil)
    switch s3 {
    case errSecItemNotFound:
        if force {
            print("forced")
            fallthrough
        }
        return
    case errSecSuccess:
        SecItemDelete(q3 as CFDictionary)
    default:
        return
    }
}
func noFallthrough(q: [String: Any]) {
    let s4 = SecItemCopyMatching(q as CFDictionary, nil)
    switch s4 {
    case errSecInteractionNotAllowed:
        print("locked")
    case errSecItemNotFound:
        SecItemDelete(q4 as CFDictionary)
    default:
        return
    }
}`,
	})
	cases := []struct {
		marker string
		want   flow.StatusSet
	}{
		{"q1", flow.NotFound | flow.InteractionNotAllowed},
		{"q2", flow.NotFound | flow.InteractionNotAllowed},
		{"q3", flow.Success | flow.NotFound},
		{"q4", flow.NotFound},
	}
	for _, c := range cases {
		del := call(t, facts, model.OpDelete, c.marker)
		var got flow.StatusSet
		for prev, set := range del.Earlier {
			if prev.Op == model.OpRead {
				got |= set.Outcomes()
			}
		}
		if got != c.want {
			t.Errorf("%s: read status at the delete = {%s}, want {%s}", c.marker, got, c.want)
		}
	}
}

// A Swift case clause inside #if is there only on its platforms: on the
// others its values go on to the later cases.
func TestSwiftCaseUnderIfConfig(t *testing.T) {
	src := map[string]string{
		"a.swift": `
func f(q: [String: Any]) {
    let s1 = SecItemCopyMatching(q as CFDictionary, nil)
    switch s1 {
    #if os(macOS)
    case errSecInteractionNotAllowed:
        return
    #endif
    case errSecSuccess:
        return
    default:
        SecItemDelete(q1 as CFDictionary)
    }
}`,
	}
	// Objective-C: a path that falls into a case another platform does
	// not compile goes on to the next case there.
	src["b.m"] = `
void g(NSDictionary *q) {
    OSStatus s2 = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL);
    switch (s2) {
    case errSecItemNotFound:
        NSLog(@"missing");
#if TARGET_OS_OSX
    case errSecInteractionNotAllowed:
        return;
#endif
    default:
        SecItemDelete((__bridge CFDictionaryRef)o2);
    }
}`
	for _, c := range []struct {
		plat model.Platform
		want flow.StatusSet
	}{
		{model.MacOS, flow.Success | flow.OtherFailure},
		{model.IOS, flow.AnyStatus},
	} {
		del := call(t, analyze(t, c.plat, src), model.OpDelete, "o2")
		var got flow.StatusSet
		for prev, set := range del.Earlier {
			if prev.Op == model.OpRead {
				got |= set.Outcomes()
			}
		}
		if got != c.want {
			t.Errorf("Objective-C %s: read status at the delete = {%s}, want {%s}", c.plat, got, c.want)
		}
	}
	for _, c := range []struct {
		plat model.Platform
		want flow.StatusSet
	}{
		{model.MacOS, flow.NotFound | flow.OtherFailure},
		{model.IOS, flow.NotFound | flow.InteractionNotAllowed | flow.OtherFailure},
		{model.MacOS | model.IOS, flow.NotFound | flow.InteractionNotAllowed | flow.OtherFailure},
	} {
		del := call(t, analyze(t, c.plat, src), model.OpDelete, "q1")
		var got flow.StatusSet
		for prev, set := range del.Earlier {
			if prev.Op == model.OpRead {
				got |= set.Outcomes()
			}
		}
		if got != c.want {
			t.Errorf("%s: read status at the delete = {%s}, want {%s}", c.plat, got, c.want)
		}
	}
}

func TestPlatformRegions(t *testing.T) {
	src := map[string]string{
		"a.swift": `
func crossPlatformDelete(q0: [String: Any]) {
    var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"]
    #if os(macOS)
    q[kSecMatchLimit as String] = kSecMatchLimitAll
    #endif
    SecItemDelete(q as CFDictionary)
}
func iosOnly() {
    #if os(iOS)
    SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)
    #endif
}`,
		"b.m": `
void objc(void) {
    NSMutableDictionary *m = [NSMutableDictionary dictionary];
#if TARGET_OS_OSX
    m[(id)kSecMatchLimit] = (id)kSecMatchLimitAll;
#else
    m[(id)kSecAttrSynchronizable] = @YES;
#endif
    SecItemDelete((CFDictionaryRef)m);
}`,
	}
	facts := analyze(t, 0, src)
	del := call(t, facts, model.OpDelete, "q as")
	e := must(t, del.Dict, "kSecMatchLimit")
	if e.Must || e.Platforms != model.MacOS {
		t.Errorf("kSecMatchLimit: Must=%v Platforms=%s, want may-present on macos only", e.Must, e.Platforms)
	}
	if del.Platforms != model.AllPlatforms {
		t.Errorf("call scope = %s, want all", del.Platforms)
	}
	if p := call(t, facts, model.OpDelete, "[kSecClass").Platforms; p != model.IOS|model.MacCatalyst {
		t.Errorf("call under #if os(iOS): scope %s, want ios,maccatalyst", p)
	}
	m := call(t, facts, model.OpDelete, ")m)")
	if e := must(t, m.Dict, "kSecMatchLimit"); e.Platforms != model.MacOS {
		t.Errorf("ObjC #if TARGET_OS_OSX: %s", e.Platforms)
	}
	if e := must(t, m.Dict, "kSecAttrSynchronizable"); e.Platforms != model.AllPlatforms&^model.MacOS {
		t.Errorf("ObjC #else: %s", e.Platforms)
	}
	// The configured scope narrows every call.
	facts = analyze(t, model.MacOS, src)
	if p := call(t, facts, model.OpDelete, "q as").Platforms; p != model.MacOS {
		t.Errorf("--platforms macos: scope %s", p)
	}
	for _, f := range facts {
		if strings.Contains(string(f.Site.File.Src[f.Site.Span.Start:f.Site.Span.End]), "[kSecClass") {
			t.Error("a call under #if os(iOS) must not be analysed in a macOS-only scan")
		}
	}
}

func TestHelperSummariesAcrossFiles(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"helpers.swift": `
struct Store {
    static let base: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc"]
    var computed: [String: Any] { [kSecClass as String: kSecClassInternetPassword] }
    func baseQuery(account: String) -> [String: Any] {
        var q = Store.base
        q[kSecAttrAccount as String] = account
        return q
    }
}`,
		"use.swift": `
extension Store {
    func read() {
        var r1 = baseQuery(account: "me")
        r1[kSecReturnData as String] = true
        SecItemCopyMatching(r1 as CFDictionary, nil)
    }
    func viaStatic() {
        SecItemDelete(Store.base as CFDictionary)
    }
    func viaComputed() {
        let r3 = self.computed
        SecItemDelete(r3 as CFDictionary)
    }
    func freshEachTime() {
        SecItemCopyMatching(baseQuery(account: "a") as CFDictionary, nil)
        SecItemCopyMatching(baseQuery(account: "b") as CFDictionary, nil)
    }
}`,
		"helpers.m": `
@implementation KC
- (NSMutableDictionary *)queryForAccount:(NSString *)account {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    [q setObject:(__bridge id)kSecClassGenericPassword forKey:(__bridge id)kSecClass];
    [q setObject:account forKey:(__bridge id)kSecAttrAccount];
    return q;
}
@end`,
		"use.m": `
@implementation KC (Use)
- (void)remove {
    NSMutableDictionary *o1 = [self queryForAccount:@"me"];
    SecItemDelete((__bridge CFDictionaryRef)o1);
}
@end`,
	})
	r := call(t, facts, model.OpRead, "r1")
	if c, ok := r.Dict.Class(); !ok || c.Short != "genp" {
		t.Fatalf("class from the helper's static let: %v %v", c, ok)
	}
	for _, k := range []string{"kSecAttrService", "kSecAttrAccount", "kSecReturnData"} {
		must(t, r.Dict, k)
	}
	if !r.Dict.Complete {
		t.Error("a dictionary built from known helpers is complete")
	}
	if svc := must(t, r.Dict, "kSecAttrService"); svc.Sites[0].File.Path != "helpers.swift" {
		t.Errorf("the key's site is in the helper: %s", svc.Sites[0].File.Path)
	}
	must(t, call(t, facts, model.OpDelete, "Store.base").Dict, "kSecAttrService")
	if c, _ := call(t, facts, model.OpDelete, "r3").Dict.Class(); c == nil || c.Short != "inet" {
		t.Error("computed property not followed")
	}
	o1 := call(t, facts, model.OpDelete, "o1")
	must(t, o1.Dict, "kSecAttrAccount")
	if c, _ := o1.Dict.Class(); c == nil || c.Short != "genp" {
		t.Error("[self queryForAccount:] not followed")
	}
	n := 0
	for _, f := range facts {
		if f.Op == model.OpRead && f.Func.Name == "freshEachTime" {
			n++
			if f.PriorUses.Len() != 0 {
				t.Error("a helper returns a fresh dictionary per call: no reuse")
			}
		}
	}
	if n != 2 {
		t.Errorf("want 2 reads in freshEachTime, got %d", n)
	}
}

func TestWrapperForwardsParameter(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"wrap.swift": `
func addItem(_ attributes: [String: Any]) -> OSStatus {
    var m = attributes
    m[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
    return SecItemAdd(m as CFDictionary, nil)
}
func caller() {
    let mine: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"]
    _ = addItem(mine)
}`,
		"wrap.m": `
@implementation W
- (OSStatus)deleteWithQuery:(NSDictionary *)query {
    return SecItemDelete((__bridge CFDictionaryRef)query);
}
- (void)addCommon:(NSMutableDictionary *)q {
    q[(__bridge id)kSecAttrService] = @"svc";
}
- (void)use {
    NSMutableDictionary *d = [NSMutableDictionary dictionary];
    d[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    [self addCommon:d];
    [self deleteWithQuery:d];
}
@end`,
	})
	var viaAdd, viaDel *flow.CallFact
	for _, f := range facts {
		if f.Via != nil && f.Via.Name == "addItem" {
			viaAdd = f
		}
		if f.Via != nil && f.Via.Name == "deleteWithQuery:" {
			viaDel = f
		}
	}
	if viaAdd == nil || viaDel == nil {
		t.Fatalf("wrapper calls not turned into call facts: add %v delete %v", viaAdd, viaDel)
	}
	if viaAdd.Func.Name != "caller" || viaAdd.Op != model.OpAdd {
		t.Errorf("forwarded add: in %s, op %s", viaAdd.Func.Name, viaAdd.Op)
	}
	for _, k := range []string{"kSecClass", "kSecAttrService", "kSecAttrAccessible"} {
		must(t, viaAdd.Dict, k)
	}
	if !viaAdd.Dict.Complete {
		t.Error("caller's literal plus the wrapper's known key is complete")
	}
	// The mutating helper's key reaches the forwarded delete.
	must(t, viaDel.Dict, "kSecAttrService")
	if !viaDel.Dict.Complete {
		t.Error("known helper and wrapper: complete")
	}
	// Inside the wrapper itself the parameter is unknown: incomplete.
	in := call(t, facts, model.OpAdd, "m as")
	if in.Via != nil || in.Dict.Complete {
		t.Error("the wrapper's own call sees an incomplete parameter")
	}
}

func TestRecursionTerminates(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"r.swift": `
func a(_ q: [String: Any]) -> [String: Any] { return b(q) }
func b(_ q: [String: Any]) -> [String: Any] { return a(q) }
func use() {
    SecItemDelete(a([kSecClass as String: kSecClassGenericPassword]) as CFDictionary)
}`,
	})
	f := call(t, facts, model.OpDelete, "a(")
	if f.Dict != nil && f.Dict.Complete {
		t.Error("a recursive helper's result is not known")
	}
}

func earlierRead(t *testing.T, f *flow.CallFact) (flow.StatusSet, int) {
	t.Helper()
	var got flow.StatusSet
	n := 0
	for prev, set := range f.Earlier {
		if prev.Op == model.OpRead {
			got |= set.Outcomes()
			n++
		}
	}
	return got, n
}

func TestHelperReadSummaries(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"h.swift": `
func readToken() -> Data? {
    var r: AnyObject?
    let s = SecItemCopyMatching(q as CFDictionary, &r)
    guard s == errSecSuccess else { return nil }
    return r as? Data
}
func readStatus() -> OSStatus {
    return SecItemCopyMatching(q as CFDictionary, nil)
}
func optionalResult() {
    guard let t = readToken() else {
        SecItemDelete(d1 as CFDictionary)
        return
    }
    SecItemDelete(d2 as CFDictionary)
}
func statusResult() {
    let s = readStatus()
    if s == errSecInteractionNotAllowed { return }
    SecItemDelete(d3 as CFDictionary)
}`,
		"h.m": `
@implementation H
- (NSData *)readWithError:(NSError **)error {
    OSStatus s = SecItemCopyMatching((__bridge CFDictionaryRef)q, NULL);
    if (s != errSecSuccess) { return nil; }
    return [NSData data];
}
- (void)outParameter {
    NSError *e = nil;
    NSData *d = [self readWithError:&e];
    if (!d && !e) {
        SecItemDelete((__bridge CFDictionaryRef)o1);
    }
}
@end`,
	})
	if set, n := earlierRead(t, call(t, facts, model.OpDelete, "d1")); n != 1 || set != flow.NotFound|flow.InteractionNotAllowed|flow.OtherFailure {
		t.Errorf("nil branch of a helper read: {%s} (%d reads)", set, n)
	}
	if set, _ := earlierRead(t, call(t, facts, model.OpDelete, "d2")); set != flow.Success {
		t.Errorf("value branch of a helper read: {%s}", set)
	}
	if set, _ := earlierRead(t, call(t, facts, model.OpDelete, "d3")); set != flow.Success|flow.NotFound|flow.OtherFailure {
		t.Errorf("helper returning its read's status: {%s}", set)
	}
	// With an out-parameter the failures may be told apart: the helper's
	// result says nothing certain, so no read status is tracked.
	if _, n := earlierRead(t, call(t, facts, model.OpDelete, "o1")); n != 0 {
		t.Errorf("helper with an out-parameter: read status tracked")
	}
}

func TestFilePlatformInference(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"Sources/mac/Access.m": `
void a(void) { SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword, (id)kSecAttrService: @"m1"}); }`,
		"Sources/Shared/ACL.m": `
void b(NSString *path) {
    SecTrustedApplicationRef app = NULL;
    SecTrustedApplicationCreateFromPath(path.UTF8String, &app);
    SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword, (id)kSecAttrService: @"m2"});
}`,
		"Sources/Shared/Guarded.m": `
void c(NSString *path) {
#if TARGET_OS_OSX
    SecTrustedApplicationRef app = NULL;
    SecTrustedApplicationCreateFromPath(path.UTF8String, &app);
#endif
    SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword, (id)kSecAttrService: @"m3"});
}`,
		"Tests/ios/Clear.swift": `
func d() { SecItemDelete([kSecClass as String: kSecClassKey, kSecAttrLabel as String: "m4"] as CFDictionary) }`,
		"Sources/Shared/Screen.swift": `
func e() {
    let w = UIScreen.main.bounds.width
    SecItemDelete([kSecClass as String: kSecClassKey, kSecAttrLabel as String: "m5"] as CFDictionary)
}`,
	})
	for marker, want := range map[string]model.Platform{
		"m1": model.MacOS,                       // mac/ directory
		"m2": model.MacOS,                       // macOS-only API outside #if
		"m3": model.AllPlatforms,                // the API is guarded: says nothing
		"m4": model.IOS | model.MacCatalyst,     // ios/ directory
		"m5": model.AllPlatforms &^ model.MacOS, // UIKit outside #if
	} {
		if got := call(t, facts, model.OpDelete, marker).Platforms; got != want {
			t.Errorf("%s: scope %s, want %s", marker, got, want)
		}
	}
}

func TestHelperSpecialisedForNilArgument(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"s.m": `
@implementation S
- (NSMutableDictionary *)attributesWithKey:(NSString *)key value:(NSData *)value {
    NSMutableDictionary *attributes;
    if (key) {
        attributes = [self query];
        attributes[(__bridge id)kSecAttrAccount] = key;
    } else {
        attributes = [[NSMutableDictionary alloc] init];
    }
    attributes[(__bridge id)kSecValueData] = value;
    return attributes;
}
- (NSMutableDictionary *)query {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    return q;
}
- (void)update:(NSData *)data {
    NSMutableDictionary *u1 = [self attributesWithKey:nil value:data];
    SecItemUpdate((__bridge CFDictionaryRef)[self query], (__bridge CFDictionaryRef)u1);
    NSMutableDictionary *a2 = [self attributesWithKey:@"k" value:data];
    SecItemAdd((__bridge CFDictionaryRef)a2, NULL);
}
@end`,
	})
	u := call(t, facts, model.OpUpdate, "u1")
	if has(u.Update, "kSecClass") || has(u.Update, "kSecAttrAccount") {
		t.Errorf("called with a nil key, the helper takes its else branch: %v", keys(u.Update))
	}
	must(t, u.Update, "kSecValueData")
	a := call(t, facts, model.OpAdd, "a2")
	must(t, a.Dict, "kSecClass")
	must(t, a.Dict, "kSecAttrAccount")
}

func TestClassAndInstanceMethodWithOneSelector(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"k.m": `
@implementation K
+ (NSDictionary *)queryForKey:(NSString *)key {
    return @{(__bridge id)kSecClass: (__bridge id)kSecClassInternetPassword};
}
- (NSDictionary *)queryForKey:(NSString *)key {
    return @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword};
}
- (void)instanceUse {
    SecItemDelete((__bridge CFDictionaryRef)[self queryForKey:@"i1"]);
}
+ (void)classUse {
    SecItemDelete((__bridge CFDictionaryRef)[K queryForKey:@"c1"]);
}
@end`,
	})
	for marker, want := range map[string]string{"i1": "genp", "c1": "inet"} {
		c, ok := call(t, facts, model.OpDelete, marker).Dict.Class()
		if !ok || c.Short != want {
			t.Errorf("%s: class %v, want %s", marker, c, want)
		}
	}
}

// A call on a receiver of unknown type resolves only within the caller's
// module: the project's module when both files name one, else the
// directory fallback (the caller's directory tree, a shared package-like
// root such as Sources/X, never a vendored Pods/X).
func TestUnknownReceiverResolvesOnlyInModule(t *testing.T) {
	const helper = `
final class Store {
    func wipe(_ account: String) {
        SecItemDelete([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account] as CFDictionary)
    }
}`
	const caller = `
final class Screen {
    func logout(a: String) {
        store.wipe(a)
    }
}`
	for _, tc := range []struct {
		name, callerPath, helperPath string
		callerMod, helperMod         string
		want                         bool
	}{
		{"same directory", "App/Screen.swift", "App/Store.swift", "", "", true},
		{"helper below the caller", "App/Screen.swift", "App/Storage/Store.swift", "", "", true},
		{"same SwiftPM target", "Pkg/Sources/App/UI/Screen.swift", "Pkg/Sources/App/Storage/Store.swift", "", "", true},
		{"sibling directory", "App/Screen.swift", "KeychainKit/Store.swift", "", "", false},
		{"vendored under Pods", "App/Screen.swift", "App/Pods/KeychainKit/Store.swift", "", "", false},
		{"other SwiftPM target", "Pkg/Sources/App/Screen.swift", "Pkg/Sources/Keychain/Store.swift", "", "", false},
		{"project: same module", "App/Screen.swift", "KeychainKit/Store.swift", "App.xcodeproj:App", "App.xcodeproj:App", true},
		{"project: other module", "App/Screen.swift", "App/Store.swift", "App.xcodeproj:App", "Podfile:KeychainKit", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var models []*model.File
			for _, f := range []struct{ path, src, mod string }{{tc.callerPath, caller, tc.callerMod}, {tc.helperPath, helper, tc.helperMod}} {
				m, err := swiftparse.ParseFile(f.path, []byte(f.src))
				if err != nil {
					t.Fatal(err)
				}
				if f.mod != "" {
					m.Project = &model.ProjectInfo{Module: f.mod}
				}
				models = append(models, m)
			}
			prog := flow.NewProgram(models, 0)
			got := false
			for _, f := range prog.FileResult(models[0]).Calls {
				got = got || f.Op == model.OpDelete
			}
			if got != tc.want {
				t.Errorf("store.wipe(a) resolved: %v, want %v", got, tc.want)
			}
		})
	}
}

// A receiver whose type is known resolves to that type's method
// whatever the module, and a receiver of another known type (a Set)
// never resolves to a helper.
func TestTypedReceiverResolution(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"Vendor/KeychainKit/Keychain.swift": `
public final class Keychain {
    public init(service: String) {}
    public func contains(_ key: String, withoutAuthenticationUI: Bool = false) -> Bool {
        SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: key] as CFDictionary, nil) == errSecSuccess
    }
}`,
		"App/Screen.swift": `
final class Screen {
    func check(live: [String], k1: String, k2: String) {
        let set = Set(live)
        _ = set.contains(k1)
        let kc = Keychain(service: "s")
        _ = kc.contains(k2)
    }
}`,
	})
	var sites []string
	for _, f := range facts {
		if f.Op == model.OpRead && f.Site.File.Path == "App/Screen.swift" {
			sites = append(sites, string(f.Site.File.Src[f.Site.Span.Start:f.Site.Span.End]))
		}
	}
	if len(sites) != 1 || !strings.Contains(sites[0], "k2") {
		t.Errorf("reads at the call sites: %q, want only kc.contains(k2)", sites)
	}
}

// Swift optionals: a helper that sets a key only when its argument is not
// nil is analysed for each call's nil or non-nil argument.
func TestHelperSpecialisedForSwiftOptionals(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"q.swift": `
final class Q {
    func base(key: String?, group: String?, label: String?, flag: Bool?, comment: String?) -> [String: Any] {
        var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
        if key != nil {
            q[kSecAttrAccount as String] = key
        }
        if let group = group {
            q[kSecAttrAccessGroup as String] = group
        }
        guard let label = label else {
            return q
        }
        q[kSecAttrLabel as String] = label
        if flag == nil {
            return q
        }
        q[kSecReturnData as String] = flag
        q[kSecAttrComment as String] = comment ?? "none"
        return q
    }
    func run(account: String, maybe: String?) {
        SecItemDelete(base(key: nil, group: nil, label: nil, flag: nil, comment: nil) as CFDictionary) // d1
        SecItemDelete(base(key: account, group: "g", label: "l", flag: false, comment: nil) as CFDictionary) // d2
        SecItemDelete(base(key: maybe, group: maybe, label: "l", flag: nil, comment: nil) as CFDictionary) // d3
    }
}`,
	})
	d1 := call(t, facts, model.OpDelete, "key: nil, group: nil")
	for _, k := range []string{"kSecAttrAccount", "kSecAttrAccessGroup", "kSecAttrLabel", "kSecReturnData"} {
		if has(d1.Dict, k) {
			t.Errorf("d1: all nil, yet %s may be present", k)
		}
	}
	d2 := call(t, facts, model.OpDelete, "key: account")
	for _, k := range []string{"kSecAttrAccount", "kSecAttrAccessGroup", "kSecAttrLabel", "kSecReturnData", "kSecAttrComment"} {
		if e := must(t, d2.Dict, k); !e.Must {
			t.Errorf("d2: a non-optional or literal argument, yet %s is not certainly present", k)
		}
	}
	if c, ok := must(t, d2.Dict, "kSecReturnData").Value(); !ok || c.Bool != -1 {
		t.Errorf("d2: kSecReturnData should hold the caller's false")
	}
	d3 := call(t, facts, model.OpDelete, "key: maybe")
	if e := must(t, d3.Dict, "kSecAttrAccount"); e.Must {
		t.Errorf("d3: an optional argument may be nil: kSecAttrAccount only may be present")
	}
	if has(d3.Dict, "kSecReturnData") {
		t.Errorf("d3: flag is nil: no kSecReturnData")
	}
}

// Specialisations are bounded per function: only maxSpecParams (6)
// parameters take part, so 2^8 call patterns over eight nil-tested
// parameters give at most 2^6 specialised analyses (plus the
// unspecialised one).
func TestSpecialisationCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("final class C {\n    func base(")
	for i := 0; i < 8; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "p%d: String?", i)
	}
	b.WriteString(") -> [String: Any] {\n        var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]\n")
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "        if p%d != nil { q[\"k%d\"] = p%d }\n", i, i, i)
	}
	b.WriteString("        return q\n    }\n    func run() {\n")
	for m := 0; m < 256; m++ {
		b.WriteString("        SecItemDelete(base(")
		for i := 0; i < 8; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			if m&(1<<i) != 0 {
				fmt.Fprintf(&b, "p%d: \"v\"", i)
			} else {
				fmt.Fprintf(&b, "p%d: nil", i)
			}
		}
		b.WriteString(") as CFDictionary)\n")
	}
	b.WriteString("    }\n}\n")
	f, err := swiftparse.ParseFile("c.swift", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	prog := flow.NewProgram([]*model.File{f}, 0)
	prog.FileResult(f)
	var base *model.Func
	for _, fn := range f.Funcs {
		if fn.Name == "base" {
			base = fn
		}
	}
	if n := flow.SpecCount(prog, base); n > 1<<6+1 || n < 1<<6 {
		t.Errorf("base analysed %d ways, want between 64 and 65 (2^6 specialisations and the unspecialised one)", n)
	}
}

// Members of struct parameters and names captured by nested functions
// count within the same bound: a helper that tests eight members of a
// struct parameter, called with 256 patterns of cleared members from a
// nested function that also tests a captured flag, is analysed at most
// 2^6 ways (plus the unspecialised analysis).
func TestSpecialisationCapMembers(t *testing.T) {
	var b strings.Builder
	b.WriteString("struct S {\n")
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "    var m%d: String?\n", i)
	}
	b.WriteString("}\nfinal class C {\n    func base(s: S) -> [String: Any] {\n        var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]\n")
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "        if let v = s.m%d { q[\"k%d\"] = v }\n", i, i)
	}
	b.WriteString("        return q\n    }\n    func run(s: S, flag: Bool) {\n        func inner() {\n            if flag { return }\n")
	for m := 0; m < 256; m++ {
		fmt.Fprintf(&b, "            var c%d = s\n", m)
		for i := 0; i < 8; i++ {
			if m&(1<<i) != 0 {
				fmt.Fprintf(&b, "            c%d.m%d = nil\n", m, i)
			}
		}
		fmt.Fprintf(&b, "            SecItemDelete(base(s: c%d) as CFDictionary)\n", m)
	}
	b.WriteString("        }\n        inner()\n    }\n    func a(s: S) { run(s: s, flag: true) }\n    func b(s: S) { run(s: s, flag: false) }\n}\n")
	f, err := swiftparse.ParseFile("c.swift", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	prog := flow.NewProgram([]*model.File{f}, 0)
	prog.FileResult(f)
	var base, inner *model.Func
	for _, fn := range f.Funcs {
		switch fn.Name {
		case "base":
			base = fn
		case "inner":
			inner = fn
		}
	}
	if n := flow.SpecCount(prog, base); n > 1<<6+1 || n < 1<<6 {
		t.Errorf("base analysed %d ways, want between 64 and 65 (2^6 specialisations and the unspecialised one)", n)
	}
	// inner: unspecialised, flag=true, flag=false, flag=nonnil (run
	// analysed without known arguments).
	if n := flow.SpecCount(prog, inner); n > 4 {
		t.Errorf("inner analysed %d ways, want at most 4", n)
	}
}
