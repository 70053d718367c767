package accessgroupchange

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer is the rule's entry in the catalog. Its findings are about
// project files, not source files, and need an earlier version of them:
// the scan command computes them with Compare (the per-file analysis has
// nothing to do).
var Analyzer = &analysis.Analyzer{
	Name: "accessgroupchange",
	Doc:  rulekit.ExtractDoc(doc, "accessgroupchange"),
	URL:  rulekit.URL("accessgroupchange"),
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// Finding is a change to report, at a line of an entitlements file.
type Finding struct {
	// Path is the entitlements file, as printed (Entitlements.Path).
	Path string
	// Line is 1-based; 0 when the file gives no line (a binary plist).
	Line    int
	Message string
	// Severity is rulekit.Warning, or rulekit.Note for a change that
	// concerns test hosts only.
	Severity string
}

// Compare reports the changes from the targets' facts before (old) to
// now (cur). where names the earlier version in messages ("at HEAD~1",
// "in the baseline"). Targets are matched by name, entitlements by
// build configuration. One change of a file that several targets (or
// configurations) use is one finding that names them all. Findings are
// sorted by file and line.
//
// named tells whether the scan's keychain code names an application group
// (a string the group's pattern matches): an item lands in an application
// group only when code names it in kSecAttrAccessGroup, and application
// groups are mostly shared containers, so a removed application group
// that no keychain code names strands no item and is not reported. A
// removed keychain-access-groups entry always is (that entitlement exists
// for the keychain alone, and a wrapper library outside the scan may name
// the group). nil names none.
//
// A change in a test host (an application that only runs a test bundle)
// is a note: it holds no user's data.
func Compare(old, cur []*model.TargetFacts, where string, named func(group string) bool) []Finding {
	before := map[string]*model.TargetFacts{}
	for _, t := range old {
		before[t.Target] = t
	}
	var changes []*change
	byKey := map[string]*change{}
	for _, t := range cur {
		o := before[t.Target]
		if o == nil {
			continue // a new target: no earlier version of it shipped
		}
		for _, e := range t.Entitlements {
			if e.Unread != "" {
				continue
			}
			for _, config := range e.Configurations {
				oe, ok := entitlementsFor(o, config)
				if !ok {
					continue
				}
				for _, c := range compareOne(o, oe, t, e, named) {
					key := c.key()
					if prev := byKey[key]; prev != nil {
						if !contains(prev.targets, c.targets[0]) {
							prev.targets = append(prev.targets, c.targets[0])
						}
						prev.hostsOnly = prev.hostsOnly && c.hostsOnly
						continue
					}
					byKey[key] = c
					changes = append(changes, c)
				}
			}
		}
	}
	var out []Finding
	for _, c := range changes {
		sev := rulekit.Warning
		if c.hostsOnly {
			sev = rulekit.Note
		}
		out = append(out, Finding{Path: c.path, Line: c.line, Message: c.message(where), Severity: sev})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// change is one change to report, before it is worded.
type change struct {
	path string
	line int
	// A moved default: from old to now; fromID and toID say that a side
	// is the application identifier (no keychain-access-groups), lost
	// that the old default is no longer entitled at all.
	move               bool
	old, now           string
	fromID, toID, lost bool
	group, list        string // a removed group, and the entitlement that listed it
	targets            []string
	hostsOnly          bool // every target is a test host
}

// key is what makes two changes one finding: all but the targets.
func (c *change) key() string {
	return fmt.Sprintf("%s\x00%d\x00%v\x00%s\x00%s\x00%v %v %v\x00%s\x00%s", c.path, c.line, c.move, c.old, c.now, c.fromID, c.toID, c.lost, c.group, c.list)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// entitlementsFor is the entitlements the target had in a configuration:
// none (nil, true) when the target had no entitlements file at all; not
// known (false) when the file could not be read, or when other
// configurations had files and this one none (it may not have existed).
func entitlementsFor(t *model.TargetFacts, config string) (*model.Entitlements, bool) {
	for _, e := range t.Entitlements {
		for _, c := range e.Configurations {
			if c == config {
				return e, e.Unread == ""
			}
		}
	}
	return nil, len(t.Entitlements) == 0
}

// appID is the application identifier as an access group: the app ID
// prefix (a wildcard) and the bundle identifier; a wildcard when the
// target has none or several.
func appID(t *model.TargetFacts) string {
	if len(t.BundleIDs) != 1 {
		return "*"
	}
	return "*" + strings.TrimPrefix(t.BundleIDs[0], "*")
}

func groups(e *model.Entitlements) (kag, ag []string) {
	if e == nil {
		return nil, nil
	}
	return e.KeychainAccessGroups, e.AppGroups
}

// compareOne compares one configuration's entitlements, before (oe, nil
// for none) and now. A removed old default is part of the move: one bug,
// one finding.
func compareOne(o *model.TargetFacts, oe *model.Entitlements, t *model.TargetFacts, e *model.Entitlements, named func(string) bool) []*change {
	oldKAG, oldAG := groups(oe)
	name := shortTarget(t.Target)
	var out []*change
	oldDefault, oldFromID := appID(o), true
	if len(oldKAG) > 0 {
		oldDefault, oldFromID = oldKAG[0], false
	}
	newDefault := appID(t)
	if len(e.KeychainAccessGroups) > 0 {
		newDefault = e.KeychainAccessGroups[0]
	}
	reachable := append(append([]string{appID(t)}, e.KeychainAccessGroups...), e.AppGroups...)
	moved := !MayEqual(oldDefault, newDefault)
	if moved {
		line := first(e.GroupLines)
		if len(e.KeychainAccessGroups) == 0 {
			line = firstNonZero(e.AppGroupsLine, 1)
		}
		out = append(out, &change{path: e.Path, line: line, move: true, old: oldDefault, now: newDefault,
			fromID: oldFromID, toID: len(e.KeychainAccessGroups) == 0, lost: !anyMayEqual(reachable, oldDefault), targets: []string{name}, hostsOnly: t.TestHost})
	}
	for i, list := range [][]string{oldKAG, oldAG} {
		for _, g := range list {
			if anyMayEqual(reachable, g) || (moved && g == oldDefault) || (i == 1 && (named == nil || !named(g))) {
				continue
			}
			c := &change{path: e.Path, line: firstNonZero(e.Line, e.AppGroupsLine, 1), group: g, list: "keychain-access-groups", targets: []string{name}, hostsOnly: t.TestHost}
			if i == 1 {
				c.line, c.list = firstNonZero(e.AppGroupsLine, e.Line, 1), "com.apple.security.application-groups"
			}
			out = append(out, c)
		}
	}
	return out
}

func first(lines []int) int {
	if len(lines) == 0 {
		return 1
	}
	return firstNonZero(lines[0], 1)
}

func firstNonZero(ns ...int) int {
	for _, n := range ns {
		if n > 0 {
			return n
		}
	}
	return 0
}

func anyMayEqual(patterns []string, g string) bool {
	for _, p := range patterns {
		if MayEqual(p, g) {
			return true
		}
	}
	return false
}

// MayEqual reports whether two values in which "*" stands for any run of
// characters (an unexpanded build setting) can be the same string: a
// change between them is certain only when they cannot. Both patterns
// are walked together; a "*" on either side may end or absorb the other
// side's next character.
func MayEqual(a, b string) bool {
	if (len(a)+1)*(len(b)+1) > maxCompare {
		return true // not worth proving: no access group is that long
	}
	// reach[i][j]: a[:i] and b[:j] can spell the same string.
	reach := make([][]bool, len(a)+1)
	for i := range reach {
		reach[i] = make([]bool, len(b)+1)
	}
	reach[0][0] = true
	for i := 0; i <= len(a); i++ {
		for j := 0; j <= len(b); j++ {
			if !reach[i][j] {
				continue
			}
			if i < len(a) && a[i] == '*' {
				reach[i+1][j] = true // the star ends
				if j < len(b) {
					reach[i][j+1] = true // it absorbs b's next character or star
				}
			}
			if j < len(b) && b[j] == '*' {
				reach[i][j+1] = true
				if i < len(a) {
					reach[i+1][j] = true
				}
			}
			if i < len(a) && j < len(b) && a[i] == b[j] && a[i] != '*' {
				reach[i+1][j+1] = true
			}
		}
	}
	return reach[len(a)][len(b)]
}

// maxCompare bounds the table MayEqual fills (access groups are a few
// dozen characters; an entitlements file may hold anything).
const maxCompare = 1 << 16

// shortTarget is "App.xcodeproj:App" for "path/to/App.xcodeproj:App".
func shortTarget(module string) string {
	proj, name, ok := strings.Cut(module, ".xcodeproj:")
	if !ok {
		return module
	}
	return filepath.Base(proj) + ".xcodeproj:" + name
}

// wildNote explains "*" when a message shows one.
func wildNote(values ...string) string {
	for _, v := range values {
		if strings.Contains(v, "*") {
			return " (* stands for $(AppIdentifierPrefix) or another setting the signing supplies)"
		}
	}
	return ""
}

func (c *change) message(where string) string {
	targets := strings.Join(c.targets, ", ")
	if !c.move {
		return fmt.Sprintf("access group %q was in the %s of %s %s and this version is no longer entitled to it%s: the items in it become invisible to this version (reads find nothing, the user's data is lost to the app though it is still on the device); keep the group until its items are migrated (read each, add it with kSecAttrAccessGroup set to a group this version keeps, delete the old one)",
			c.group, c.list, targets, where, wildNote(c.group))
	}
	from := fmt.Sprintf("%q %s", c.old, where)
	if c.fromID {
		from = fmt.Sprintf("the application identifier %q (no keychain-access-groups %s)", c.old, where)
	}
	to := fmt.Sprintf("%q", c.now)
	if c.toID {
		to = fmt.Sprintf("the application identifier %q (keychain-access-groups is gone)", c.now)
	}
	if c.lost {
		return fmt.Sprintf("the default keychain access group of %s moves from %s to %s%s, and this version is no longer entitled to %q: the items earlier versions added there become invisible to it (reads find nothing, the user's data is lost to the app though it is still on the device), and the ones it adds land in %q; keep %q in the entitlements, first, or migrate the items explicitly (read each, add it with kSecAttrAccessGroup %q, delete the old one) while the app still has access to %q",
			targets, from, to, wildNote(c.old, c.now), c.old, c.now, c.old, c.now, c.old)
	}
	return fmt.Sprintf("the default keychain access group of %s moves from %s to %s%s: items earlier versions added without kSecAttrAccessGroup stay in %q, the ones this version adds land in %q (a second copy of an existing item instead of errSecDuplicateItem, and reads that name no group may return either); keep %q first in keychain-access-groups, or migrate the items explicitly (read each, add it with kSecAttrAccessGroup %q, delete the old one), and keep access to %q until they are migrated",
		targets, from, to, wildNote(c.old, c.now), c.old, c.now, c.old, c.now, c.old)
}
