package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// cmdDumpProject prints what the project files say about each source file
// (keychainlint dump --project DIR...): the module, the platforms and
// deployment targets the project declares, whether it is test code, the
// project file that said so, and the platform scope the rules use after
// directory names, API use and --platforms.
func cmdDumpProject(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keychainlint dump --project", flag.ContinueOnError)
	fs.SetOutput(stderr)
	all := fs.Bool("all", false, "list every source file, not only those with keychain code")
	platforms := fs.String("platforms", "all", "platforms the code runs on, as for a scan")
	maxSize := fs.Int64("max-file-size", source.DefaultMaxFileSize, "skip files larger than this many bytes (0: no limit)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: keychainlint dump --project [--all] [--platforms LIST] [DIR ...]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	plat, ok := model.ParsePlatforms(*platforms)
	if !ok {
		fmt.Fprintf(stderr, "keychainlint: --platforms %q: use all, or a list of ios, macos, tvos, watchos, visionos, maccatalyst\n", *platforms)
		return 2
	}
	roots := fs.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	opt := source.Options{MaxFileSize: *maxSize}
	files, skipped, err := source.Collect(roots, opt)
	if err != nil {
		fmt.Fprintln(stderr, report.Text(err.Error()))
		return 2
	}
	ctx := context.Background()
	projects := project.Discover(ctx, roots, opt)
	for _, s := range append(skipped, projects.Skipped...) {
		fmt.Fprintf(stderr, "keychainlint: note: skipped %s: %s\n", report.Path(s.Path), report.Text(s.Reason))
	}
	fmt.Fprintf(stderr, "keychainlint: %d project %s read\n", len(projects.Read), plural(len(projects.Read), "file", "files"))
	inputs := make([]driver.Input, len(files))
	for i, f := range files {
		inputs[i] = driver.Input{File: f}
	}
	res, err := driver.Run(ctx, inputs, driver.Config{Platforms: plat, Projects: projects, MaxFileSize: max(*maxSize, 0)})
	if err != nil {
		fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(err.Error()))
		return 2
	}
	// Files that could not be read (binary, unreadable): Read finds them,
	// not Collect.
	unread := map[string]bool{}
	for _, s := range res.Stats.Skipped {
		fmt.Fprintf(stderr, "keychainlint: note: skipped %s: %s\n", report.Path(s.Path), report.Text(s.Reason))
		unread[s.Path] = true
	}
	parsed := map[string]*model.File{}
	for _, f := range res.Files {
		parsed[f.Path] = f
	}
	seenTarget := map[*model.TargetFacts]bool{}
	var targets []*model.TargetFacts
	for _, f := range files {
		m := parsed[f.Path]
		if m == nil && (!*all || unread[f.Path]) {
			continue
		}
		var info *model.ProjectInfo
		scope := "- (no keychain code: not parsed)"
		if m != nil {
			info = m.Project
			scope = (m.Platforms & plat).String() // --platforms narrows last
		} else {
			info = projects.Info(f.Abs, f.Path)
		}
		fmt.Fprintf(stdout, "%s: %s%s; scope %s\n", report.Path(f.Path), report.Text(describeProject(info)), report.Text(targetNames(info)), scope)
		if info != nil {
			for _, t := range info.Targets {
				if !seenTarget[t] {
					seenTarget[t] = true
					targets = append(targets, t)
				}
			}
		}
	}
	printTargets(stdout, targets)
	return 0
}

// describeProject formats a file's project facts for dump --project.
func describeProject(info *model.ProjectInfo) string {
	if info == nil {
		return "no project; platforms not said"
	}
	var b strings.Builder
	if info.Module != "" {
		fmt.Fprintf(&b, "module %s; ", info.Module)
	} else {
		b.WriteString("no project; ")
	}
	if info.Platforms != 0 {
		fmt.Fprintf(&b, "platforms %s", info.Platforms)
	} else {
		b.WriteString("platforms not said")
	}
	if len(info.Deployment) > 0 {
		var deps []string
		for p, v := range info.Deployment {
			deps = append(deps, fmt.Sprintf("%s %s", p, osVersion(v)))
		}
		sort.Strings(deps)
		fmt.Fprintf(&b, "; deployment %s", strings.Join(deps, ", "))
	}
	if info.Test {
		b.WriteString("; test code")
	}
	if info.Source != "" {
		fmt.Fprintf(&b, "; from %s", info.Source)
	} else if info.Test {
		b.WriteString(" (from the path)")
	}
	return b.String()
}

func osVersion(v model.OSVersion) string {
	if v.Patch != 0 {
		return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	}
	return fmt.Sprintf("%d.%d", v.Major, v.Minor)
}
