package driver

import (
	"reflect"
	"testing"
)

func sampleIndex() map[string]*statEntry {
	return map[string]*statEntry{
		"/p/A.swift": {st: fileStat{size: 10, mtime: 1e18, ctime: 1e18 + 5, ino: 7, dev: 3, mode: 0o100644}, checked: 2e18, names: nameSet{8, 16 | 1, 24 | 2}},
		"/p/B.m":     {st: fileStat{size: 99, mtime: -5, ctime: 4, ino: 1 << 40, dev: 1, mode: 0o100600}, checked: 9, keychain: true},
	}
}

// The index decodes to what was encoded; every truncation of it, and a
// name set out of order (which mayMatch's merge would misread and miss a
// file by), is rejected, never half-read.
func TestStatIndexCodec(t *testing.T) {
	data := encodeStatIndex(sampleIndex())
	got, err := decodeStatIndex(data)
	if err != nil || !reflect.DeepEqual(got, sampleIndex()) {
		t.Fatalf("round trip: %v, %+v", err, got)
	}
	for n := 0; n < len(data); n++ {
		if _, err := decodeStatIndex(data[:n]); err == nil {
			t.Errorf("truncated to %d of %d bytes: accepted", n, len(data))
		}
	}
	if _, err := decodeStatIndex(append(data[:len(data):len(data)], 0)); err == nil {
		t.Error("trailing byte accepted")
	}
	bad := sampleIndex()
	bad["/p/A.swift"].names = nameSet{16, 8}
	if _, err := decodeStatIndex(encodeStatIndex(bad)); err == nil {
		t.Error("unsorted name set accepted")
	}
	bad["/p/A.swift"].names = nameSet{8, 8 | 1}
	if _, err := decodeStatIndex(encodeStatIndex(bad)); err == nil {
		t.Error("a name set with a repeated hash accepted")
	}
}

// An entry is trusted only for the same stat, and only when the file's
// times are older than the run that read it by more than racyMargin.
func TestStatIndexTrust(t *testing.T) {
	st := fileStat{size: 10, mtime: 100e9, ctime: 100e9, ino: 1, dev: 1, mode: 0o100644}
	e := &statEntry{st: st, checked: 100e9 + racyMargin + 1}
	if !e.trusted(st) {
		t.Error("old enough, same stat: not trusted")
	}
	for _, other := range []func(*fileStat){
		func(s *fileStat) { s.size++ }, func(s *fileStat) { s.mtime++ }, func(s *fileStat) { s.ctime++ },
		func(s *fileStat) { s.ino++ }, func(s *fileStat) { s.dev++ }, func(s *fileStat) { s.mode++ },
	} {
		s := st
		other(&s)
		if e.trusted(s) {
			t.Errorf("stat %+v trusted for an entry of %+v", s, st)
		}
	}
	for _, racy := range []fileStat{{mtime: 100e9, ctime: 101e9}, {mtime: 101e9, ctime: 100e9}} {
		s := st
		s.mtime, s.ctime = racy.mtime, racy.ctime
		r := &statEntry{st: s, checked: 100e9 + racyMargin + 1}
		if r.trusted(s) {
			t.Errorf("times %d, %d within the margin of the read at %d: trusted", s.mtime, s.ctime, r.checked)
		}
	}
}
