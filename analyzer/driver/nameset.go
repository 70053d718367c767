package driver

import (
	"slices"
	"sort"
	"sync"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// nameSet is what round 2 keeps of a file round 1 did not parse, instead
// of its source: every identifier source.ScanNames finds in it, as a
// hash, with how it saw the name declared. It is computed while round 1
// has the bytes in hand, and costs 4 bytes per distinct identifier (a
// source file repeats its identifiers: 5% of its size on the real corpus
// of docs/performance.md), so that the sources of a whole project are not
// held between the rounds.
//
// An entry is the name's 32-bit hash with its three low bits replaced by
// the union of the source.Decl bits it was seen with; entries are sorted
// and their hash parts distinct. Two names may share a hash part: the set
// over-approximates, so round 2 confirms a match on the source
// (helperNames.match), and a collision costs a read, never a file.
type nameSet []uint32

const declBits = uint32(source.DeclGlobal | source.DeclMember | source.DeclScope)

// nameKey is a name's hash part (FNV-1a, 32 bits).
func nameKey(name []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range name {
		h ^= uint32(c)
		h *= 16777619
	}
	return h &^ declBits
}

// nameSetBuilder gathers one file's names in an open-addressing table it
// reuses from file to file (a Go map costs several times as much per
// identifier, and round 1 runs this over every file it does not parse).
type nameSetBuilder struct {
	slots []uint32 // entry+1, 0 when empty
	used  []int    // the slots taken, to clear them and to list them
}

// build returns the name set of src.
func (b *nameSetBuilder) build(src []byte, lang model.Lang) nameSet {
	if len(b.slots) == 0 {
		b.slots = make([]uint32, 1<<10)
	}
	source.ScanNames(src, lang, func(name []byte, d source.Decl) bool {
		b.add(nameKey(name) | uint32(d))
		return true
	})
	set := make(nameSet, len(b.used))
	for i, s := range b.used {
		set[i] = b.slots[s] - 1
		b.slots[s] = 0
	}
	b.used = b.used[:0]
	slices.Sort(set)
	return set
}

func (b *nameSetBuilder) add(e uint32) {
	if 2*(len(b.used)+1) > len(b.slots) {
		b.grow()
	}
	mask := len(b.slots) - 1
	for i := int(e>>3) & mask; ; i = (i + 1) & mask {
		switch s := b.slots[i]; {
		case s == 0:
			b.slots[i] = e + 1
			b.used = append(b.used, i)
			return
		case (s-1)&^declBits == e&^declBits:
			b.slots[i] = (s - 1 | e) + 1
			return
		}
	}
}

func (b *nameSetBuilder) grow() {
	old := make([]uint32, len(b.used))
	for i, s := range b.used {
		old[i] = b.slots[s] - 1
		b.slots[s] = 0
	}
	b.slots = make([]uint32, 2*len(b.slots))
	b.used = b.used[:0]
	for _, e := range old {
		b.add(e)
	}
}

// bytes is the memory the set holds.
func (s nameSet) bytes() int { return 4 * cap(s) }

// keyed is the table of a helperNames by hash part, sorted, for
// mayMatch's merge with a file's set.
type keyed struct {
	key  uint32
	name int // index in the helperNames tables
}

func (h *helperNames) keyTable() []keyed {
	t := make([]keyed, 0, len(h.idx))
	for name, k := range h.idx {
		t = append(t, keyed{nameKey([]byte(name)), k})
	}
	sort.Slice(t, func(i, j int) bool {
		return t[i].key < t[j].key || t[i].key == t[j].key && t[i].name < t[j].name
	})
	return t
}

// mayMatch reports whether a file with these names may satisfy one of the
// needles: always when it does (match on its source), and, rarely, when a
// hash collision makes it seem to.
func (h *helperNames) mayMatch(set nameSet, lang model.Lang) bool {
	// The per-name tables are as long as the whole name table, and round 2
	// asks about every file round 1 did not parse: they are reused, and
	// only the entries a file touched are cleared. A file that mentions no
	// name of the table (most) satisfies nothing.
	sc := matchScratch.Get().(*scratch)
	defer matchScratch.Put(sc)
	if len(sc.mentioned) < len(h.idx) {
		sc.mentioned, sc.declared = make([]bool, len(h.idx)), make([]source.Decl, len(h.idx))
	}
	mentioned, declared := sc.mentioned[:len(h.idx)], sc.declared[:len(h.idx)]
	table := h.byKey
	i, j := 0, 0
	for i < len(set) && j < len(table) {
		k := set[i] &^ declBits
		switch {
		case k < table[j].key:
			i++
		case k > table[j].key:
			j++
		default:
			for ; j < len(table) && table[j].key == k; j++ {
				n := table[j].name
				if !mentioned[n] {
					sc.touched = append(sc.touched, n)
				}
				mentioned[n] = true
				declared[n] |= source.Decl(set[i] & declBits)
			}
			i++
		}
	}
	ok := len(sc.touched) > 0 && h.satisfied(langsOf(lang), mentioned, declared)
	for _, n := range sc.touched {
		mentioned[n], declared[n] = false, 0
	}
	sc.touched = sc.touched[:0]
	return ok
}

// scratch is mayMatch's reusable per-name tables (all false and zero
// between calls) and the names a call set.
type scratch struct {
	mentioned []bool
	declared  []source.Decl
	touched   []int
}

var matchScratch = sync.Pool{New: func() any { return new(scratch) }}
