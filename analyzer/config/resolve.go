package config

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Find returns the configuration file that applies to the directory dir:
// the nearest .keychainlint.yml in dir or above it, looking no higher than
// the first directory that holds .git (the repository root). "" when
// there is none.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		p := filepath.Join(d, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

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
}

// NewResolver makes a resolver. explicit names a configuration file for
// every path (--config), whose patterns are relative to the working
// directory; none means no configuration at all
// (--no-config). Flags given on the command line win over every file.
func NewResolver(opt Options, explicit string, none bool, flags Flags) (*Resolver, error) {
	r := &Resolver{opt: opt, none: none, flags: flags, byDir: map[string]*Config{}, loaded: map[string]*Config{}, byPath: map[string]*Settings{}, errPath: map[string]error{}}
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
	if r.none {
		return nil, nil
	}
	if r.fixed != nil {
		return r.fixed, nil
	}
	dir := path
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		dir = filepath.Dir(path)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.byDir[abs]; ok {
		return c, nil
	}
	file, err := Find(abs)
	if err != nil {
		return nil, err
	}
	var c *Config
	if file != "" {
		if c = r.loaded[file]; c == nil {
			// Name the file relative to the working directory when it
			// is below it, as findings name files.
			name := file
			if wd, err := os.Getwd(); err == nil {
				if rel, err := filepath.Rel(wd, file); err == nil && filepath.IsLocal(rel) {
					name = rel
				}
			}
			if c, err = Load(name, r.opt); err != nil {
				return nil, err
			}
			r.loaded[file] = c
		}
	}
	r.byDir[abs] = c
	return c, nil
}

// For returns the effective settings of path, command-line flags applied.
func (r *Resolver) For(path string) (*Settings, error) {
	r.mu.Lock()
	s, ok := r.byPath[path]
	err := r.errPath[path]
	r.mu.Unlock()
	if ok || err != nil {
		return s, err
	}
	c, err := r.Config(path)
	if err != nil {
		r.mu.Lock()
		r.errPath[path] = err
		r.mu.Unlock()
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	s = c.settings(path, abs, r.opt.Rules)
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
