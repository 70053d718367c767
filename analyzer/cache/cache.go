// Package cache keeps the lowered model of each parsed file across runs,
// so that a re-run parses only the files that changed.
//
// An entry is keyed by everything its content depends on: the cache
// format, the binary that wrote it (a hash of the executable, so that two
// dev builds never share entries), the model's schema (schemaHash), the
// file's path and the hash of its content. Lowering depends on nothing
// else: the project facts (File.Project) are not stored but re-attached
// by the caller, and the platform scope (--platforms, File.Platforms) is
// applied by the flow engine after loading. The driver also stores the
// findings of a whole run (Key, Get, Put), under a key of every parsed
// file's path, content and project facts and the options; any change
// there runs the flow engine and the rules over all models again, so a
// change in one file reaches the findings in every other.
//
// Entries are written to a temporary file in the cache directory and
// renamed into place, so concurrent runs see either no entry or a whole
// one. An entry carries a header with its key and a CRC-32C of its
// content; one that is truncated, corrupt, foreign (another key, another
// format) or fails to decode is ignored, and rewritten by the run that
// parses the file again.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// formatVersion changes whenever the entry layout or the codec changes in
// a way schemaHash does not see.
const formatVersion = 2

// entryDir holds the entries below the cache root. It stays the same when
// formatVersion changes: the keys change with it, so the old entries are
// never read, and Prune removes them as they age like those of old builds.
const entryDir = "v1"

// magic starts every entry.
var magic = [8]byte{'K', 'L', 'C', 'A', 'C', 'H', 'E', formatVersion}

// headerSize is magic, key, payload length; the CRC-32C of magic, key and
// payload follows the payload (sumSize bytes). A checksum against a torn
// or damaged file is all it is for: the key inside the entry says whose
// it is, and anyone who can write to the cache directory could as well
// write a matching SHA-256, so a cryptographic hash would protect nothing
// more and costs ten times as much on every warm run.
const headerSize = len(magic) + sha256.Size + 8

const sumSize = 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Cache is an open cache directory. Its methods are safe for concurrent
// use; a nil *Cache caches nothing.
type Cache struct {
	dir  string // holds the entries (<root>/v1)
	tool [32]byte

	hits, misses, writes atomic.Int64

	mu       sync.Mutex
	writeErr error // the first failed write; later writes are not tried
}

// DefaultDir is <user cache dir>/keychainlint (os.UserCacheDir:
// $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS).
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "keychainlint"), nil
}

// Open opens (and creates) the cache in root. The tool identity is the
// hash of the running executable; when it cannot be read, Open fails and
// the caller scans without a cache.
func Open(root string) (*Cache, error) {
	id, err := toolID()
	if err != nil {
		return nil, fmt.Errorf("cannot identify the keychainlint binary: %w", err)
	}
	return openWith(root, id)
}

func openWith(root string, id [32]byte) (*Cache, error) {
	dir := filepath.Join(root, entryDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &Cache{dir: dir, tool: id}, nil
}

var toolOnce struct {
	sync.Once
	id  [32]byte
	err error
}

// toolID hashes the executable and the build info: a rebuilt binary,
// whatever its version string, gets new keys.
func toolID() ([32]byte, error) {
	toolOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			toolOnce.err = err
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			toolOnce.err = err
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			toolOnce.err = err
			return
		}
		if bi, ok := debug.ReadBuildInfo(); ok {
			h.Write([]byte(bi.String()))
		}
		copy(toolOnce.id[:], h.Sum(nil))
	})
	return toolOnce.id, toolOnce.err
}

// Key derives an entry key from kind and parts (each length-prefixed),
// the cache format and the binary's identity.
func (c *Cache) Key(kind string, parts ...[]byte) [32]byte {
	h := sha256.New()
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], formatVersion)
	h.Write(n[:])
	h.Write(c.tool[:])
	for _, p := range append([][]byte{[]byte(kind)}, parts...) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

// key is the entry key of a file's model.
func (c *Cache) key(path string, src []byte) [32]byte {
	sum := sha256.Sum256(src)
	return c.Key("model", schemaHash[:], []byte(path), sum[:])
}

func (c *Cache) entryPath(k [32]byte) string {
	return filepath.Join(c.dir, hex.EncodeToString(k[:]))
}

// Load returns the cached model of the file at path with content src, or
// nil. The model has Src set and Project nil.
func (c *Cache) Load(path string, src []byte) *model.File {
	f, rest := c.LoadDeferred(path, src)
	if f == nil || !rest() {
		return nil
	}
	return f
}

// LoadDeferred is Load that leaves the functions encoded: f.Funcs is nil
// until rest is called, which decodes them into f and reports whether the
// entry held together (false: f is unusable, parse the file again). A run
// whose findings come from the cache never needs them. rest is safe to
// call once, from any goroutine.
func (c *Cache) LoadDeferred(path string, src []byte) (f *model.File, rest func() bool) {
	if c == nil {
		return nil, nil
	}
	payload := c.Get(c.key(path, src))
	if payload == nil {
		c.misses.Add(1)
		return nil, nil
	}
	f, body, err := decodeHead(payload, src)
	if err != nil {
		c.misses.Add(1)
		return nil, nil
	}
	c.hits.Add(1)
	return f, func() bool {
		funcs, err := decodeFuncs(body, f)
		if err != nil {
			c.hits.Add(-1)
			c.misses.Add(1)
			return false
		}
		f.Funcs = funcs
		return true
	}
}

// Store writes the model of the file at path with content src. Errors are
// remembered (Err) and switch writing off for the rest of the run.
func (c *Cache) Store(path string, src []byte, f *model.File) {
	if c == nil {
		return
	}
	payload, err := encodeFile(f)
	if err != nil {
		// A model the codec cannot represent is a bug, but not the
		// user's problem: the file is simply parsed again next time.
		return
	}
	if c.Put(c.key(path, src), payload) {
		c.writes.Add(1)
	}
}

// Get returns the payload of the entry k, nil when there is none or it
// does not verify.
func (c *Cache) Get(k [32]byte) []byte {
	if c == nil {
		return nil
	}
	p := c.entryPath(k)
	data, mtime, err := readEntry(p)
	if err != nil {
		return nil
	}
	payload, ok := verify(data, k)
	if !ok {
		return nil
	}
	touch(p, mtime)
	return payload
}

// Put writes the entry k and reports whether it was written. After the
// first failed write, the run writes nothing more (see Err).
func (c *Cache) Put(k [32]byte, payload []byte) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	failed := c.writeErr != nil
	c.mu.Unlock()
	if failed {
		return false
	}
	if err := writeAtomic(c.dir, c.entryPath(k), seal(payload, k)); err != nil {
		c.mu.Lock()
		if c.writeErr == nil {
			c.writeErr = err
		}
		c.mu.Unlock()
		return false
	}
	return true
}

// Dir is the directory that holds the entries.
func (c *Cache) Dir() string { return c.dir }

// Err is the first write error of the run, nil if none.
func (c *Cache) Err() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.writeErr
}

// Stats reports the entries loaded, the files not found (or rejected),
// and the entries written.
func (c *Cache) Stats() (hits, misses, writes int64) {
	if c == nil {
		return 0, 0, 0
	}
	return c.hits.Load(), c.misses.Load(), c.writes.Load()
}

func seal(payload []byte, k [32]byte) []byte {
	out := make([]byte, 0, headerSize+len(payload)+sumSize)
	out = append(out, magic[:]...)
	out = append(out, k[:]...)
	out = binary.LittleEndian.AppendUint64(out, uint64(len(payload)))
	out = append(out, payload...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli))
}

// verify checks an entry's magic, key, length and checksum and returns
// its payload.
func verify(data []byte, k [32]byte) ([]byte, bool) {
	if len(data) < headerSize+sumSize || !bytes.Equal(data[:len(magic)], magic[:]) ||
		!bytes.Equal(data[len(magic):len(magic)+sha256.Size], k[:]) {
		return nil, false
	}
	n := binary.LittleEndian.Uint64(data[len(magic)+sha256.Size:])
	if n != uint64(len(data)-headerSize-sumSize) {
		return nil, false
	}
	body := data[:len(data)-sumSize]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil, false
	}
	return body[headerSize:], true
}

// maxEntry bounds what Load reads: no model is this large, and a huge
// foreign file in the cache directory must not be read into memory.
const maxEntry = 256 << 20

func readEntry(p string) ([]byte, time.Time, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxEntry {
		return nil, time.Time{}, errors.New("not a cache entry")
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, time.Time{}, err
	}
	return data, st.ModTime(), nil
}

// touch marks an entry as used (pruning removes the entries not used for
// a while); at most once a day per entry, to keep hits cheap.
func touch(p string, mtime time.Time) {
	now := time.Now()
	if now.Sub(mtime) > 24*time.Hour {
		os.Chtimes(p, now, now)
	}
}

func writeAtomic(dir, p string, data []byte) error {
	tmp, err := os.CreateTemp(dir, tmpPrefix+"*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, p)
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

const tmpPrefix = ".tmp-"
