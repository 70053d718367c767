package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// The model is a graph, not a tree: Func.File and Func.Parent point back
// up, a Closure's Func is reached from an expression, and a SecItemCall
// holds the very Call (and argument expressions) the generic syntax
// holds. The flow engine keys state by node pointers, so a decoded model
// must share exactly where the lowered one did. encoding/gob and JSON
// duplicate shared values (and loop on cycles); this codec walks the
// model by reflection and writes every pointer once, with back
// references for the later occurrences.
//
// Pointers: 0 nil, 1 a new value (its contents follow; it gets the next
// id), 2+id a back reference. Interfaces: 0 nil, else 1 + the concrete
// type's index in nodeTypes, then the pointer. Slices and maps: 0 nil,
// else 1 + length. Integers are varints, strings length-prefixed.

// nodeTypes are the concrete types that model.Expr, model.Stmt and
// model.Node values may hold; their order is part of the format (and of
// schemaHash).
var nodeTypes = []reflect.Type{
	reflect.TypeFor[*model.Ident](), reflect.TypeFor[*model.StringLit](), reflect.TypeFor[*model.NumberLit](),
	reflect.TypeFor[*model.BoolLit](), reflect.TypeFor[*model.NilLit](), reflect.TypeFor[*model.DictLit](),
	reflect.TypeFor[*model.DictEntry](), reflect.TypeFor[*model.ArrayLit](), reflect.TypeFor[*model.Call](),
	reflect.TypeFor[*model.Arg](), reflect.TypeFor[*model.Member](), reflect.TypeFor[*model.Index](),
	reflect.TypeFor[*model.Cast](), reflect.TypeFor[*model.Unary](), reflect.TypeFor[*model.Binary](),
	reflect.TypeFor[*model.Ternary](), reflect.TypeFor[*model.Closure](), reflect.TypeFor[*model.OptionalBind](),
	reflect.TypeFor[*model.Unknown](), reflect.TypeFor[*model.SecItemCall](), reflect.TypeFor[*model.DictOp](),
	reflect.TypeFor[*model.NewDict](), reflect.TypeFor[*model.StatusCmp](), reflect.TypeFor[*model.Decl](),
	reflect.TypeFor[*model.Assign](), reflect.TypeFor[*model.ExprStmt](), reflect.TypeFor[*model.If](),
	reflect.TypeFor[*model.Guard](), reflect.TypeFor[*model.Switch](), reflect.TypeFor[*model.Case](),
	reflect.TypeFor[*model.Loop](), reflect.TypeFor[*model.Return](), reflect.TypeFor[*model.Throw](),
	reflect.TypeFor[*model.Break](), reflect.TypeFor[*model.Continue](), reflect.TypeFor[*model.Fallthrough](),
	reflect.TypeFor[*model.Block](), reflect.TypeFor[*model.Try](), reflect.TypeFor[*model.IfConfig](),
}

// nodeImpl tells, for the model's node interfaces, which of nodeTypes
// implement each: reflect's Implements, asked for every interface value
// decoded, was a tenth of a warm run's decoding.
var nodeImpl = func() map[reflect.Type][]bool {
	m := map[reflect.Type][]bool{}
	for _, it := range []reflect.Type{reflect.TypeFor[model.Expr](), reflect.TypeFor[model.Stmt](), reflect.TypeFor[model.Node]()} {
		for _, t := range nodeTypes {
			m[it] = append(m[it], t.Implements(it))
		}
	}
	return m
}()

// implements reports whether nodeTypes[i] implements the interface type t.
func implements(i int, t reflect.Type) bool {
	if impl, ok := nodeImpl[t]; ok {
		return impl[i]
	}
	return nodeTypes[i].Implements(t)
}

var nodeIndex = func() map[reflect.Type]int {
	m := map[reflect.Type]int{}
	for i, t := range nodeTypes {
		m[t] = i
	}
	return m
}()

// skipped are the fields not stored: File.Src is the content the entry is
// keyed by (the caller has it), and File.Project comes from the project
// files, which change independently of the source (re-attached after
// loading, see driver/cache.go).
func skipped(t reflect.Type, i int) bool {
	return t == reflect.TypeFor[model.File]() && (t.Field(i).Name == "Src" || t.Field(i).Name == "Project")
}

// schemaHash describes the model's types (every field's name and type,
// the node types in order); an entry written by a binary with another
// model is never decoded (it is part of every key).
var schemaHash = func() [32]byte {
	var b strings.Builder
	seen := map[reflect.Type]bool{}
	var describe func(t reflect.Type)
	describe = func(t reflect.Type) {
		fmt.Fprintf(&b, "%s:%s(", t.String(), t.Kind())
		defer b.WriteString(")")
		if seen[t] {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			describe(t.Elem())
		case reflect.Map:
			describe(t.Key())
			describe(t.Elem())
		case reflect.Struct:
			for i := 0; i < t.NumField(); i++ {
				if !skipped(t, i) {
					b.WriteString(t.Field(i).Name + " ")
					describe(t.Field(i).Type)
				}
			}
		}
	}
	describe(reflect.TypeFor[model.File]())
	for _, t := range nodeTypes {
		describe(t)
	}
	return sha256.Sum256([]byte(b.String()))
}()

type ptrKey struct {
	t reflect.Type
	p uintptr
}

type encoder struct {
	buf  []byte
	ptrs map[ptrKey]uint64
	// canonical writes an empty slice or map as nil (Fingerprint): a
	// key must not tell apart values that mean the same, such as facts
	// that went through encoding/gob (which decodes an empty slice as
	// nil) and the same facts freshly parsed.
	canonical bool
}

// encodeFile serialises f (without Src and Project).
func encodeFile(f *model.File) (data []byte, err error) {
	// Two parts: the file without its functions, then the functions. A
	// run whose findings come from the cache needs only the first (the
	// comments, spans and parse errors that reports and suppressions
	// read), so it can leave the second undecoded. Nothing in the first
	// points into the second; the functions point back to the file
	// (Func.File), which is the second part's pointer 0.
	head := *f
	head.Funcs = nil
	e := &encoder{ptrs: map[ptrKey]uint64{}}
	if err := e.value(reflect.ValueOf(&head)); err != nil {
		return nil, err
	}
	body := &encoder{ptrs: map[ptrKey]uint64{{reflect.TypeFor[*model.File](), reflect.ValueOf(f).Pointer()}: 0}}
	if err := body.value(reflect.ValueOf(f.Funcs)); err != nil {
		return nil, err
	}
	data = binary.AppendUvarint(make([]byte, 0, len(e.buf)+len(body.buf)+binary.MaxVarintLen64), uint64(len(e.buf)))
	data = append(data, e.buf...)
	return append(data, body.buf...), nil
}

func (e *encoder) uint(u uint64) { e.buf = binary.AppendUvarint(e.buf, u) }

func (e *encoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			e.buf = append(e.buf, 1)
		} else {
			e.buf = append(e.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = binary.AppendVarint(e.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		e.uint(math.Float64bits(v.Float()))
	case reflect.String:
		e.uint(uint64(v.Len()))
		e.buf = append(e.buf, v.String()...)
	case reflect.Slice:
		if v.IsNil() || e.canonical && v.Len() == 0 {
			e.uint(0)
			return nil
		}
		e.uint(uint64(v.Len()) + 1)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			e.buf = append(e.buf, v.Bytes()...)
			return nil
		}
		for i := 0; i < v.Len(); i++ {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.IsNil() || e.canonical && v.Len() == 0 {
			e.uint(0)
			return nil
		}
		e.uint(uint64(v.Len()) + 1)
		keys := v.MapKeys()
		if err := sortKeys(keys); err != nil {
			return err
		}
		for _, k := range keys {
			if err := e.value(k); err != nil {
				return err
			}
			if err := e.value(v.MapIndex(k)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if skipped(t, i) {
				continue
			}
			if !t.Field(i).IsExported() {
				return fmt.Errorf("cache: unexported field %s.%s", t, t.Field(i).Name)
			}
			if err := e.value(v.Field(i)); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			e.uint(0)
			return nil
		}
		k := ptrKey{v.Type(), v.Pointer()}
		if id, ok := e.ptrs[k]; ok {
			e.uint(id + 2)
			return nil
		}
		e.ptrs[k] = uint64(len(e.ptrs))
		e.uint(1)
		return e.value(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			e.uint(0)
			return nil
		}
		c := v.Elem()
		i, ok := nodeIndex[c.Type()]
		if !ok {
			return fmt.Errorf("cache: unregistered node type %s", c.Type())
		}
		e.uint(uint64(i) + 1)
		return e.value(c)
	default:
		return fmt.Errorf("cache: cannot encode %s", v.Type())
	}
	return nil
}

func sortKeys(keys []reflect.Value) error {
	if len(keys) == 0 {
		return nil
	}
	switch keys[0].Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Uint() < keys[j].Uint() })
	case reflect.String:
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	default:
		return fmt.Errorf("cache: cannot encode map key %s", keys[0].Type())
	}
	return nil
}

var errCorrupt = errors.New("cache: corrupt entry")

type decoder struct {
	buf  []byte
	ptrs []reflect.Value
}

// decodeFile is the inverse of encodeFile; src becomes the File's Src.
// Entries are checksummed before they are decoded, but the decoder still
// trusts nothing: every length is checked against the bytes left.
func decodeFile(data, src []byte) (*model.File, error) {
	f, body, err := decodeHead(data, src)
	if err != nil {
		return nil, err
	}
	if f.Funcs, err = decodeFuncs(body, f); err != nil {
		return nil, err
	}
	return f, nil
}

// decodeHead decodes the file without its functions and returns the
// encoded functions for decodeFuncs.
func decodeHead(data, src []byte) (*model.File, []byte, error) {
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) {
		return nil, nil, errCorrupt
	}
	head, body := data[k:k+int(n)], data[k+int(n):]
	// A pointer is written in at least two bytes: room for the ids
	// without growing the table many times over.
	d := &decoder{buf: head, ptrs: make([]reflect.Value, 0, len(head)/16)}
	v := reflect.New(reflect.TypeFor[*model.File]()).Elem()
	if err := d.value(v); err != nil {
		return nil, nil, err
	}
	if len(d.buf) != 0 || v.IsNil() {
		return nil, nil, errCorrupt
	}
	f := v.Interface().(*model.File)
	if f.Funcs != nil {
		return nil, nil, errCorrupt
	}
	f.Src = src
	return f, body, nil
}

// decodeFuncs decodes the functions of f (see encodeFile).
func decodeFuncs(body []byte, f *model.File) ([]*model.Func, error) {
	d := &decoder{buf: body, ptrs: append(make([]reflect.Value, 0, len(body)/16+1), reflect.ValueOf(f))}
	v := reflect.New(reflect.TypeFor[[]*model.Func]()).Elem()
	if err := d.value(v); err != nil {
		return nil, err
	}
	if len(d.buf) != 0 {
		return nil, errCorrupt
	}
	return v.Interface().([]*model.Func), nil
}

func (d *decoder) uint() (uint64, error) {
	u, n := binary.Uvarint(d.buf)
	if n <= 0 {
		return 0, errCorrupt
	}
	d.buf = d.buf[n:]
	return u, nil
}

// length reads a length that must fit in the remaining bytes (every
// element takes at least one byte).
func (d *decoder) length(u uint64) (int, error) {
	if u > uint64(len(d.buf)) {
		return 0, errCorrupt
	}
	return int(u), nil
}

func (d *decoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		if len(d.buf) == 0 || d.buf[0] > 1 {
			return errCorrupt
		}
		v.SetBool(d.buf[0] == 1)
		d.buf = d.buf[1:]
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, n := binary.Varint(d.buf)
		if n <= 0 || v.OverflowInt(i) {
			return errCorrupt
		}
		d.buf = d.buf[n:]
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := d.uint()
		if err != nil || v.OverflowUint(u) {
			return errCorrupt
		}
		v.SetUint(u)
	case reflect.Float32, reflect.Float64:
		u, err := d.uint()
		if err != nil {
			return err
		}
		v.SetFloat(math.Float64frombits(u))
	case reflect.String:
		u, err := d.uint()
		if err != nil {
			return err
		}
		n, err := d.length(u)
		if err != nil {
			return err
		}
		v.SetString(string(d.buf[:n]))
		d.buf = d.buf[n:]
	case reflect.Slice:
		u, err := d.uint()
		if err != nil || u == 0 {
			return err
		}
		n, err := d.length(u - 1)
		if err != nil {
			return err
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			reflect.Copy(s, reflect.ValueOf(d.buf[:n]))
			d.buf = d.buf[n:]
		} else {
			for i := 0; i < n; i++ {
				if err := d.value(s.Index(i)); err != nil {
					return err
				}
			}
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := d.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		u, err := d.uint()
		if err != nil || u == 0 {
			return err
		}
		n, err := d.length(u - 1)
		if err != nil {
			return err
		}
		m := reflect.MakeMapWithSize(v.Type(), n)
		for i := 0; i < n; i++ {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			if err := d.value(k); err != nil {
				return err
			}
			if err := d.value(e); err != nil {
				return err
			}
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if skipped(t, i) {
				continue
			}
			if err := d.value(v.Field(i)); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		u, err := d.uint()
		if err != nil {
			return err
		}
		switch {
		case u == 0:
			return nil
		case u == 1:
			p := reflect.New(v.Type().Elem())
			d.ptrs = append(d.ptrs, p)
			v.Set(p)
			return d.value(p.Elem())
		}
		id := u - 2
		if id >= uint64(len(d.ptrs)) || d.ptrs[id].Type() != v.Type() {
			return errCorrupt
		}
		v.Set(d.ptrs[id])
	case reflect.Interface:
		u, err := d.uint()
		if err != nil || u == 0 {
			return err
		}
		if u > uint64(len(nodeTypes)) || !implements(int(u-1), v.Type()) {
			return errCorrupt
		}
		p := reflect.New(nodeTypes[u-1]).Elem()
		if err := d.value(p); err != nil {
			return err
		}
		v.Set(p)
	default:
		return fmt.Errorf("cache: cannot decode %s", v.Type())
	}
	return nil
}

// Fingerprint encodes v (any value the model codec can represent) for a
// cache key: equal values give equal bytes (maps are written in key
// order), and an empty slice or map the bytes of a nil one.
func Fingerprint(v any) ([]byte, error) {
	e := &encoder{ptrs: map[ptrKey]uint64{}, canonical: true}
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return []byte{0}, nil
	}
	e.buf = append(e.buf, rv.Type().String()...)
	if err := e.value(rv); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// SchemaHash identifies the model's types (see schemaHash) for keys of
// entries derived from models.
func SchemaHash() []byte { return schemaHash[:] }
