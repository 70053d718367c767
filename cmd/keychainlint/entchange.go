package main

import (
	"bytes"
	"context"
	"fmt"
	"go/token"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/baseline"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/gitdiff"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/accessgroupchange"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// Entitlements changes (rule accessgroupchange): the entitlements of the
// scan's Xcode targets against those of an earlier version, the --diff
// revision's or those a --baseline recorded. The findings lie in
// .entitlements files, which are no source files: they are computed here,
// after the analysis, and the files they quote join the scan's sources
// (snippets, fingerprints, SARIF artifacts).

// earlier is an earlier version of the entitlements to compare with.
type earlier struct {
	// targets are its facts, named as now (the --diff revision), or
	// relative to the source root (a baseline: relative is set).
	targets  []*model.TargetFacts
	relative bool
	where    string // "at REV", "in the baseline FILE"
}

// revisionTargets reads the targets' facts at the --diff revision. A
// project that cannot be read there is left out with a note.
func revisionTargets(ctx context.Context, projects *project.Set, changes *gitdiff.Changes, rev string, maxSize int64) (*earlier, error) {
	if maxSize <= 0 || maxSize > source.HardMaxFileSize {
		maxSize = source.HardMaxFileSize
	}
	at := changes.At(ctx, rev)
	targets, err := projects.TargetsAt(func(abs string) ([]byte, bool) { return at.Read(abs, maxSize) })
	return &earlier{targets: targets, where: "at " + rev}, err
}

// baselineTargets are the targets a baseline recorded (nil: it recorded
// none).
func baselineTargets(b *baseline.Baseline, path string) *earlier {
	if b == nil || b.Targets == nil {
		return nil
	}
	e := &earlier{relative: true, where: "in the baseline " + path}
	for _, t := range b.Targets {
		tf := &model.TargetFacts{Target: t.Target, BundleIDs: t.BundleIDs}
		for _, be := range t.Entitlements {
			tf.Entitlements = append(tf.Entitlements, &model.Entitlements{
				Path: be.Path, Configurations: be.Configurations,
				KeychainAccessGroups: be.KeychainAccessGroups, AppGroups: be.AppGroups, Unread: be.Unread,
			})
		}
		e.targets = append(e.targets, tf)
	}
	return e
}

// relTarget names a target by its project's path relative to the source
// root ("App/Vault.xcodeproj:Vault"), as baselines record it.
func relTarget(root report.Root, module string) string {
	proj, name, ok := strings.Cut(module, ".xcodeproj:")
	if !ok {
		return module
	}
	rel, _ := root.Rel(proj + ".xcodeproj")
	return rel + ":" + name
}

// recordTargets is what --write-baseline records of the targets.
func recordTargets(root report.Root, targets []*model.TargetFacts) []baseline.Target {
	var out []baseline.Target
	for _, t := range targets {
		bt := baseline.Target{Target: relTarget(root, t.Target), BundleIDs: t.BundleIDs, Entitlements: []baseline.Entitlements{}}
		for _, e := range t.Entitlements {
			path, _ := root.Rel(e.Path)
			bt.Entitlements = append(bt.Entitlements, baseline.Entitlements{
				Path: path, Configurations: e.Configurations,
				KeychainAccessGroups: e.KeychainAccessGroups, AppGroups: e.AppGroups, Unread: e.Unread,
			})
		}
		out = append(out, bt)
	}
	return out
}

// relativeTargets are copies of the targets named relative to the root,
// and how each relative entitlements path is printed.
func relativeTargets(root report.Root, targets []*model.TargetFacts) ([]*model.TargetFacts, map[string]string) {
	printed := map[string]string{}
	var out []*model.TargetFacts
	for _, t := range targets {
		c := *t
		c.Target = relTarget(root, t.Target)
		c.Entitlements = nil
		for _, e := range t.Entitlements {
			ce := *e
			ce.Path, _ = root.Rel(e.Path)
			printed[ce.Path] = e.Path
			c.Entitlements = append(c.Entitlements, &ce)
		}
		out = append(out, &c)
	}
	return out, printed
}

// entitlementChanges returns the accessgroupchange findings against each
// earlier version, and the entitlements files they lie in.
func entitlementChanges(projects *project.Set, root report.Root, named func(string) bool, versions ...*earlier) ([]driver.Diagnostic, []*model.File) {
	cur := projects.Targets()
	var diags []driver.Diagnostic
	files := map[string]*model.File{}
	var order []*model.File
	seen := map[string]bool{}
	for _, v := range versions {
		if v == nil {
			continue
		}
		now, printed := cur, map[string]string(nil)
		if v.relative {
			now, printed = relativeTargets(root, cur)
		}
		for _, f := range accessgroupchange.Compare(v.targets, now, v.where, named) {
			path := f.Path
			if printed != nil {
				path = printed[f.Path]
			}
			mf := files[path]
			if mf == nil {
				src, ok := projects.DataFile(path)
				if !ok {
					continue // not expected: the facts come from this file
				}
				mf = &model.File{Path: path, Src: src}
				files[path] = mf
				order = append(order, mf)
			}
			pos, end := lineSpan(path, mf.Src, f.Line)
			if key := path + "\x00" + f.Message; !seen[key] {
				seen[key] = true
				sev := driver.Warning
				if f.Severity == rulekit.Note {
					sev = driver.Note
				}
				diags = append(diags, driver.Diagnostic{
					Rule: accessgroupchange.Analyzer.Name, Severity: sev, Pos: pos, End: end,
					Message: f.Message, URL: accessgroupchange.Analyzer.URL,
				})
			}
		}
	}
	return diags, order
}

// lineSpan is the text of a 1-based line without its indentation and
// line break (line 1 for 0, the last line beyond the end).
func lineSpan(path string, src []byte, line int) (token.Position, token.Position) {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			break
		}
		start += i + 1
	}
	end := start
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i
	} else {
		end = len(src)
	}
	text := bytes.TrimRight(src[start:end], " \t\r")
	lead := len(text) - len(bytes.TrimLeft(text, " \t"))
	return report.PositionAt(path, src, start+lead), report.PositionAt(path, src, start+len(text))
}

// entitlementDiagnostics computes the scan's accessgroupchange findings,
// with the configuration's severities and disabled rules applied. A
// project that cannot be read at the revision is a note.
func entitlementDiagnostics(ctx context.Context, o scanFlags, sources []*model.File, projects *project.Set, changes *gitdiff.Changes, base *baseline.Baseline, root report.Root, conf *scanConfig, scan *report.Scan, notes io.Writer) ([]driver.Diagnostic, []*model.File) {
	var versions []*earlier
	if changes != nil {
		v, err := revisionTargets(ctx, projects, changes, o.diff, o.maxSize)
		if err != nil {
			msg := "the projects at " + o.diff + " cannot be read, their entitlements are not compared: " + err.Error()
			fmt.Fprintf(notes, "keychainlint: note: %s\n", report.Text(msg))
			scan.Notifications = append(scan.Notifications, report.Notification{Level: driver.Note, Message: msg})
		}
		versions = append(versions, v)
	}
	versions = append(versions, baselineTargets(base, o.baseline))
	diags, files := entitlementChanges(projects, root, namedGroup(stringLiterals(sources)), versions...)
	diags = slices.DeleteFunc(diags, func(d driver.Diagnostic) bool {
		return slices.Contains(conf.fileOptions(d.Pos.Filename).Disabled, d.Rule)
	})
	conf.reseverity(diags)
	return diags, files
}

// stringLiterals are the string literals of the scan's keychain files
// (Swift, Objective-C and C quotes, without an interpolation): an
// application group holds keychain items only when code names it, and
// accessgroupchange reports its removal only then (namedGroup).
var stringLiteral = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"`)

func stringLiterals(files []*model.File) map[string]bool {
	out := map[string]bool{}
	for _, f := range files {
		for _, m := range stringLiteral.FindAll(f.Src, -1) {
			lit := string(m[1 : len(m)-1])
			if lit != "" && !strings.Contains(lit, "\\") {
				out[lit] = true
			}
		}
	}
	return out
}

// namedGroup tells whether a literal of the keychain code may be the
// group (a pattern with wildcards).
func namedGroup(literals map[string]bool) func(string) bool {
	return func(group string) bool {
		for lit := range literals {
			if accessgroupchange.MayEqual(group, lit) {
				return true
			}
		}
		return false
	}
}
