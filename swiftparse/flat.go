package swiftparse

// #include "flat.h"
import "C"

import (
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// Lowering visits every node of a tree, often several times. Through the
// Go binding each visit costs a cgo call, a map insert in the tree's node
// cache and a string per Type(): about 1.35 µs a node, more than parsing.
// So each tree is copied once, in C (flat.c), into a flat Go slice, and
// lowering reads that: a node is a *node into the slice, with the methods
// of *sitter.Node that lowering uses, answering exactly as they do.

// point is a row and column (in bytes), as tree-sitter counts them.
type point struct {
	Row, Column uint32
}

// node is one node of a flat tree.
type node struct {
	t    *flatTree
	raw  C.kl_node
	self int32
	// named lists the named children: flatTree.named[namedFirst:][:namedCount].
	namedFirst, namedCount uint32
}

// flatTree is a syntax tree copied out of tree-sitter. It is valid while
// its sitter tree is open and until its scratch is used for another tree.
type flatTree struct {
	nodes []node
	named []int32
	lang  *langTables
	// raw and ts are what the C walk filled in (the scratch's buffers)
	// and tree is the tree they come from, for the two questions the copy
	// does not answer (ChildByFieldName, and FieldNameForChild of a
	// comment: see there). The flat tree is used only while tree is open
	// and before the scratch is used again (gen tells).
	raw     []C.kl_node
	ts      []C.kl_ts
	tree    *sitter.Tree
	scratch *flatScratch
	gen     uint64
}

// flatScratch holds the buffers the C walk fills, reused from file to file.
// A flat tree's nodes and named lists are the scratch's too: lowering
// keeps no node once a file is lowered.
type flatScratch struct {
	raw   []C.kl_node
	ts    []C.kl_ts
	nodes []node
	named []int32
	gen   uint64 // counts the walks
	// busy tells that a flat tree made with the buffers may be in use
	// (until done): flatten then makes new ones instead.
	busy bool
}

// maxKeptScratch bounds the buffers a flatScratch keeps for the next file
// (in nodes, about 90 bytes each): one file of a million nodes would
// otherwise keep 90 MB per worker for the rest of the run.
const maxKeptScratch = 1 << 16

// done tells that the flat tree made last with s is no longer used, so
// that its buffers can be reused; it drops buffers larger than
// maxKeptScratch.
func (s *flatScratch) done() {
	s.busy = false
	if len(s.raw) > maxKeptScratch {
		s.raw, s.ts = nil, nil
	}
	if cap(s.nodes) > maxKeptScratch {
		s.nodes, s.named = nil, nil
	}
}

// langTables are a language's node kinds and field names, read once.
type langTables struct {
	kinds   []string // by symbol
	errKind string   // ts_builtin_sym_error
	fields  []string // by field id; "" for 0
	fieldID map[string]uint16
}

var (
	langMu     sync.Mutex
	langTabled = map[*sitter.Language]*langTables{}
)

func tablesFor(lang *sitter.Language) *langTables {
	langMu.Lock()
	defer langMu.Unlock()
	if t := langTabled[lang]; t != nil {
		return t
	}
	t := &langTables{fieldID: map[string]uint16{}}
	for s := uint32(0); s < lang.SymbolCount(); s++ {
		t.kinds = append(t.kinds, lang.SymbolName(sitter.Symbol(s)))
	}
	t.errKind = lang.SymbolName(sitter.Symbol(0xFFFF))
	t.fields = append(t.fields, "")
	for id := 1; ; id++ {
		name := lang.FieldName(id)
		if name == "" {
			break
		}
		t.fields = append(t.fields, name)
		t.fieldID[name] = uint16(id)
	}
	langTabled[lang] = t
	return t
}

// tsNodeOf returns the C node a *sitter.Node holds (its first field, c).
func tsNodeOf(n *sitter.Node) C.TSNode {
	return *(*C.TSNode)(unsafe.Pointer(n))
}

func init() {
	// tsNodeOf reads an unexported field of the binding: fail at start-up,
	// not with garbage, if an upgrade moves it.
	f := reflect.TypeOf(sitter.Node{}).Field(0)
	if f.Name != "c" || f.Offset != 0 || f.Type.Size() != C.sizeof_TSNode {
		panic("swiftparse: sitter.Node no longer starts with its C.TSNode")
	}
}

// flatten copies tree (of language lang) into a flatTree, in the buffers
// of s unless a flat tree made with them is still in use (s may be nil).
// The tree must stay open while the flat tree is used.
func flatten(tree *sitter.Tree, lang *sitter.Language, s *flatScratch) *flatTree {
	if s == nil || s.busy {
		s = &flatScratch{}
	}
	s.busy = true
	root := tsNodeOf(tree.RootNode())
	var count C.uint32_t
	for {
		if len(s.raw) == 0 {
			s.raw, s.ts = make([]C.kl_node, 1024), make([]C.kl_ts, 1024)
		}
		rc := C.kl_flatten(root, &s.raw[0], &s.ts[0], C.uint32_t(len(s.raw)), &count)
		if rc == C.KL_SHORT {
			// A quarter more than needed, for the next files.
			s.raw = make([]C.kl_node, count+count/4)
			s.ts = make([]C.kl_ts, len(s.raw))
			continue
		}
		if rc != C.KL_OK {
			panic(fmt.Sprintf("swiftparse: flattening a syntax tree failed (%d)", rc))
		}
		break
	}
	s.gen++
	n := int(count)
	if cap(s.nodes) < n {
		s.nodes = make([]node, n+n/4)
	}
	t := &flatTree{nodes: s.nodes[:n], lang: tablesFor(lang), raw: s.raw[:n], ts: s.ts[:n], tree: tree,
		scratch: s, gen: s.gen}
	for i := range t.nodes {
		t.nodes[i] = node{t: t, raw: s.raw[i], self: int32(i)}
	}
	// The named children of each node, consecutive like the children.
	t.named = s.named[:0]
	for i := range t.nodes {
		nd := &t.nodes[i]
		nd.namedFirst = uint32(len(t.named))
		first := int(nd.raw.first_child)
		for j := first; j < first+int(nd.raw.child_count); j++ {
			if t.nodes[j].raw.flags&C.KL_NAMED != 0 {
				t.named = append(t.named, int32(j))
			}
		}
		nd.namedCount = uint32(len(t.named)) - nd.namedFirst
	}
	s.named = t.named
	return t
}

func (t *flatTree) root() *node { return &t.nodes[0] }

// Type is the node's kind (ts_node_type).
func (n *node) Type() string {
	if s := int(n.raw.symbol); s < len(n.t.lang.kinds) {
		return n.t.lang.kinds[s]
	}
	if n.raw.symbol == 0xFFFF {
		return n.t.lang.errKind
	}
	return ""
}

func (n *node) StartByte() uint32 { return uint32(n.raw.start_byte) }
func (n *node) EndByte() uint32   { return uint32(n.raw.end_byte) }

func (n *node) StartPoint() point {
	return point{uint32(n.raw.start_point.row), uint32(n.raw.start_point.column)}
}

func (n *node) EndPoint() point {
	return point{uint32(n.raw.end_point.row), uint32(n.raw.end_point.column)}
}

func (n *node) IsNamed() bool   { return n.raw.flags&C.KL_NAMED != 0 }
func (n *node) IsMissing() bool { return n.raw.flags&C.KL_MISSING != 0 }
func (n *node) IsExtra() bool   { return n.raw.flags&C.KL_EXTRA != 0 }
func (n *node) HasError() bool  { return n.raw.flags&C.KL_HAS_ERROR != 0 }

// IsError reports an ERROR node (ts_node_is_error).
func (n *node) IsError() bool { return n.raw.symbol == 0xFFFF }

func (n *node) ChildCount() uint32      { return uint32(n.raw.child_count) }
func (n *node) NamedChildCount() uint32 { return n.namedCount }

// Child returns the i-th child, or nil.
func (n *node) Child(i int) *node {
	if i < 0 || i >= int(n.raw.child_count) {
		return nil
	}
	return &n.t.nodes[int(n.raw.first_child)+i]
}

// NamedChild returns the i-th named child, or nil.
func (n *node) NamedChild(i int) *node {
	if i < 0 || i >= int(n.namedCount) {
		return nil
	}
	return &n.t.nodes[n.t.named[int(n.namedFirst)+i]]
}

// up is the node's parent in the tree, or nil for the root.
func (n *node) up() *node {
	if n.raw.parent < 0 {
		return nil
	}
	return &n.t.nodes[n.raw.parent]
}

// next is the next child of the node's parent, or nil.
func (n *node) next() *node {
	p := n.up()
	if p == nil || n.self+1 >= int32(p.raw.first_child+p.raw.child_count) {
		return nil
	}
	return &n.t.nodes[n.self+1]
}

// prev is the previous child of the node's parent, or nil.
func (n *node) prev() *node {
	p := n.up()
	if p == nil || n.self <= int32(p.raw.first_child) {
		return nil
	}
	return &n.t.nodes[n.self-1]
}

// Parent, NextSibling and PrevSibling answer as tree-sitter does, which
// for a zero-width (MISSING) node is not always up, next or prev:
// tree-sitter searches from the root by byte offsets and can stop in an
// earlier sibling that ends where the node is. A node with bytes lies
// after every earlier sibling's end and before every later one's start,
// so for it the answers are the tree's; for the others tree-sitter is
// asked.

func (n *node) Parent() *node {
	if n.raw.start_byte < n.raw.end_byte {
		return n.up()
	}
	return n.relative(C.KL_PARENT)
}

func (n *node) NextSibling() *node {
	if n.raw.start_byte < n.raw.end_byte {
		return n.next()
	}
	return n.relative(C.KL_NEXT_SIBLING)
}

func (n *node) PrevSibling() *node {
	if n.raw.start_byte < n.raw.end_byte {
		return n.prev()
	}
	return n.relative(C.KL_PREV_SIBLING)
}

func (n *node) relative(which C.int) *node {
	t := n.t.live()
	j := C.kl_relative(C.uint32_t(n.self), which, &t.raw[0], &t.ts[0])
	runtime.KeepAlive(t.tree)
	return t.at(j)
}

// at returns node j, or nil for a negative j.
func (t *flatTree) at(j C.int64_t) *node {
	if j < 0 {
		return nil
	}
	return &t.nodes[j]
}

// fieldName is the field the tree cursor gives the node (what
// TreeCursor.CurrentFieldName says).
func (n *node) fieldName() string { return n.t.lang.fields[n.raw.field] }

// ChildByFieldName returns the node ts_node_child_by_field_name returns.
// The copy cannot tell: that is not always the child whose cursor field is
// name (a field on a hidden node whose first visible child has a field of
// its own names that child; a field inherited through a visible child
// names a node inside it). Asking tree-sitter for every node and field
// when copying doubled the walk; lowering asks about one node in four.
func (n *node) ChildByFieldName(name string) *node {
	id, ok := n.t.lang.fieldID[name]
	if !ok || n.raw.child_count == 0 {
		return nil
	}
	t := n.t.live()
	j := C.kl_child_by_field(C.uint32_t(n.self), C.TSFieldId(id), &t.raw[0], &t.ts[0])
	runtime.KeepAlive(t.tree)
	return t.at(j)
}

// live returns t after checking that its C-side buffers are still its own.
func (t *flatTree) live() *flatTree {
	if t.scratch.gen != t.gen {
		panic("swiftparse: a flat tree used after its scratch was reused")
	}
	return t
}

// FieldNameForChild returns what ts_node_field_name_for_child returns for
// the i-th child. For a child that is not an extra (a comment) that is its
// cursor field; for an extra, tree-sitter answers with the field of the
// structural child before it (in the hidden nodes the copy does not see),
// so that one question goes to tree-sitter.
func (n *node) FieldNameForChild(i int) string {
	c := n.Child(i)
	if c == nil {
		return ""
	}
	if !c.IsExtra() {
		return c.fieldName()
	}
	name := C.kl_field_name_for_child(&n.t.live().ts[n.self], C.uint32_t(i))
	runtime.KeepAlive(n.t.tree)
	if name == nil {
		return ""
	}
	return C.GoString(name)
}

// Content returns the node's bytes of src.
func (n *node) Content(src []byte) string {
	return string(src[n.StartByte():n.EndByte()])
}

// Equal reports whether n and o are the same node.
func (n *node) Equal(o *node) bool { return n == o }

// NamedDescendantForPointRange returns the node
// ts_node_named_descendant_for_point_range returns (asked of tree-sitter,
// once per @available attribute).
func (n *node) NamedDescendantForPointRange(start, end point) *node {
	t := n.t.live()
	cs := C.TSPoint{row: C.uint32_t(start.Row), column: C.uint32_t(start.Column)}
	ce := C.TSPoint{row: C.uint32_t(end.Row), column: C.uint32_t(end.Column)}
	j := C.kl_named_descendant(C.uint32_t(n.self), cs, ce, &t.raw[0], &t.ts[0])
	runtime.KeepAlive(t.tree)
	return t.at(j)
}
