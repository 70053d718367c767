package flow

import "github.com/keychainlint/keychainlint/analyzer/keychain"

// Classes returns the item classes kSecClass may hold when it is set on
// every path to known class constants: one, or several when the value
// comes from a loop over a literal array of classes (see bindForIn).
func (d *DictState) Classes() ([]*keychain.Class, bool) {
	e, ok := d.Lookup("kSecClass")
	if !ok || !e.Must || e.UnknownValue || len(e.Values) == 0 {
		return nil, false
	}
	var out []*keychain.Class
	for _, c := range e.Values {
		name := c.Ident
		if c.IsStr {
			name = c.Str
		}
		cl, ok := keychain.LookupClass(name)
		if !ok {
			return nil, false
		}
		out = append(out, cl)
	}
	return out, true
}
