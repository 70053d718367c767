package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/keychainlint/keychainlint/analyzer/config"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// configFlags select the configuration file (.keychainlint.yml, package
// analyzer/config).
type configFlags struct {
	file string
	none bool
}

func (c *configFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.file, "config", "", "read the configuration from `FILE` for every path, instead of the nearest "+config.FileName)
	fs.BoolVar(&c.none, "no-config", false, "read no configuration file")
}

// resolver makes the configuration resolver; the flags given on the
// command line (fs.Visit sees only those) win over every file.
func (c *configFlags) resolver(fs *flag.FlagSet, o *scanFlags) (*config.Resolver, error) {
	var fl config.Flags
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "platforms":
			if p, ok := model.ParsePlatforms(o.platforms); ok {
				fl.Platforms = &p
			}
		case "fail-on":
			fl.FailOn = &o.failOn
		case "max-file-size":
			fl.MaxFileSize = &o.maxSize
		case "baseline":
			fl.Baseline = &o.baseline
		}
	})
	return config.NewResolver(all.ConfigOptions(), c.file, c.none, fl)
}

// scanConfig applies the configuration to one scan: the scan-wide values
// (fail-on, max-file-size, baseline) come from the configuration of the
// first path named; exclusions, platforms, deployment targets, rules and
// severities from each file's own. A mistake found in a configuration
// file during the walk is kept and reported after it (exit 2).
type scanConfig struct {
	res   *config.Resolver
	roots map[string]bool

	once sync.Once
	err  error
}

func (s *scanConfig) fail(err error) { s.once.Do(func() { s.err = err }) }

func (s *scanConfig) settings(path string) *config.Settings {
	st, err := s.res.ForFile(path)
	if err != nil {
		s.fail(err)
		return nil
	}
	return st
}

// keep reports whether the walk's file is scanned: not excluded, unless it
// was named on the command line (as ruff does without --force-exclude).
func (s *scanConfig) keep(f source.File) bool {
	st := s.settings(f.Path)
	return st != nil && (!st.Excluded || s.roots[f.Path])
}

func (s *scanConfig) fileOptions(path string) driver.FileOptions {
	return s.settings(path).FileOptions()
}

// reseverity applies the configured severities to the findings.
func (s *scanConfig) reseverity(diags []driver.Diagnostic) {
	for i := range diags {
		s.settings(diags[i].Pos.Filename).Reseverity(&diags[i])
	}
}

// cmdConfig prints the effective configuration of a path and where each
// value came from.
func cmdConfig(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keychainlint config", flag.ContinueOnError)
	var c configFlags
	c.register(fs)
	format := fs.String("format", "text", "output format: text or json")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: keychainlint config [--config FILE | --no-config] [--format text|json] [PATH]\n\nPrints the effective configuration of PATH (default .) and where each value comes from.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "keychainlint: --format %s: want text or json\n", report.Text(*format))
		return 2
	}
	path := "."
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	res, err := config.NewResolver(all.ConfigOptions(), c.file, c.none, config.Flags{})
	if err == nil {
		var s *config.Settings
		if s, err = res.For(path); err == nil {
			if *format == "json" {
				writeSettingsJSON(stdout, s)
			} else {
				writeSettings(stdout, s)
			}
			return 0
		}
	}
	fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(err.Error()))
	return 2
}

func writeSettings(w io.Writer, s *config.Settings) {
	file := s.Config
	if file == "" {
		file = "none (built-in defaults)"
	}
	fmt.Fprintf(w, "path: %s\nconfiguration: %s\n\n", report.Path(s.Path), report.Path(file))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SETTING\tVALUE\tFROM")
	excluded := "no"
	if s.Excluded {
		excluded = "yes"
	}
	fmt.Fprintf(tw, "excluded\t%s\t%s\n", excluded, s.ExcludedBy)
	plat := "all (from the project files)"
	if s.Platforms != 0 {
		plat = s.Platforms.String()
	}
	fmt.Fprintf(tw, "platforms\t%s\t%s\n", plat, s.PlatformsFrom)
	if len(s.Deployment) == 0 {
		fmt.Fprintf(tw, "deployment-targets\tfrom the project files\tdefault\n")
	}
	var plats []model.Platform
	for p := range s.Deployment {
		plats = append(plats, p)
	}
	slices.Sort(plats)
	for _, p := range plats {
		fmt.Fprintf(tw, "deployment-targets.%s\t%s\t%s\n", strings.ToLower(p.String()), s.Deployment[p], s.DeploymentFrom[p])
	}
	fmt.Fprintf(tw, "fail-on\t%s\t%s\n", s.FailOn, s.FailOnFrom)
	fmt.Fprintf(tw, "max-file-size\t%d\t%s\n", s.MaxFileSize, s.MaxFileSizeFrom)
	base := s.Baseline
	if base == "" {
		base = "none"
	}
	fmt.Fprintf(tw, "baseline\t%s\t%s\n", report.Path(base), s.BaselineFrom)
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tENABLED\tFROM\tSEVERITY\tFROM")
	for _, r := range s.Rules {
		on := "yes"
		if !r.Enabled {
			on = "no"
		}
		sev := r.Severity
		if sev == "" {
			sev = r.Default + " (the rule's own)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Name, on, r.EnabledFrom, sev, r.SeverityFrom)
	}
	tw.Flush()
}

// load reads the configuration for the scan of the roots fs names, and
// puts its scan-wide values into o where no flag set them.
func (c *configFlags) load(fs *flag.FlagSet, o *scanFlags) (*scanConfig, error) {
	res, err := c.resolver(fs, o)
	if err != nil {
		return nil, err
	}
	roots := fs.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	s, err := res.For(roots[0])
	if err != nil {
		return nil, err
	}
	o.failOn, o.maxSize, o.baseline = s.FailOn, s.MaxFileSize, s.Baseline
	sc := &scanConfig{res: res, roots: map[string]bool{}}
	for _, r := range roots {
		sc.roots[r] = true
	}
	return sc, nil
}
