package flow

import (
	"sort"

	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// objID identifies an abstract dictionary object: its allocation site.
type objID int

// callID identifies a SecItem call (or a wrapper call) within one
// function analysis.
type callID int

// Entry is one key of an abstract dictionary.
type Entry struct {
	// Key is the keychain constant, nil for a string key keychainlint does
	// not know (a raw string that is not a SecItem key).
	Key *keychain.Key
	// Name is the key as the developer wrote it: the constant name, or the
	// raw string in quotes.
	Name string
	// Must is true when the key is present on every path to this point.
	Must bool
	// Platforms are the platforms on which the key may be present (a key
	// written inside #if os(macOS) is present only on macOS).
	Platforms model.Platform
	// Values are the constants the key may hold; UnknownValue marks that
	// it may also hold something else.
	Values       []Const
	UnknownValue bool
	// Sites are where the key was written (the key expression), and
	// SitePlatforms the platforms on which each of those writes reaches
	// here (a key written in both branches of #if os(macOS) / #else has
	// one site per branch).
	Sites         []Site
	SitePlatforms []model.Platform
	// ValueText is the source text of the value expression when the value
	// is not a known constant ("account", "self.service"), "" when the
	// paths disagree or the value came from elsewhere; with ValueSite it
	// lets rules tell whether two dictionaries name the same item.
	ValueText string
	ValueSite Site
	// ValueParam is the parameter of the analysed function the value came
	// from (-1 when none): callers substitute their argument.
	ValueParam int
	// ValueDerived describes the value when a pure helper computed it
	// from parameters and constants (see Derived).
	ValueDerived *Derived
	// NilBox is where a Swift Optional that may be nil was boxed into Any
	// as the value (see valuetypes.go), on some path; Swift bridges nil
	// to NSNull. ValueType is the declared nominal type of a value that
	// is not a known constant ("Bool", "Int"), "" when unknown or when
	// the paths disagree.
	NilBox    Site
	ValueType string
	// Literal is set when the key was written by a dictionary literal
	// entry: the whole entry (key: value) and the key expression as
	// written (casts included), for suggested fixes.
	Literal, KeyExpr Site
}

// Value returns the entry's value when it is one known constant.
func (e *Entry) Value() (Const, bool) {
	if e.UnknownValue || len(e.Values) != 1 {
		return Const{}, false
	}
	return e.Values[0], true
}

func (e *Entry) clone() *Entry {
	c := *e
	c.Values = append([]Const(nil), e.Values...)
	c.Sites = append([]Site(nil), e.Sites...)
	c.SitePlatforms = append([]model.Platform(nil), e.SitePlatforms...)
	return &c
}

// Obj is an abstract dictionary object.
type Obj struct {
	ID      objID
	Entries map[string]*Entry // by canonical key (see keyID)
	// Complete is false when something unknown may have added keys: a
	// parameter, an unresolved helper, a merge of an unknown dictionary,
	// a key that could not be resolved.
	Complete bool
	// Ref marks reference types (NSMutableDictionary, NSDictionary,
	// CFDictionaryRef): assignment aliases instead of copying.
	Ref bool
	// Param is the index of the parameter this object came from, or -1.
	Param int
	// Alloc is where the dictionary was created.
	Alloc Site
	// Build is how it was made (see Build).
	Build Build
	// gen is the generation of the state that may change the object in
	// place (see state); 0 for none.
	gen uint64
	// uses are the SecItem calls that received this object so far
	// (shared, see uses.go).
	uses objUses
	// Writes are the changes made to the object (with a sequence number
	// to order them against Uses).
	Writes []Write
	// Removed are keys removed from a parameter dictionary (for wrapper
	// summaries).
	Removed map[string]bool
}

// Use is an earlier SecItem call that received an object.
type Use struct {
	Fact *CallFact
	Role model.Role
	// Seq is the write sequence number at the time of the call: writes
	// with a larger Seq happened after it.
	Seq int
	// Snapshot is the dictionary as the call received it.
	Snapshot *DictState
}

// Write is a change made to a dictionary.
type Write struct {
	Seq  int
	Site Site
	Key  string // canonical key, "" for merges and removeAll
	Name string // the key as written
}

func newObj(id objID, site Site, ref bool) *Obj {
	return &Obj{ID: id, Entries: map[string]*Entry{}, Complete: true, Ref: ref, Param: -1, Alloc: site}
}

// clone returns a copy of o that changes independently of it. Entries are
// immutable once they are in an object (every change replaces the entry),
// so the copy shares them and copies only the map; the writes are shared
// too, behind a full slice expression (an append to either reallocates or
// writes past the other's end).
func (o *Obj) clone() *Obj {
	c := *o
	c.gen = 0
	c.Entries = make(map[string]*Entry, len(o.Entries))
	for k, e := range o.Entries {
		c.Entries[k] = e
	}
	c.Writes = o.Writes[:len(o.Writes):len(o.Writes)]
	if o.Removed != nil {
		c.Removed = make(map[string]bool, len(o.Removed))
		for k, v := range o.Removed {
			c.Removed[k] = v
		}
	}
	return &c
}

// maybe returns e with Must false: e itself when it already is, else a
// copy (entries are immutable).
func maybe(e *Entry) *Entry {
	if !e.Must {
		return e
	}
	c := *e
	c.Must = false
	return &c
}

// narrowed returns e restricted to the platforms p (see narrow): e itself
// when that changes nothing.
func narrowed(e *Entry, p model.Platform) *Entry {
	same := e.Platforms&p == e.Platforms
	for _, sp := range e.SitePlatforms {
		same = same && sp&p == sp
	}
	if same {
		return e
	}
	c := e.clone()
	c.narrow(p)
	return c
}

// joinEntries merges the entries of one key from two paths. Neither is
// changed; an entry both paths share is kept as it is.
func joinEntries(ae, be *Entry) *Entry {
	if ae == be {
		return ae
	}
	c := *ae
	c.Must = ae.Must && be.Must
	c.Platforms |= be.Platforms
	c.UnknownValue = ae.UnknownValue || be.UnknownValue
	c.Values = joinConsts(ae.Values, be.Values)
	if len(c.Values) > maxConsts {
		c.Values, c.UnknownValue = nil, true
	}
	c.Sites, c.SitePlatforms = unionSites(ae.Sites, ae.SitePlatforms, be.Sites, be.SitePlatforms)
	if ae.ValueText != be.ValueText || ae.ValueSite != be.ValueSite {
		c.ValueText, c.ValueSite = "", Site{}
	}
	if ae.ValueParam != be.ValueParam {
		c.ValueParam = -1
	}
	if !ae.ValueDerived.Equal(be.ValueDerived) {
		c.ValueDerived = nil
	}
	c.NilBox, c.ValueType = joinNilBox(ae.NilBox, be.NilBox), joinValueType(ae.ValueType, be.ValueType)
	if ae.Literal != be.Literal {
		c.Literal, c.KeyExpr = Site{}, Site{}
	}
	return &c
}

// joinObj merges the states of one object from two paths into a new
// object; neither input changes.
func joinObj(a, b *Obj) *Obj {
	out := *a
	out.gen = 0
	out.Complete = a.Complete && b.Complete
	if a.Build != b.Build {
		out.Build = Build{}
	}
	out.Entries = make(map[string]*Entry, len(a.Entries))
	for k, ae := range a.Entries {
		if be, ok := b.Entries[k]; ok {
			out.Entries[k] = joinEntries(ae, be)
		} else {
			out.Entries[k] = maybe(ae)
		}
	}
	for k, be := range b.Entries {
		if _, ok := a.Entries[k]; !ok {
			out.Entries[k] = maybe(be)
		}
	}
	out.uses = unionUses(a.uses, b.uses)
	out.Writes = joinWrites(a.Writes, b.Writes)
	out.Removed = nil
	for _, m := range []map[string]bool{a.Removed, b.Removed} {
		for k, v := range m {
			if out.Removed == nil {
				out.Removed = map[string]bool{}
			}
			out.Removed[k] = out.Removed[k] || v
		}
	}
	if a.Removed != nil && out.Removed == nil {
		out.Removed = map[string]bool{}
	}
	return &out
}

// joinWrites returns the writes of both lists (a's where both have a
// sequence number), ordered by sequence number. Two paths that parted
// after the last write share their list: it is kept, not copied.
func joinWrites(a, b []Write) []Write {
	longer := a
	if len(b) > len(a) {
		longer = b
	}
	// An empty list, or one that is a prefix of the other (the same
	// backing array: elements before a list's end are never written
	// again).
	prefix := len(a) == 0 || len(b) == 0 || &a[0] == &b[0]
	if prefix && sortedWrites(longer) {
		return longer[:len(longer):len(longer)]
	}
	out := append([]Write(nil), a...)
	for _, w := range b {
		found := false
		for _, v := range out {
			if v.Seq == w.Seq {
				found = true
				break
			}
		}
		if !found {
			out = append(out, w)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

// sortedWrites reports whether the writes are in strictly increasing
// sequence order (as every object's are: sorting them again changes
// nothing).
func sortedWrites(w []Write) bool {
	for i := 1; i < len(w); i++ {
		if w[i-1].Seq >= w[i].Seq {
			return false
		}
	}
	return true
}

func joinConsts(a, b []Const) []Const {
	out := append([]Const(nil), a...)
	for _, c := range b {
		found := false
		for _, d := range out {
			if c.same(d) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, c)
		}
	}
	return out
}

// unionSites merges two site lists with their platforms.
func unionSites(a []Site, ap []model.Platform, b []Site, bp []model.Platform) ([]Site, []model.Platform) {
	out := append([]Site(nil), a...)
	plats := make([]model.Platform, len(a))
	for i := range a {
		plats[i] = platAt(ap, i)
	}
	for j, s := range b {
		found := false
		for i, t := range out {
			if s == t {
				plats[i] |= platAt(bp, j)
				found = true
				break
			}
		}
		if !found {
			out = append(out, s)
			plats = append(plats, platAt(bp, j))
		}
	}
	return out, plats
}

func platAt(p []model.Platform, i int) model.Platform {
	if i < len(p) {
		return p[i]
	}
	return model.AllPlatforms
}

// SitePlatform returns the platforms on which the i-th site's write
// reaches the call.
func (e *Entry) SitePlatform(i int) model.Platform {
	if i < len(e.SitePlatforms) {
		return e.SitePlatforms[i] & e.Platforms
	}
	return e.Platforms
}

// narrow restricts the entry to the platforms p (a path whose scope is p).
func (e *Entry) narrow(p model.Platform) {
	e.Platforms &= p
	for i := range e.SitePlatforms {
		e.SitePlatforms[i] &= p
	}
}

// DictState is what a SecItem call received: an immutable snapshot of an
// abstract dictionary (joined over every path that reaches the call, and
// over every object the argument may be).
type DictState struct {
	Entries  map[string]*Entry
	Complete bool
	// Ref, Param and Alloc describe the object (of the first object when
	// several).
	Ref   bool
	Param int
	Alloc Site
	// Build is how the dictionary was made, zero when the objects or the
	// paths disagree (see Build).
	Build Build
	// Objs are the object identities.
	Objs []objID
}

// Lookup returns the entry for a keychain key constant name
// ("kSecAttrAccount") or raw key.
func (d *DictState) Lookup(name string) (*Entry, bool) {
	if d == nil {
		return nil, false
	}
	e, ok := d.Entries[keyIDForName(name)]
	return e, ok
}

// Keys returns the entries sorted by the position of their first site,
// then name, so that reports come out in source order.
func (d *DictState) Keys() []*Entry {
	if d == nil {
		return nil
	}
	out := make([]*Entry, 0, len(d.Entries))
	for _, e := range d.Entries {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a.Sites) > 0 && len(b.Sites) > 0 && a.Sites[0] != b.Sites[0] {
			if a.Sites[0].File != b.Sites[0].File && a.Sites[0].File != nil && b.Sites[0].File != nil {
				return a.Sites[0].File.Path < b.Sites[0].File.Path
			}
			return a.Sites[0].Span.Start < b.Sites[0].Span.Start
		}
		return a.Name < b.Name
	})
	return out
}

// Class returns the item class of the dictionary when kSecClass holds one
// known class constant on every path.
func (d *DictState) Class() (*keychain.Class, bool) {
	e, ok := d.Lookup("kSecClass")
	if !ok || !e.Must {
		return nil, false
	}
	c, ok := e.Value()
	if !ok {
		return nil, false
	}
	name := c.Ident
	if c.IsStr {
		name = c.Str
	}
	return keychain.LookupClass(name)
}

// snapshot turns objects into a DictState.
func snapshot(objs []*Obj) *DictState { return snapshotOf(objs, false) }

// snapshotOf is snapshot; with share, the snapshot of one object holds the
// object's own map, which the caller must then freeze (see freeze).
func snapshotOf(objs []*Obj, share bool) *DictState {
	if len(objs) == 0 {
		return nil
	}
	o := objs[0]
	for _, p := range objs[1:] {
		o = joinObj(o, p)
	}
	if len(objs) == 1 && !share {
		// A copy of the map: the object may change after the call.
		o = o.clone()
	}
	d := &DictState{Entries: o.Entries, Complete: o.Complete, Ref: o.Ref, Param: o.Param, Alloc: o.Alloc, Build: o.Build}
	for _, p := range objs {
		d.Objs = append(d.Objs, p.ID)
	}
	return d
}

// joinDictStates merges what a call received on two visits (loops).
func joinDictStates(a, b *DictState) *DictState {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	oa := &Obj{Entries: a.Entries, Complete: a.Complete, Ref: a.Ref, Param: a.Param, Alloc: a.Alloc, Build: a.Build}
	ob := &Obj{Entries: b.Entries, Complete: b.Complete, Build: b.Build}
	j := joinObj(oa, ob)
	return &DictState{Entries: j.Entries, Complete: j.Complete, Ref: a.Ref, Param: a.Param, Alloc: a.Alloc, Build: j.Build, Objs: unionIDs(a.Objs, b.Objs)}
}

// keyID is the canonical identity of a key: the runtime string for
// keychain constants (kSecAttrType and kSecAttrKeyType are the same key,
// "type"), the raw string otherwise.
func keyID(k *keychain.Key, raw string) string {
	if k != nil {
		return k.Short
	}
	return "raw:" + raw
}

func keyIDForName(name string) string {
	if k, ok := keychain.LookupKey(name); ok {
		return k.Short
	}
	if k, ok := keychain.LookupShort(name); ok {
		return k.Short
	}
	return "raw:" + name
}

// joinNilBox keeps a boxed Optional of either path (it may be nil on
// that one).
func joinNilBox(a, b Site) Site {
	if a.File != nil {
		return a
	}
	return b
}

// joinValueType keeps a declared type both paths agree on.
func joinValueType(a, b string) string {
	if a != b {
		return ""
	}
	return a
}
