package config

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Resolver answers the settings of paths, loading each configuration file
// once. It is safe for concurrent use.
type Resolver struct {
	opt   Options
	fixed *Config // --config: one file for every path
	none  bool    // --no-config
	flags Flags

	mu      sync.Mutex
	byDir   map[string]*Config // directory -> its configuration (nil: none)
	loaded  map[string]*Config // file -> parsed
	byPath  map[string]*Settings
	errPath map[string]error
	bases   map[*Config]*Settings // see Resolver.settings
	wd      string                // the working directory, "" if unknown
}

// NewResolver makes a resolver. explicit names a configuration file for
// every path (--config), whose patterns are relative to the working
// directory; none means no configuration at all
// (--no-config). Flags given on the command line win over every file.
func NewResolver(opt Options, explicit string, none bool, flags Flags) (*Resolver, error) {
	r := &Resolver{opt: opt, none: none, flags: flags, byDir: map[string]*Config{}, loaded: map[string]*Config{}, byPath: map[string]*Settings{}, errPath: map[string]error{}, bases: map[*Config]*Settings{}}
	r.wd, _ = os.Getwd()
	if explicit != "" && !none {
		c, err := Load(explicit, opt)
		if err != nil {
			return nil, err
		}
		// A file named on the command line applies to every path, so its
		// patterns and baseline are relative to the working directory
		// (as with ruff's --config), not to where the file happens to be.
		if c.Dir, err = filepath.Abs("."); err != nil {
			return nil, err
		}
		r.fixed = c
	}
	return r, nil
}

// Config returns the configuration file that applies to path (a file or a
// directory): nil when none does.
func (r *Resolver) Config(path string) (*Config, error) {
	if r.none || r.fixed != nil {
		return r.fixed, nil
	}
	dir := path
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		dir = filepath.Dir(path)
	}
	abs, err := r.abs(dir)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.dirConfig(abs)
}

// abs is filepath.Abs against the working directory read once: a scan asks
// about every file it walks, and os.Getwd is a system call each time.
func (r *Resolver) abs(p string) (string, error) {
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	if r.wd == "" {
		return filepath.Abs(p)
	}
	return filepath.Join(r.wd, p), nil
}

// dirConfig returns the configuration that applies to the absolute
// directory dir: the nearest .keychainlint.yml in dir or above it, looking
// no higher than the first directory that holds .git (the repository
// root); nil when there is none. Each directory's answer is remembered:
// a directory without its own file has its parent's (unless it is a
// repository root), so a walk looks at each directory once instead of at
// every directory up to the root for each one. r.mu is held.
func (r *Resolver) dirConfig(dir string) (*Config, error) {
	if c, ok := r.byDir[dir]; ok {
		return c, nil
	}
	var c *Config
	file := filepath.Join(dir, FileName)
	if st, err := os.Stat(file); err == nil && !st.IsDir() {
		if c = r.loaded[file]; c == nil {
			// Name the file relative to the working directory when it
			// is below it, as findings name files.
			name := file
			if rel, err := filepath.Rel(r.wd, file); r.wd != "" && err == nil && filepath.IsLocal(rel) {
				name = rel
			}
			var err error
			if c, err = Load(name, r.opt); err != nil {
				return nil, err
			}
			r.loaded[file] = c
		}
	} else if _, err := os.Lstat(filepath.Join(dir, ".git")); err != nil {
		if parent := filepath.Dir(dir); parent != dir {
			var err error
			if c, err = r.dirConfig(parent); err != nil {
				return nil, err
			}
		}
	}
	r.byDir[dir] = c
	return c, nil
}

// For returns the effective settings of path (a file or a directory),
// command-line flags applied.
func (r *Resolver) For(path string) (*Settings, error) {
	return r.lookup(path, false)
}

// ForFile is For of a path known to name a file (the walk's files): it
// saves the stat that tells a directory from a file.
func (r *Resolver) ForFile(path string) (*Settings, error) {
	return r.lookup(path, true)
}

func (r *Resolver) lookup(path string, isFile bool) (*Settings, error) {
	r.mu.Lock()
	s, ok := r.byPath[path]
	err := r.errPath[path]
	r.mu.Unlock()
	if ok || err != nil {
		return s, err
	}
	abs, err := r.abs(path)
	if err != nil {
		return nil, err
	}
	var c *Config
	switch {
	case r.none || r.fixed != nil:
		c = r.fixed
	case isFile:
		r.mu.Lock()
		c, err = r.dirConfig(filepath.Dir(abs))
		r.mu.Unlock()
	default:
		c, err = r.Config(path)
	}
	if err != nil {
		r.mu.Lock()
		r.errPath[path] = err
		r.mu.Unlock()
		return nil, err
	}
	r.mu.Lock()
	base := r.bases[c]
	if base == nil {
		base = c.base(r.opt.Rules)
		r.bases[c] = base
	}
	r.mu.Unlock()
	s = c.settings(base, path, abs)
	r.flags.apply(s)
	r.mu.Lock()
	r.byPath[path] = s
	r.mu.Unlock()
	return s, nil
}

// Files returns the configuration files loaded so far.
func (r *Resolver) Files() []*Config {
	if r.fixed != nil {
		return []*Config{r.fixed}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []*Config
	for _, c := range r.loaded {
		out = append(out, c)
	}
	return out
}

// Flags are the command-line settings, which win over the files. A nil
// field was not given.
type Flags struct {
	Platforms   *model.Platform
	FailOn      *string
	MaxFileSize *int64
	Baseline    *string
}

func (f Flags) apply(s *Settings) {
	if f.Platforms != nil {
		s.Platforms, s.PlatformsFrom = *f.Platforms, Source{Flag: "--platforms"}
		if *f.Platforms == model.AllPlatforms {
			s.Platforms = 0 // all: nothing to narrow
		}
	}
	if f.FailOn != nil {
		s.FailOn, s.FailOnFrom = *f.FailOn, Source{Flag: "--fail-on"}
	}
	if f.MaxFileSize != nil {
		s.MaxFileSize, s.MaxFileSizeFrom = *f.MaxFileSize, Source{Flag: "--max-file-size"}
	}
	if f.Baseline != nil {
		s.Baseline, s.BaselineFrom = *f.Baseline, Source{Flag: "--baseline"}
	}
}
