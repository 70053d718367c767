package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// Round 2's needles are cached across runs under the round-1 models they
// come from (every path and content, and through the cache's key the
// binary and the model's schema): collecting them walks every keychain
// file's model, about a tenth of a warm run's CPU when nothing changed.

// helperNamesFormat versions the encoding of cachedNames.
const helperNamesFormat = 1

type cachedNames struct {
	Idx     map[string]int
	Needles []cachedNeedle
	Direct  map[string]uint8
}

type cachedNeedle struct {
	Name, Owner int
	Decl        source.Decl
	In          uint8
}

// collectNames is collectHelperNames; a variable so that a test can
// count the collections.
var collectNames = collectHelperNames

// helperNamesOf is collectHelperNames(files), from the cache when it has
// them. complete is called before the files' functions are read (they
// may still be encoded, see deferred).
func helperNamesOf(cfg Config, files []*model.File, complete func()) *helperNames {
	if cfg.Cache == nil {
		return collectHelperNames(files)
	}
	parts := [][]byte{fmt.Appendf(nil, "%d", helperNamesFormat), cache.SchemaHash()}
	for _, f := range files {
		if f != nil {
			sum := sha256.Sum256(f.Src)
			parts = append(parts, []byte(f.Path), sum[:])
		}
	}
	k := cfg.Cache.Key("helpernames", parts...)
	if h, ok := decodeNames(cfg.Cache.Get(k)); ok {
		return h
	}
	complete()
	h := collectNames(files)
	c := cachedNames{Idx: h.idx, Direct: map[string]uint8{}}
	for _, n := range h.needles {
		c.Needles = append(c.Needles, cachedNeedle{Name: n.name, Owner: n.owner, Decl: n.decl, In: uint8(n.in)})
	}
	for name, in := range h.direct {
		c.Direct[name] = uint8(in)
	}
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(c) == nil {
		cfg.Cache.Put(k, b.Bytes())
	}
	return h
}

// decodeNames decodes a cached entry; ok is false for none, and for one
// that does not hold together (an index out of the table), which is never
// trusted.
func decodeNames(data []byte) (*helperNames, bool) {
	if data == nil {
		return nil, false
	}
	var c cachedNames
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&c) != nil {
		return nil, false
	}
	h := &helperNames{idx: c.Idx, direct: map[string]langs{}}
	if h.idx == nil {
		h.idx = map[string]int{}
	}
	seen := make([]bool, len(h.idx))
	for _, i := range h.idx {
		if i < 0 || i >= len(seen) || seen[i] {
			return nil, false
		}
		seen[i] = true
	}
	for _, n := range c.Needles {
		if n.Name < 0 || n.Name >= len(h.idx) || n.Owner < -1 || n.Owner >= len(h.idx) || langs(n.In)&^inAny != 0 {
			return nil, false
		}
		h.needles = append(h.needles, needle{name: n.Name, owner: n.Owner, decl: n.Decl, in: langs(n.In)})
	}
	for name, in := range c.Direct {
		h.direct[name] = langs(in)
	}
	h.byKey = h.keyTable()
	return h, true
}
