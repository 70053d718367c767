package driver

import (
	"sync"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/source"
)

// SetKeychainFilter replaces round 1's test for the duration of a test
// and returns the function that restores it.
func SetKeychainFilter(f func([]byte) bool) (restore func()) {
	old := keychainFile
	keychainFile = f
	return func() { keychainFile = old }
}

// SetClock makes runs start at the time f gives (the stat index's clock)
// and returns the function that restores it.
func SetClock(f func() time.Time) (restore func()) {
	old := now
	now = f
	return func() { now = old }
}

// FreezeStats makes every file's stat look to the stat index as it did
// the first time it was taken, whatever happens to the file (a file
// system whose timestamps are too coarse to show an edit), and returns
// the function that restores it.
func FreezeStats() (restore func()) {
	old := lstatFile
	var mu sync.Mutex
	seen := map[string]fileStat{}
	lstatFile = func(abs string) (fileStat, bool) {
		mu.Lock()
		defer mu.Unlock()
		if st, ok := seen[abs]; ok {
			return st, true
		}
		st, ok := old(abs)
		if ok {
			seen[abs] = st
		}
		return st, ok
	}
	return func() { lstatFile = old }
}

// CountReads counts the reads of each file (by path) until restore is
// called.
func CountReads() (counts func() map[string]int, restore func()) {
	old := readFile
	var mu sync.Mutex
	n := map[string]int{}
	readFile = func(f source.File, opt source.Options) ([]byte, error) {
		mu.Lock()
		n[f.Path]++
		mu.Unlock()
		return old(f, opt)
	}
	counts = func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for k, v := range n {
			out[k] = v
		}
		return out
	}
	return counts, func() { readFile = old }
}
