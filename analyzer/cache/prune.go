package cache

import (
	"os"
	"path/filepath"
	"sort"
	"time"
)

// The cache is bounded by age and size: Prune, run at the end of a scan at
// most once a day (a stamp file records the last time), removes the
// entries not used for MaxAge (a hit refreshes an entry's modification
// time, see touch), then the least recently used ones until the rest fit
// in MaxBytes. Every build writes its own entries, so without pruning the
// entries of old builds would stay forever.
const (
	MaxAge      = 30 * 24 * time.Hour
	MaxBytes    = 512 << 20
	pruneEvery  = 24 * time.Hour
	tmpMaxAge   = time.Hour // temporary files of a run that died
	stampName   = "last-prune"
	entryNameLn = 64 // hex SHA-256
)

// PruneIfDue prunes when the last prune is older than a day.
func (c *Cache) PruneIfDue() {
	if c == nil {
		return
	}
	stamp := filepath.Join(c.dir, stampName)
	if st, err := os.Stat(stamp); err == nil && time.Since(st.ModTime()) < pruneEvery {
		return
	}
	if f, err := os.Create(stamp); err == nil {
		f.Close()
	}
	c.Prune(time.Now(), MaxAge, MaxBytes)
}

// Prune removes the entries older than maxAge at now, then the oldest
// until the total is at most maxBytes. It removes only files whose names
// are cache entries or its own temporary files.
func (c *Cache) Prune(now time.Time, maxAge time.Duration, maxBytes int64) {
	ents, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	type entry struct {
		path  string
		size  int64
		mtime time.Time
	}
	var keep []entry
	var total int64
	for _, de := range ents {
		name := de.Name()
		isTmp := len(name) > len(tmpPrefix) && name[:len(tmpPrefix)] == tmpPrefix
		if !isTmp && !isEntryName(name) {
			continue
		}
		info, err := de.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		p := filepath.Join(c.dir, name)
		age := now.Sub(info.ModTime())
		if (isTmp && age > tmpMaxAge) || (!isTmp && age > maxAge) {
			os.Remove(p)
			continue
		}
		if !isTmp {
			keep = append(keep, entry{p, info.Size(), info.ModTime()})
			total += info.Size()
		}
	}
	if total <= maxBytes {
		return
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].mtime.Before(keep[j].mtime) })
	for _, e := range keep {
		if total <= maxBytes {
			break
		}
		if os.Remove(e.path) == nil {
			total -= e.size
		}
	}
}

func isEntryName(s string) bool {
	if len(s) != entryNameLn {
		return false
	}
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}
