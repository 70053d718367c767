package keychain

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// schemaPath is the machine-readable reference, beside the repository
// (/work/shared/reference when the module is /work/main).
const schemaPath = "../../../shared/reference/secitem-schema.json"

type schemaAttr struct {
	Name           string `json:"name"`
	Short          string `json:"short"`
	Primary        bool   `json:"primary"`
	Platforms      string `json:"platforms"`
	HeaderReadOnly bool   `json:"header_read_only"`
}

type schemaClass struct {
	Short          string       `json:"short"`
	Stored         *bool        `json:"stored"`
	PrimaryKeyDP   []string     `json:"primary_key_dp"`
	PrimaryKeyFile []string     `json:"primary_key_macos_file_keychain"`
	Attributes     []schemaAttr `json:"attributes"`
	PrivateColumns []string     `json:"private_or_internal_schema_columns"`
}

type schemaConst struct {
	Name       string `json:"name"`
	Short      string `json:"short"`
	Platforms  string `json:"platforms"`
	Deprecated bool   `json:"deprecated"`
}

type schemaDoc struct {
	Classes    map[string]schemaClass   `json:"classes"`
	Keys       map[string][]schemaConst `json:"keys"`
	Deprecated []struct {
		Name        string `json:"name"`
		Short       string `json:"short"`
		Replacement string `json:"replacement"`
	} `json:"deprecated"`
	Errors         map[string]int             `json:"errors"`
	ParamAliases   map[string]json.RawMessage `json:"private_error_aliases_of_errSecParam"`
	SourceMetadata struct {
		Commit string `json:"commit"`
	} `json:"source"`
}

func loadSchema(t *testing.T) *schemaDoc {
	t.Helper()
	data, err := os.ReadFile(schemaPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("reference %s not present; skipping the cross-check of the hand-written tables", schemaPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc schemaDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	if doc.SourceMetadata.Commit != "db15acbe6a7f257a859ad9a3bb86097bfe0679d9" {
		t.Errorf("reference is for commit %q; the tables cite db15acbe6a7f257a859ad9a3bb86097bfe0679d9", doc.SourceMetadata.Commit)
	}
	return &doc
}

// TestSchemaClasses checks every class attribute of the JSON (name, short,
// primary, platform, read-only) against the Go tables, in both directions,
// and the primary keys and private columns.
func TestSchemaClasses(t *testing.T) {
	doc := loadSchema(t)
	if len(doc.Classes) != len(Classes()) {
		t.Errorf("JSON has %d classes, Go has %d", len(doc.Classes), len(Classes()))
	}
	for name, jc := range doc.Classes {
		c, ok := LookupClass(name)
		if !ok {
			t.Errorf("class %s missing", name)
			continue
		}
		if c.Name != name || c.Short != jc.Short {
			t.Errorf("class %s: Go %s/%s, JSON short %s", name, c.Name, c.Short, jc.Short)
		}
		if jc.Stored != nil && *jc.Stored != c.Stored {
			t.Errorf("class %s: Stored %v, JSON %v", name, c.Stored, *jc.Stored)
		}
		isIdentity := jc.Stored != nil && !*jc.Stored

		seen := map[string]bool{}
		for _, ja := range jc.Attributes {
			seen[ja.Short] = true
			a, ok := c.Attr(ja.Short)
			if !ok {
				t.Errorf("%s: JSON attribute %s (%q) missing in Go", name, ja.Name, ja.Short)
				continue
			}
			if a.Name != ja.Name || a.Primary != ja.Primary || a.Platform != ja.Platforms {
				t.Errorf("%s %q: Go {%s primary=%v %s}, JSON {%s primary=%v %s}",
					name, ja.Short, a.Name, a.Primary, a.Platform, ja.Name, ja.Primary, ja.Platforms)
			}
			if !isIdentity && a.ReadOnly != ja.HeaderReadOnly {
				t.Errorf("%s %s: ReadOnly %v, JSON header_read_only %v", name, a.Name, a.ReadOnly, ja.HeaderReadOnly)
			}
			if k, ok := LookupKey(ja.Name); !ok || k.Short != ja.Short {
				t.Errorf("%s: key %s = %v, %v; JSON short %q", name, ja.Name, k, ok, ja.Short)
			}
		}
		for short, a := range c.Attrs {
			if !seen[short] {
				t.Errorf("%s: Go attribute %s (%q) not in JSON", name, a.Name, short)
			}
		}

		var pk []string
		for _, m := range jc.PrimaryKeyDP {
			if !strings.HasSuffix(m, " (private)") {
				pk = append(pk, m)
			}
		}
		if !sameSet(pk, c.PrimaryKeyDP) {
			t.Errorf("%s: PrimaryKeyDP %v, JSON (public) %v", name, c.PrimaryKeyDP, pk)
		}

		// File-keychain members are written "kSecAttrKeyCreator(crtr)" in the
		// JSON; resolve them to canonical public names and drop the private ones.
		var filePK []string
		for _, m := range jc.PrimaryKeyFile {
			base, short := splitParenShort(m)
			k, ok := LookupKey(base)
			if !ok {
				if short == "" || !c.IsPrivateColumn(short) {
					t.Errorf("%s: file-keychain member %q is neither a key nor a private column", name, m)
				}
				continue
			}
			if short != "" && k.Short != short {
				t.Errorf("%s: file-keychain member %q resolves to %s (%q)", name, m, k.Name, k.Short)
			}
			filePK = append(filePK, k.Name)
		}
		if !sameSet(filePK, c.PrimaryKeyFileKeychain) {
			t.Errorf("%s: PrimaryKeyFileKeychain %v, JSON %v", name, c.PrimaryKeyFileKeychain, filePK)
		}

		if !isIdentity && !sameSet(jc.PrivateColumns, c.PrivateColumns) {
			t.Errorf("%s: PrivateColumns %v, JSON %v", name, c.PrivateColumns, jc.PrivateColumns)
		}
	}
}

var parenShort = regexp.MustCompile(`^(\w+)\((\w+)\)$`)

func splitParenShort(s string) (name, short string) {
	if m := parenShort.FindStringSubmatch(s); m != nil {
		return m[1], m[2]
	}
	return s, ""
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// TestSchemaKeysAndValues checks the non-attribute keys and the values.
func TestSchemaKeysAndValues(t *testing.T) {
	doc := loadSchema(t)
	keyGroups := map[string]KeyKind{
		"class": KindClass, "match": KindMatch, "return": KindReturn, "value": KindValue, "use": KindUse,
	}
	valueGroups := map[string]string{
		"class_values": "kSecClass", "match_limit_values": "kSecMatchLimit",
		"use_authentication_ui_values": "kSecUseAuthenticationUI", "accessible_values": "kSecAttrAccessible",
		"other_values": "",
	}
	inJSON := map[string]bool{}
	for group, consts := range doc.Keys {
		kind, isKey := keyGroups[group]
		forKey, isValue := valueGroups[group]
		if !isKey && !isValue {
			t.Errorf("unknown JSON key group %q", group)
			continue
		}
		for _, jc := range consts {
			inJSON[jc.Name] = true
			if isKey {
				k, ok := LookupKey(jc.Name)
				if !ok || k.Name != jc.Name || k.Short != jc.Short || k.Kind != kind {
					t.Errorf("%s %s: Go %+v, JSON short %q", group, jc.Name, k, jc.Short)
					continue
				}
				if strings.HasPrefix(jc.Platforms, "macos-file-keychain") && !k.MacOSOnly {
					t.Errorf("%s is macOS-only in JSON", jc.Name)
				}
			} else {
				v, ok := LookupValue(jc.Name)
				if !ok || v.Short != jc.Short || (forKey != "" && v.For != forKey) {
					t.Errorf("%s %s: Go %+v, JSON short %q", group, jc.Name, v, jc.Short)
					continue
				}
			}
			if jc.Deprecated {
				if _, ok := LookupDeprecated(jc.Name); !ok {
					t.Errorf("%s is deprecated in JSON", jc.Name)
				}
			}
		}
	}
	// Every Go key is in the JSON: non-attributes in "keys", attributes in
	// some class. kSecAttrPersistentReference is only in secitem-facts.md §1.7.
	classAttr := map[string]bool{}
	for _, jc := range doc.Classes {
		for _, a := range jc.Attributes {
			classAttr[a.Name] = true
		}
	}
	for _, k := range AllKeys() {
		if k.Kind == KindAttr {
			if !classAttr[k.Name] && k.Name != "kSecAttrPersistentReference" {
				t.Errorf("Go attribute %s is in no JSON class", k.Name)
			}
		} else if !inJSON[k.Name] {
			t.Errorf("Go key %s not in JSON keys", k.Name)
		}
	}
}

// TestSchemaDeprecated checks the deprecation list both ways.
func TestSchemaDeprecated(t *testing.T) {
	doc := loadSchema(t)
	ident := regexp.MustCompile(`^k\w+$`)
	jsonNames := map[string]bool{}
	for _, jd := range doc.Deprecated {
		jsonNames[jd.Name] = true
		d, ok := LookupDeprecated(jd.Name)
		if !ok {
			t.Errorf("JSON deprecated %s missing", jd.Name)
			continue
		}
		if ident.MatchString(jd.Replacement) && d.Replacement != jd.Replacement {
			t.Errorf("%s: Replacement %q, JSON %q", jd.Name, d.Replacement, jd.Replacement)
		}
		if jd.Short != "" {
			k, isKey := LookupKey(jd.Name)
			v, isValue := LookupValue(jd.Name)
			if !(isKey && k.Short == jd.Short) && !(isValue && v.Short == jd.Short) {
				t.Errorf("%s: short %q does not match the tables", jd.Name, jd.Short)
			}
		}
	}
	for _, d := range Deprecations() {
		if !jsonNames[d.Name] {
			t.Errorf("Go deprecation %s not in JSON", d.Name)
		}
	}
}

// TestSchemaErrors checks the status codes both ways.
func TestSchemaErrors(t *testing.T) {
	doc := loadSchema(t)
	jsonNames := map[string]bool{"noErr": true}
	for name, code := range doc.Errors {
		name = strings.TrimSuffix(name, " (private)")
		jsonNames[name] = true
		if got, ok := StatusCode(name); !ok || got != code {
			t.Errorf("StatusCode(%q) = %d, %v; JSON %d", name, got, ok, code)
		}
		if StatusName(code) != name {
			t.Errorf("StatusName(%d) = %q, JSON name %q", code, StatusName(code), name)
		}
	}
	for name, raw := range doc.ParamAliases {
		var historic int
		if json.Unmarshal(raw, &historic) != nil {
			continue // "comment", "also"
		}
		jsonNames[name] = true
		if got, ok := StatusCode(name); !ok || got != ErrSecParam {
			t.Errorf("StatusCode(%q) = %d, %v; want errSecParam (historic %d)", name, got, ok, historic)
		}
	}
	if also := string(doc.ParamAliases["also"]); strings.Contains(also, "errSecUnsupportedOperation") {
		jsonNames["errSecUnsupportedOperation"] = true
	}
	for name := range statusCodes {
		if !jsonNames[name] {
			t.Errorf("Go status %s not in JSON", name)
		}
	}
}
