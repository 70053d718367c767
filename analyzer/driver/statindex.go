package driver

import (
	"encoding/binary"
	"errors"
	"slices"
)

// The stat index lets a warm run skip reading the files it does not parse.
// Round 1 of the prefilter reads every file and token-scans those without
// a keychain token for their names (nameSet); on an unchanged project
// that is most of a warm run's time, for the same answer as last time. So
// the run keeps, per file (by absolute path), what the file system said
// of it (size, modification and change times, inode, device, mode) when
// round 1 read it, and round 1's outcome: a keychain file or not, and if
// not, its name set. A later run with the same scan roots (Config.StatIndex)
// that finds the same stat for a file takes that outcome without opening
// the file, as git and ruff do; a file whose stat differs in anything is
// read and scanned again. Files round 1 parses are always read (their
// models hold the source, and the model cache checks their content).
//
// A stat can stay the same across an edit: when the file is written again
// within the file system's timestamp granularity (a second on some file
// systems, two on FAT) after the run read it, with the same size. This is
// git's "racy clean" problem, and the index uses git's rule: an entry is
// trusted only when the file's modification and change times are older
// than the start of the run that read it by more than racyMargin. A file
// changed that recently is read again on every run until a run that
// started long enough after the change has read it. The change time
// cannot be set by a program (os.Chtimes sets it to now), so an edit that
// puts the old modification time back is seen too. The rule assumes that
// the file system's clock agrees with the machine's within the margin (as
// git's assumes they agree at all).
//
// Systems without a change time and an inode in their stat (Windows)
// have no index: every file is read (statindex_other.go).

// racyMargin is how much older than the run that read it a file's times
// must be for its entry to be trusted: more than the coarsest timestamp
// granularity of a common file system (FAT: 2 s).
const racyMargin = int64(3e9)

// statIndexFormat versions the encoding of the index.
const statIndexFormat = 1

// fileStat is what the index compares of a file.
type fileStat struct {
	size, mtime, ctime int64 // times in nanoseconds since 1970
	ino, dev           uint64
	mode               uint32
}

// statEntry is one file's entry.
type statEntry struct {
	st fileStat
	// checked is when the run that last read the file started (ns).
	checked  int64
	keychain bool    // round 1 parses it
	names    nameSet // when not keychain
}

// trusted reports whether a file whose stat is now st may be taken as the
// file this entry describes, without reading it.
func (e *statEntry) trusted(st fileStat) bool {
	return e.st == st && st.mtime < e.checked-racyMargin && st.ctime < e.checked-racyMargin
}

// statIndex is the index of the previous run, and what this one records.
type statIndex struct {
	key   [32]byte
	start int64 // when this run started (ns), before any file was stat'ed
	old   map[string]*statEntry
}

// openStatIndex loads the scan's index; nil when the run has none (no
// cache, or no Config.StatIndex). A missing, corrupt or foreign index is
// an empty one: every file is read.
func openStatIndex(cfg Config, start int64) *statIndex {
	if cfg.Cache == nil || cfg.StatIndex == "" {
		return nil
	}
	x := &statIndex{start: start}
	x.key = cfg.Cache.Key("statindex", []byte{statIndexFormat}, []byte(cfg.StatIndex))
	old, err := decodeStatIndex(cfg.Cache.Get(x.key))
	if err != nil {
		old = nil
	}
	x.old = old
	return x
}

// lookup sets r from the index when its file is unchanged, and reports
// whether it did; otherwise it records the file's stat (taken before the
// read, so that a change during the read shows as a changed stat on the
// next run) for the entry the read makes.
func (x *statIndex) lookup(r *read) bool {
	if x == nil || r.in.Src != nil || r.in.File.Abs == "" {
		return false
	}
	st, ok := lstatFile(r.in.File.Abs)
	if !ok {
		return false
	}
	r.st, r.stOK = st, true
	e := x.old[r.in.File.Abs]
	if e == nil || !e.trusted(st) {
		return false
	}
	r.indexed = e
	if e.keychain {
		return false // read for its model; the entry stays as it is
	}
	r.size, r.names, r.candidate = st.size, e.names, true
	return true
}

// save writes the index of this run's reads when it differs from the one
// loaded: a file read again, added or gone.
func (x *statIndex) save(cfg Config, reads []*read) {
	if x == nil {
		return
	}
	entries := map[string]*statEntry{}
	changed := false
	for _, r := range reads {
		if !r.stOK || r.unread {
			continue
		}
		e := r.indexed
		if e == nil {
			changed = true
			e = &statEntry{st: r.st, checked: x.start, keychain: !r.candidate, names: r.names}
		}
		entries[r.in.File.Abs] = e
	}
	if !changed && len(entries) == len(x.old) {
		return
	}
	cfg.Cache.Put(x.key, encodeStatIndex(entries))
}

func encodeStatIndex(entries map[string]*statEntry) []byte {
	paths := make([]string, 0, len(entries))
	for p := range entries {
		paths = append(paths, p)
	}
	slices.Sort(paths) // the same index, the same bytes
	b := binary.AppendUvarint(nil, uint64(len(paths)))
	for _, p := range paths {
		e := entries[p]
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
		b = binary.AppendVarint(b, e.st.size)
		b = binary.AppendVarint(b, e.st.mtime)
		b = binary.AppendVarint(b, e.st.ctime)
		b = binary.AppendUvarint(b, e.st.ino)
		b = binary.AppendUvarint(b, e.st.dev)
		b = binary.AppendUvarint(b, uint64(e.st.mode))
		b = binary.AppendVarint(b, e.checked)
		if e.keychain {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(len(e.names)))
		for _, n := range e.names {
			b = binary.LittleEndian.AppendUint32(b, n)
		}
	}
	return b
}

var errBadIndex = errors.New("corrupt stat index")

// decodeStatIndex reads an index; it trusts nothing (the cache checks a
// checksum, but an entry must never make round 2 miss a file): every
// length is checked, and every name set must be sorted with distinct hash
// parts, as mayMatch's merge requires.
func decodeStatIndex(b []byte) (map[string]*statEntry, error) {
	if b == nil {
		return nil, errBadIndex
	}
	d := indexDecoder{b: b}
	n := d.uvarint()
	if n > uint64(len(b)) {
		return nil, errBadIndex
	}
	out := make(map[string]*statEntry, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		p := string(d.bytes(d.uvarint()))
		e := &statEntry{}
		e.st.size, e.st.mtime, e.st.ctime = d.varint(), d.varint(), d.varint()
		e.st.ino, e.st.dev = d.uvarint(), d.uvarint()
		mode := d.uvarint()
		e.st.mode = uint32(mode)
		e.checked = d.varint()
		flag := d.bytes(1)
		k := d.uvarint()
		if k > uint64(len(d.b))/4 || mode > 1<<32-1 || len(flag) == 1 && flag[0] > 1 {
			return nil, errBadIndex
		}
		raw := d.bytes(4 * k)
		if d.err != nil {
			break
		}
		e.keychain = flag[0] == 1
		if k > 0 {
			e.names = make(nameSet, k)
			for j := range e.names {
				e.names[j] = binary.LittleEndian.Uint32(raw[4*j:])
				if j > 0 && e.names[j]&^declBits <= e.names[j-1]&^declBits {
					return nil, errBadIndex
				}
			}
		}
		out[p] = e
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, errBadIndex
	}
	return out, nil
}

type indexDecoder struct {
	b   []byte
	err error
}

func (d *indexDecoder) uvarint() uint64 {
	u, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err, d.b = errBadIndex, nil
		return 0
	}
	d.b = d.b[n:]
	return u
}

func (d *indexDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err, d.b = errBadIndex, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *indexDecoder) bytes(n uint64) []byte {
	if n > uint64(len(d.b)) {
		d.err, d.b = errBadIndex, nil
		return nil
	}
	out := d.b[:n:n]
	d.b = d.b[n:]
	return out
}
