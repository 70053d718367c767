package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// A read that asks for the item's data alone (kSecReturnData true, no
// other kSecReturn* key, at most one match) writes a CFData to its result
// where it succeeds and leaves the result as it was, nil, where it fails
// (see ResultUse). So `guard status == errSecSuccess, let data = out as?
// Data else { return nil }` fails only where the read did: the cast is no
// second way to fail after a success, and a helper written so is an
// existence check through its optional result.

// resultNilSplit narrows the read whose result v is, bound through e (`out
// as? Data` or `out` itself), in the states where the binding succeeded
// (t: the read succeeded) and failed (f: it did not). It does nothing for
// other reads, results and casts.
func (a *interp) resultNilSplit(e model.Expr, v Value, t, f *state) (*state, *state) {
	if v.Kind != VResult || len(v.Status) != 1 || !a.dataOnlyCast(e) {
		return t, f
	}
	id := v.Status[0]
	fact := a.callFor[id]
	if fact == nil || fact.Op != model.OpRead || !returnsDataOnly(fact.Dict) {
		return t, f
	}
	if cur, ok := t.status.get(id); ok && !t.dead {
		t.status.set(id, (cur&^(AnyStatus&^Success))|Tested)
		if (cur & Success) == 0 {
			t = deadState()
		}
	}
	if cur, ok := f.status.get(id); ok && !f.dead {
		f.status.set(id, (cur&^Success)|Tested)
		if (cur &^ Success).Outcomes() == 0 {
			f = deadState()
		}
	}
	return t, f
}

// dataOnlyCast reports whether e is a result variable, or its conditional
// cast to Data, which a CFData passes.
func (a *interp) dataOnlyCast(e model.Expr) bool {
	switch x := e.(type) {
	case *model.Ident:
		return true
	case *model.Cast:
		if x.Kind != model.CastConditional || (x.Type != "Data" && x.Type != "NSData") {
			return false
		}
		_, ok := x.X.(*model.Ident)
		return ok
	}
	return false
}

// returnsDataOnly reports whether a read query asks for the data of one
// item and nothing else: kSecReturnData true on every path, no other
// kSecReturn* key, kSecMatchLimit absent or kSecMatchLimitOne.
func returnsDataOnly(d *DictState) bool {
	if d == nil || !d.Complete {
		return false
	}
	e, ok := d.Lookup("kSecReturnData")
	if !ok || !e.Must {
		return false
	}
	if c, ok := e.Value(); !ok || c.Bool != 1 {
		return false
	}
	for _, k := range []string{"kSecReturnAttributes", "kSecReturnRef", "kSecReturnPersistentRef"} {
		if _, ok := d.Lookup(k); ok {
			return false
		}
	}
	if e, ok := d.Lookup("kSecMatchLimit"); ok {
		if c, ok := e.Value(); !ok || c.Ident != "kSecMatchLimitOne" {
			return false
		}
	}
	return true
}
