package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/inventory"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

const inventoryUsage = `usage: keychainlint inventory [flags] [path ...]

Lists every keychain item the code creates (each SecItemAdd; adds of the
same item are one row): its class, identifying attributes, accessibility,
access control, synchronizable, access group and keychain, the functions
that add, read, update and delete it, and the targets and platforms that
build them. Values the analysis does not know are printed as unknown, with
where they come from. See docs/inventory.md.

Flags:
`

// cmdInventory is keychainlint inventory: the scan's walk, configuration,
// project facts and cache, with the inventory's collector as the only
// analyzer instead of the rules.
func cmdInventory(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keychainlint inventory", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o scanFlags
	fs.StringVar(&o.platforms, "platforms", "all", "platforms the code runs on, as for a scan")
	fs.Int64Var(&o.maxSize, "max-file-size", source.DefaultMaxFileSize, "skip files larger than this many bytes (0: no limit below the 64 MB ceiling)")
	fs.StringVar(&o.format, "format", "text", "output format: text, json or markdown")
	fs.StringVar(&o.output, "output", "", "write the inventory to `FILE` instead of stdout")
	tests := fs.Bool("tests", false, "also list the items test code creates and the calls it makes")
	o.cache.register(fs)
	o.conf.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), inventoryUsage)
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(fmt.Sprintf(format, args...)))
		return 2
	}
	conf, err := o.conf.load(fs, &o)
	if err != nil {
		return usageErr("%s", err.Error())
	}
	plat, ok := model.ParsePlatforms(o.platforms)
	if !ok {
		return usageErr("--platforms %q: use all, or a list of ios, macos, tvos, watchos, visionos, maccatalyst", o.platforms)
	}
	write := map[string]func(io.Writer, *inventory.Inventory) error{
		"text":     inventory.WriteText,
		"json":     inventory.WriteJSON,
		"markdown": inventory.WriteMarkdown,
	}[o.format]
	if write == nil {
		return usageErr("--format %q: use text, json or markdown", o.format)
	}
	if o.maxSize < 0 {
		return usageErr("--max-file-size %d: use a number of bytes, or 0 for no limit", o.maxSize)
	}
	if o.output == "-" {
		o.output = ""
	}
	if err := writablePath(o.output); err != nil {
		return usageErr("--output: %v", err)
	}
	driverMaxSize := o.maxSize
	if driverMaxSize == 0 {
		driverMaxSize = math.MaxInt64 - 1 // as for a scan (see scan.go)
	}
	roots := fs.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	if err := source.CheckRoots(roots); err != nil {
		fmt.Fprintln(stderr, report.Text(err.Error()))
		return 2
	}
	ctx := context.Background()
	ch := o.cache.open(stderr)
	w := newScanWalk(ctx, roots, o.maxSize, conf, ch) // as a scan walks (scanwalk.go)
	var col inventory.Collector
	res, err := driver.RunWalk(ctx, w.walk, driver.Config{
		Analyzers: []*analysis.Analyzer{col.Analyzer()}, Platforms: plat, MaxFileSize: driverMaxSize,
		DiscoverProjects: w.discover, Cache: ch, StatIndex: statIndexName(roots), FileOptions: conf.fileOptions,
		NoResultCache: true, // the collector must run
	})
	closeCache(ch, res, false, stderr)
	if w.err != nil {
		fmt.Fprintln(stderr, report.Text(w.err.Error()))
		return 2
	}
	if conf.err != nil {
		return usageErr("%s", conf.err.Error())
	}
	if err != nil {
		return usageErr("%s", err.Error())
	}
	for _, s := range append(w.allSkipped(), res.Stats.Skipped...) {
		fmt.Fprintf(stderr, "keychainlint: note: skipped %s: %s\n", report.Path(s.Path), report.Text(s.Reason))
	}
	inv := inventory.Build(col.Results(), inventory.Options{Tests: *tests})
	if err := writeOutput(o.output, stdout, func(w io.Writer) error { return write(w, inv) }); err != nil {
		return usageErr("%v", err)
	}
	if n := len(report.PartialParses(res.Files)); n > 0 {
		fmt.Fprintf(stderr, "keychainlint: %d keychain %s parsed only in part: items in the lost regions are not listed\n", n, plural(n, "file", "files"))
	}
	fmt.Fprintf(stderr, "keychainlint: %d keychain %s, %d %s\n", len(inv.Items), plural(len(inv.Items), "item", "items"), res.Stats.FilesKeychain, plural(res.Stats.FilesKeychain, "file with keychain code", "files with keychain code"))
	return 0
}
