package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/report"
)

// cacheFlags are the options of the cache across runs (package
// analyzer/cache).
type cacheFlags struct {
	dir string
	off bool
}

func (c *cacheFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.dir, "cache-dir", "", "keep the parsed models of files across runs in `DIR` (default: the user cache directory's keychainlint/)")
	fs.BoolVar(&c.off, "no-cache", false, "neither read nor write the cache")
}

// defaultCacheDir is the cache's default location; the tests replace it
// so that they never read or write the user's cache.
var defaultCacheDir = cache.DefaultDir

// open returns the cache to use, or nil. A cache that cannot be opened is
// a note, not an error: the scan runs without it.
func (c *cacheFlags) open(stderr io.Writer) *cache.Cache {
	if c.off {
		return nil
	}
	dir := c.dir
	if dir == "" {
		d, err := defaultCacheDir()
		if err != nil {
			fmt.Fprintf(stderr, "keychainlint: note: no cache: %s\n", report.Text(err.Error()))
			return nil
		}
		dir = d
	}
	ch, err := cache.Open(dir)
	if err != nil {
		fmt.Fprintf(stderr, "keychainlint: note: no cache: %s\n", report.Text(err.Error()))
		return nil
	}
	return ch
}

// closeCache reports a failed write (and, with --verbose, what came from
// the cache) and prunes old entries. res is nil when the run failed.
func closeCache(ch *cache.Cache, res *driver.Result, verbose bool, stderr io.Writer) {
	if ch == nil {
		return
	}
	if verbose && res != nil {
		hits, _, _ := ch.Stats()
		from := ""
		if res.Stats.CachedResult {
			from = "; findings from the cache"
		}
		fmt.Fprintf(stderr, "keychainlint: note: cache %s: %d of %d parsed files from the cache%s\n",
			report.Path(ch.Dir()), hits, res.Stats.FilesKeychain, from)
	}
	if err := ch.Err(); err != nil {
		fmt.Fprintf(stderr, "keychainlint: note: the cache could not be written: %s\n", report.Text(err.Error()))
		return
	}
	ch.PruneIfDue()
}

// statIndexName names the stat index of a scan of roots (see
// driver.Config.StatIndex): scans of other directories keep their own.
func statIndexName(roots []string) string {
	var b strings.Builder
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			return "" // no index
		}
		b.WriteString(abs)
		b.WriteByte(0)
	}
	return b.String()
}
