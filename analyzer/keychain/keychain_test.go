package keychain

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

func mustClass(t *testing.T, name string) *Class {
	t.Helper()
	c, ok := LookupClass(name)
	if !ok {
		t.Fatalf("LookupClass(%q) not found", name)
	}
	return c
}

func TestKeyKindString(t *testing.T) {
	want := map[KeyKind]string{
		KindUnknown: "unknown", KindClass: "class", KindAttr: "attr", KindMatch: "match",
		KindReturn: "return", KindValue: "value", KindUse: "use", KeyKind(99): "unknown", KeyKind(-1): "unknown",
	}
	for k, s := range want {
		if got := k.String(); got != s {
			t.Errorf("KeyKind(%d).String() = %q, want %q", int(k), got, s)
		}
	}
}

func TestAllKeysSortedAndResolvable(t *testing.T) {
	all := AllKeys()
	if len(all) == 0 {
		t.Fatal("AllKeys is empty")
	}
	if !sort.SliceIsSorted(all, func(i, j int) bool { return all[i].Name < all[j].Name }) {
		t.Error("AllKeys is not sorted by name")
	}
	for i, k := range all {
		if i > 0 && all[i-1].Name == k.Name {
			t.Errorf("duplicate key %s", k.Name)
		}
		if got, ok := LookupKey(k.Name); !ok || got != k {
			t.Errorf("LookupKey(%q) does not return the AllKeys entry", k.Name)
		}
		s, ok := LookupShort(k.Short)
		if !ok || s.Short != k.Short {
			t.Errorf("LookupShort(%q) = %v, %v", k.Short, s, ok)
		}
		if s != k && k.Short != "type" {
			t.Errorf("LookupShort(%q) = %s, want %s", k.Short, s.Name, k.Name)
		}
	}
	// AllKeys returns a copy.
	all[0] = nil
	if AllKeys()[0] == nil {
		t.Error("AllKeys exposes its internal slice")
	}
}

func TestKindMatchesName(t *testing.T) {
	prefixes := []struct {
		prefix string
		kind   KeyKind
	}{
		{"kSecClass", KindClass}, {"kSecAttr", KindAttr}, {"kSecMatch", KindMatch},
		{"kSecReturn", KindReturn}, {"kSecValue", KindValue}, {"kSecUse", KindUse},
	}
	for _, k := range AllKeys() {
		found := false
		for _, p := range prefixes {
			if strings.HasPrefix(k.Name, p.prefix) {
				found = true
				if k.Kind != p.kind {
					t.Errorf("%s: Kind %v, want %v", k.Name, k.Kind, p.kind)
				}
			}
		}
		if !found {
			t.Errorf("%s: unexpected name prefix", k.Name)
		}
	}
}

// TestSecuritydKind checks the shape rule of query_applier against the
// table: every key is sorted by securityd as its API kind, except these.
func TestSecuritydKind(t *testing.T) {
	exceptions := map[string]KeyKind{
		"nleg":       KindAttr,    // kSecUseDataProtectionKeychain: 4 characters, a no-op
		"prf":        KindUnknown, // kSecAttrPRF: errSecParam
		"rounds":     KindReturn,  // kSecAttrRounds: starts with 'r', errSecParam
		"persistref": KindUnknown, // kSecAttrPersistentReference: errSecParam
	}
	for _, k := range AllKeys() {
		want := k.Kind
		if e, ok := exceptions[k.Short]; ok {
			want = e
		}
		if got := SecuritydKind(k.Short); got != want {
			t.Errorf("SecuritydKind(%q) [%s] = %v, want %v", k.Short, k.Name, got, want)
		}
	}
	for short, want := range map[string]KeyKind{"": KindUnknown, "c": KindUnknown, "f_cb": KindAttr, "f_callback": KindUnknown, "zz": KindUnknown} {
		if got := SecuritydKind(short); got != want {
			t.Errorf("SecuritydKind(%q) = %v, want %v", short, got, want)
		}
	}
}

func TestLookupShort(t *testing.T) {
	want := map[string]string{
		"acct": "kSecAttrAccount", "class": "kSecClass", "m_Limit": "kSecMatchLimit",
		"r_Data": "kSecReturnData", "v_Data": "kSecValueData", "nleg": "kSecUseDataProtectionKeychain",
		"type": "kSecAttrType", "crtr": "kSecAttrCreator", "acls": "kSecAttrAccess",
		"persistref": "kSecAttrPersistentReference", "u_AuthCtx": "kSecUseAuthenticationContext",
	}
	for short, name := range want {
		k, ok := LookupShort(short)
		if !ok || k.Name != name {
			t.Errorf("LookupShort(%q) = %v, %v; want %s", short, k, ok, name)
		}
	}
	if k, _ := LookupShort("nleg"); k.Kind != KindUse {
		t.Errorf("nleg kind = %v, want use", k.Kind)
	}
	for _, bad := range []string{"", "zzzz", "musr", "u_CredRef", "genp", "kSecAttrAccount"} {
		if k, ok := LookupShort(bad); ok {
			t.Errorf("LookupShort(%q) = %s, want not found", bad, k.Name)
		}
	}
}

func TestLookupKeyAliases(t *testing.T) {
	for alias, name := range map[string]string{
		"kSecAttrKeyCreator":          "kSecAttrCreator",
		"kSecAttrPersistantReference": "kSecAttrPersistentReference",
	} {
		k, ok := LookupKey(alias)
		if !ok || k.Name != name {
			t.Errorf("LookupKey(%q) = %v, %v; want %s", alias, k, ok, name)
		}
	}
	if _, ok := LookupKey("kSecAttrAlias"); ok {
		t.Error("private kSecAttrAlias must not be a key")
	}
	if k, ok := LookupKey("kSecAttrKeyType"); !ok || k.Short != "type" {
		t.Errorf("kSecAttrKeyType = %v, %v", k, ok)
	}
}

func TestMacOSOnlyExact(t *testing.T) {
	want := []string{
		"kSecAttrAccess", "kSecAttrPRF", "kSecAttrRounds", "kSecAttrSalt",
		"kSecMatchDiacriticInsensitive", "kSecMatchItemList", "kSecMatchSearchList",
		"kSecMatchSubjectEndsWith", "kSecMatchSubjectStartsWith", "kSecMatchSubjectWholeString",
		"kSecMatchWidthInsensitive", "kSecUseItemList", "kSecUseKeychain",
	}
	var got []string
	for _, k := range AllKeys() {
		if k.MacOSOnly {
			got = append(got, k.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("MacOSOnly keys = %v\nwant %v", got, want)
	}
}

func TestReadOnlyKeys(t *testing.T) {
	want := []string{
		"kSecAttrCertificateEncoding", "kSecAttrCertificateType", "kSecAttrCreationDate",
		"kSecAttrIssuer", "kSecAttrKeyClass", "kSecAttrModificationDate", "kSecAttrPublicKeyHash",
		"kSecAttrSerialNumber", "kSecAttrSubject", "kSecAttrSubjectKeyID",
	}
	var got []string
	for _, k := range AllKeys() {
		if k.ReadOnly {
			got = append(got, k.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("ReadOnly keys = %v\nwant %v", got, want)
	}
}

func TestClassAttrsResolve(t *testing.T) {
	platforms := map[string]bool{platAll: true, platDP: true, platFile: true}
	for _, c := range Classes() {
		if len(c.Attrs) == 0 {
			t.Errorf("%s has no attributes", c.Name)
		}
		for short, a := range c.Attrs {
			if a.Short != short {
				t.Errorf("%s: Attrs[%q].Short = %q", c.Name, short, a.Short)
			}
			k, ok := LookupShort(short)
			if !ok {
				t.Errorf("%s: LookupShort(%q) not found", c.Name, short)
				continue
			}
			if k.Kind != KindAttr {
				t.Errorf("%s: %q resolves to %s of kind %v", c.Name, short, k.Name, k.Kind)
			}
			named, ok := LookupKey(a.Name)
			if !ok || named.Short != short || named.Name != a.Name {
				t.Errorf("%s: attribute %s/%q does not match its key %v", c.Name, a.Name, short, named)
				continue
			}
			if a.ReadOnly != named.ReadOnly {
				t.Errorf("%s: %s ReadOnly %v, key says %v", c.Name, a.Name, a.ReadOnly, named.ReadOnly)
			}
			if !platforms[a.Platform] {
				t.Errorf("%s: %s has platform %q", c.Name, a.Name, a.Platform)
			}
			if (a.Platform == platFile) != named.MacOSOnly {
				t.Errorf("%s: %s platform %q but MacOSOnly=%v", c.Name, a.Name, a.Platform, named.MacOSOnly)
			}
			if !c.HasAttr(short) {
				t.Errorf("%s: HasAttr(%q) false", c.Name, short)
			}
			if got, ok := c.Attr(short); !ok || got != a {
				t.Errorf("%s: Attr(%q) = %v, %v", c.Name, short, got, ok)
			}
			if c.IsPrivateColumn(short) {
				t.Errorf("%s: %q is both public attribute and private column", c.Name, short)
			}
		}
	}
}

func TestClassLookup(t *testing.T) {
	cs := Classes()
	if len(cs) != 5 {
		t.Fatalf("Classes() has %d classes, want 5", len(cs))
	}
	for _, c := range cs {
		for _, key := range []string{c.Name, c.Short} {
			if got, ok := LookupClass(key); !ok || got != c {
				t.Errorf("LookupClass(%q) = %v, %v", key, got, ok)
			}
		}
		v, ok := LookupValueShort("kSecClass", c.Short)
		if !ok || v.Name != c.Name {
			t.Errorf("class value %q = %v, %v; want %s", c.Short, v, ok, c.Name)
		}
		if c.Stored != (c.Short != "idnt") {
			t.Errorf("%s: Stored = %v", c.Name, c.Stored)
		}
	}
	if _, ok := LookupClass("apls"); ok {
		t.Error("private AppleShare class must not be listed")
	}
}

func TestClassSpecifics(t *testing.T) {
	genp, inet := mustClass(t, "genp"), mustClass(t, "inet")
	cert, keys, idnt := mustClass(t, "cert"), mustClass(t, "keys"), mustClass(t, "idnt")

	absent := []struct {
		c     *Class
		short string
	}{
		{inet, "svce"}, // kSecAttrService
		{genp, "srvr"}, // kSecAttrServer
		{cert, "atag"}, // kSecAttrApplicationTag
		{cert, "acls"}, // kSecAttrAccess: not a certificate attribute per the reference
		{genp, "atag"},
		{keys, "acct"},
		{genp, "issr"},
		{cert, "prf"},
		{genp, "nleg"}, // a use key, never an attribute
		{keys, "persistref"},
	}
	for _, x := range absent {
		if x.c.HasAttr(x.short) {
			t.Errorf("%s must not have %q", x.c.Name, x.short)
		}
		if _, ok := x.c.Attr(x.short); ok {
			t.Errorf("%s: Attr(%q) found", x.c.Name, x.short)
		}
	}

	// Attributes of every stored class.
	for _, c := range []*Class{genp, inet, cert, keys} {
		for short, primary := range map[string]bool{"agrp": true, "sync": true, "vwht": true, "tkid": true, "pdmn": false, "accc": false} {
			a, ok := c.Attr(short)
			if !ok || a.Primary != primary {
				t.Errorf("%s: %q = %+v, %v; want primary=%v", c.Name, short, a, ok, primary)
			}
		}
		for _, short := range []string{"agrp", "pdmn", "accc", "vwht", "tkid"} {
			if a, _ := c.Attr(short); a.Platform != platDP {
				t.Errorf("%s: %q platform %q, want DP", c.Name, short, a.Platform)
			}
		}
	}

	// kSecAttrAccess: genp, inet, keys, file keychain only.
	for _, c := range []*Class{genp, inet, keys} {
		if a, ok := c.Attr("acls"); !ok || a.Platform != platFile || a.Name != "kSecAttrAccess" {
			t.Errorf("%s: acls = %+v, %v", c.Name, a, ok)
		}
	}
	for _, short := range []string{"prf", "salt", "rounds"} {
		if a, ok := keys.Attr(short); !ok || a.Platform != platFile {
			t.Errorf("keys: %q = %+v, %v", short, a, ok)
		}
	}

	// Shared short strings resolve per class.
	if a, _ := genp.Attr("type"); a.Name != "kSecAttrType" || a.Primary {
		t.Errorf("genp type = %+v", a)
	}
	if a, _ := keys.Attr("type"); a.Name != "kSecAttrKeyType" || !a.Primary {
		t.Errorf("keys type = %+v", a)
	}
	if a, _ := keys.Attr("crtr"); a.Name != "kSecAttrCreator" || !a.Primary {
		t.Errorf("keys crtr = %+v", a)
	}
	if a, _ := genp.Attr("crtr"); a.Primary {
		t.Errorf("genp crtr must not be primary")
	}

	// The uniqueness pitfall: gena is not part of the key.
	if a, ok := genp.Attr("gena"); !ok || a.Primary {
		t.Errorf("genp gena = %+v, %v", a, ok)
	}
	if keys.Attrs["kcls"].Primary != true || slices.Contains(keys.PrimaryKeyFileKeychain, "kSecAttrKeyClass") {
		t.Error("kSecAttrKeyClass: primary on DP, not unique on the file keychain")
	}
	if !idnt.HasAttr("atag") || !idnt.HasAttr("issr") {
		t.Error("identity must accept certificate and key attributes")
	}
}

func TestIdentityUnion(t *testing.T) {
	cert, keys, idnt := mustClass(t, "kSecClassCertificate"), mustClass(t, "kSecClassKey"), mustClass(t, "kSecClassIdentity")
	union := map[string]bool{}
	for _, part := range []*Class{cert, keys} {
		for short := range part.Attrs {
			union[short] = true
			if !idnt.HasAttr(short) {
				t.Errorf("identity lacks %q", short)
			}
		}
	}
	if len(idnt.Attrs) != len(union) {
		t.Errorf("identity has %d attributes, union has %d", len(idnt.Attrs), len(union))
	}
	for short, a := range idnt.Attrs {
		if a.Primary {
			t.Errorf("identity attribute %q is primary", short)
		}
		src, ok := cert.Attr(short)
		if !ok {
			src = keys.Attrs[short]
		}
		src.Primary = false
		if a != src {
			t.Errorf("identity %q = %+v, want %+v (certificate first)", short, a, src)
		}
	}
	if a, _ := idnt.Attr("type"); a.Name != "kSecAttrKeyType" {
		t.Errorf("identity type = %s", a.Name)
	}
	if a, _ := idnt.Attr("acls"); a.Platform != platFile {
		t.Errorf("identity acls = %+v (from the key part)", a)
	}
	if len(idnt.PrimaryKeyDP) != 0 || len(idnt.PrimaryKeyFileKeychain) != 0 {
		t.Error("identity has no primary key of its own")
	}
	if len(idnt.Identifying) != len(cert.Identifying)+len(keys.Identifying) {
		t.Errorf("identity Identifying = %v", idnt.Identifying)
	}
	for _, col := range append(slices.Clone(cert.PrivateColumns), keys.PrivateColumns...) {
		if !idnt.IsPrivateColumn(col) {
			t.Errorf("identity lacks private column %q", col)
		}
	}
}

func TestPrimaryKeysAndIdentifying(t *testing.T) {
	for _, c := range Classes() {
		var primary []string
		for _, a := range c.Attrs {
			if a.Primary {
				primary = append(primary, a.Name)
			}
		}
		slices.Sort(primary)
		pk := slices.Sorted(slices.Values(c.PrimaryKeyDP))
		if !slices.Equal(primary, pk) {
			t.Errorf("%s: primary attributes %v != PrimaryKeyDP %v", c.Name, primary, pk)
		}
		has := func(name string) bool {
			k, ok := LookupKey(name)
			if !ok {
				return false
			}
			a, ok := c.Attrs[k.Short]
			return ok && a.Name == k.Name
		}
		for _, name := range c.PrimaryKeyFileKeychain {
			if !has(name) {
				t.Errorf("%s: file-keychain key member %s is not an attribute", c.Name, name)
			}
		}
		if len(c.Identifying) == 0 {
			t.Errorf("%s: no identifying sets", c.Name)
		}
		for _, set := range c.Identifying {
			for _, name := range set {
				if !has(name) {
					t.Errorf("%s: identifying %s is not an attribute", c.Name, name)
				}
			}
		}
	}
	want := map[string][][]string{
		"genp": {{"kSecAttrAccount", "kSecAttrService"}},
		"inet": {{"kSecAttrAccount", "kSecAttrServer"}},
		"cert": {{"kSecAttrIssuer", "kSecAttrSerialNumber"}, {"kSecAttrLabel"}},
		"keys": {{"kSecAttrApplicationTag"}, {"kSecAttrApplicationLabel"}},
	}
	for short, sets := range want {
		c := mustClass(t, short)
		if !slices.EqualFunc(c.Identifying, sets, slices.Equal[[]string]) {
			t.Errorf("%s: Identifying = %v, want %v", short, c.Identifying, sets)
		}
	}
	for _, name := range IdentifyingAnyClass {
		if k, ok := LookupKey(name); !ok || k.Kind != KindValue {
			t.Errorf("IdentifyingAnyClass %s: %v, %v", name, k, ok)
		}
	}
}

func TestValues(t *testing.T) {
	for _, tc := range []struct{ key, short, name string }{
		{"kSecClass", "genp", "kSecClassGenericPassword"},
		{"kSecAttrAccessible", "dk", "kSecAttrAccessibleAlways"},
		{"kSecAttrAccessible", "akpu", "kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly"},
		{"kSecMatchLimit", "m_LimitAll", "kSecMatchLimitAll"},
		{"kSecUseAuthenticationUI", "u_AuthUIS", "kSecUseAuthenticationUISkip"},
		{"kSecAttrSynchronizable", "syna", "kSecAttrSynchronizableAny"},
		{"kSecAttrAccessGroup", "com.apple.token", "kSecAttrAccessGroupToken"},
		{"kSecAttrTokenID", "com.apple.setoken", "kSecAttrTokenIDSecureEnclave"},
		{"kSecAttrKeyClass", "1", "kSecAttrKeyClassPrivate"},
		{"kSecAttrKeyType", "73", "kSecAttrKeyTypeECSECPrimeRandom"},
	} {
		v, ok := LookupValueShort(tc.key, tc.short)
		if !ok || v.Name != tc.name || v.For != tc.key || v.Short != tc.short {
			t.Errorf("LookupValueShort(%q, %q) = %+v, %v; want %s", tc.key, tc.short, v, ok, tc.name)
		}
	}
	if _, ok := LookupValueShort("kSecAttrAccessible", "genp"); ok {
		t.Error("genp is not an accessibility value")
	}
	if n := len(ValuesFor("kSecAttrAccessible")); n != 7 {
		t.Errorf("%d accessibility values, want 7", n)
	}
	if n := len(ValuesFor("kSecClass")); n != 5 {
		t.Errorf("%d class values, want 5", n)
	}
	for _, name := range []string{"kSecAttrKeyTypeEC", "kSecAttrKeyTypeECDSA", "kSecUseAuthenticationUIFail"} {
		v, ok := LookupValue(name)
		if !ok {
			t.Errorf("LookupValue(%q) not found", name)
			continue
		}
		if _, ok := LookupKey(v.For); !ok {
			t.Errorf("%s is a value of unknown key %s", name, v.For)
		}
	}
	if v, _ := LookupValue("kSecAttrKeyTypeECDSA"); !v.MacOSOnly {
		t.Error("kSecAttrKeyTypeECDSA is macOS only")
	}
	if _, ok := LookupValue("kSecAttrAccessible"); ok {
		t.Error("a key is not a value")
	}
}

func TestStatusRoundTrip(t *testing.T) {
	for name, code := range statusCodes {
		got, ok := StatusCode(name)
		if !ok || got != code {
			t.Errorf("StatusCode(%q) = %d, %v", name, got, ok)
		}
		canon := StatusName(code)
		if canon == "" {
			t.Errorf("StatusName(%d) for %s is empty", code, name)
			continue
		}
		if back, _ := StatusCode(canon); back != code {
			t.Errorf("StatusCode(StatusName(%d)) = %d", code, back)
		}
	}
	for code, name := range statusNames {
		if got, ok := StatusCode(name); !ok || got != code {
			t.Errorf("canonical %s: StatusCode = %d, %v; want %d", name, got, ok, code)
		}
	}
	checks := map[string]int{
		"noErr": 0, "errSecSuccess": 0, "errSecItemNotFound": ErrSecItemNotFound,
		"errSecDuplicateItem": -25299, "errSecNoSuchAttr": -25303, "errSecParam": -50,
		"errSecInteractionNotAllowed": -25308, "errSecMissingEntitlement": -34018,
		"errSecItemMatchUnsupported": -50, "errSecMatchLimitUnsupported": -50,
		"errSecUnsupportedOperation": -4, "errSecAuthNeeded": -25330, "errSecInternal": -26276,
	}
	for name, code := range checks {
		if got, ok := StatusCode(name); !ok || got != code {
			t.Errorf("StatusCode(%q) = %d, %v; want %d", name, got, ok, code)
		}
	}
	for code, name := range map[int]string{0: "errSecSuccess", -25300: "errSecItemNotFound", -50: "errSecParam", -4: "errSecUnimplemented", -34004: "", 12345: ""} {
		if got := StatusName(code); got != name {
			t.Errorf("StatusName(%d) = %q, want %q", code, got, name)
		}
	}
	if _, ok := StatusCode("errSecBogus"); ok {
		t.Error("unknown status name resolved")
	}
}

func TestDeprecations(t *testing.T) {
	ds := Deprecations()
	if len(ds) == 0 {
		t.Fatal("no deprecations")
	}
	var compilerFlagged []string
	for _, d := range ds {
		if got, ok := LookupDeprecated(d.Name); !ok || got != d {
			t.Errorf("LookupDeprecated(%q) = %v, %v", d.Name, got, ok)
		}
		_, isKey := LookupKey(d.Name)
		_, isValue := LookupValue(d.Name)
		if !isKey && !isValue {
			t.Errorf("deprecated %s is neither a key nor a value", d.Name)
		}
		if d.Replacement != "" {
			_, rk := LookupKey(d.Replacement)
			_, rv := LookupValue(d.Replacement)
			if !rk && !rv {
				t.Errorf("%s: replacement %s unknown", d.Name, d.Replacement)
			}
			if _, dep := LookupDeprecated(d.Replacement); dep {
				t.Errorf("%s: replacement %s is itself deprecated", d.Name, d.Replacement)
			}
		}
		if d.Advice == "" || strings.HasSuffix(d.Advice, ".") {
			t.Errorf("%s: advice %q must be one sentence without a final period", d.Name, d.Advice)
		}
		if d.IOSFamilyOnly != (d.Name == "kSecUseItemList") {
			t.Errorf("%s: IOSFamilyOnly = %v", d.Name, d.IOSFamilyOnly)
		}
		if (d.Since == "") != d.DocOnly {
			t.Errorf("%s: Since %q with DocOnly %v", d.Name, d.Since, d.DocOnly)
		}
		if !d.DocOnly {
			compilerFlagged = append(compilerFlagged, d.Name)
		}
	}
	slices.Sort(compilerFlagged)
	want := []string{
		"kSecAttrAccessibleAlways", "kSecAttrAccessibleAlwaysThisDeviceOnly",
		"kSecUseAuthenticationUIAllow", "kSecUseAuthenticationUIFail", "kSecUseItemList",
		"kSecUseNoAuthenticationUI", "kSecUseOperationPrompt",
	}
	if !slices.Equal(compilerFlagged, want) {
		t.Errorf("API_DEPRECATED constants = %v\nwant %v", compilerFlagged, want)
	}
	d, _ := LookupDeprecated("kSecAttrAccessibleAlways")
	if d.Replacement != "kSecAttrAccessibleAfterFirstUnlock" || d.Since != "iOS 12, macOS 10.14" {
		t.Errorf("kSecAttrAccessibleAlways = %+v", d)
	}
	for _, name := range []string{"kSecUseAuthenticationUI", "kSecUseAuthenticationUISkip", "kSecAttrAccessibleWhenUnlocked"} {
		if _, ok := LookupDeprecated(name); ok {
			t.Errorf("%s is not deprecated", name)
		}
	}
}

// Every public status code of the table has a meaning for the editor's
// hover.
func TestStatusMeanings(t *testing.T) {
	for _, code := range []int{ErrSecSuccess, ErrSecParam, ErrSecDuplicateItem, ErrSecItemNotFound, ErrSecInteractionNotAllowed, ErrSecMissingEntitlement} {
		if StatusMeaning(code) == "" {
			t.Errorf("status %d (%s) has no meaning", code, StatusName(code))
		}
	}
	if StatusMeaning(-1) != "" {
		t.Error("an unknown code has a meaning")
	}
}
