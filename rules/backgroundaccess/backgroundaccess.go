package backgroundaccess

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports background reads of items readable only while the
// device is unlocked.
var Analyzer = &analysis.Analyzer{
	Name:     "backgroundaccess",
	Doc:      rulekit.ExtractDoc(doc, "backgroundaccess"),
	URL:      rulekit.URL("backgroundaccess"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// maxEntries bounds the entry points whose reads are matched against the
// program's adds, and maxPairs the (read, add) pairs compared: the work
// is bounded whatever the program (TestBounded).
var maxEntries, maxPairs = 1000, 100000

// finding is one background read of an item added while-unlocked-only.
type finding struct {
	site    flow.Site // the read, where it is reported
	read    *flow.CallFact
	entries []*entry
	add     *added
	handled bool // the code tells -25308 apart
}

// index is the program's findings by the file of their site.
type index struct {
	byFile map[*model.File][]*finding
	pairs  int // (read, add) pairs compared, for the bound's test
}

type memoKey struct{}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	if p.Session == nil {
		return nil, nil
	}
	ix := p.Session.Program.Memo(memoKey{}, func() any { return build(p.Session.Program) }).(*index)
	for _, f := range ix.byFile[p.Flow.File] {
		p.Report(f.report())
	}
	return nil, nil
}

// build finds the background reads (reads made, directly or through the
// helpers the flow engine resolves with certainty, by the part of an
// entry point that runs in the background) and matches them against the
// program's adds.
func build(prog *flow.Program) *index {
	ix := &index{byFile: map[*model.File][]*finding{}}
	es := entries(prog)
	if len(es) > maxEntries {
		es = es[:maxEntries]
	}
	if len(es) == 0 {
		return ix
	}
	results := map[*model.File]*flow.Result{}
	result := func(f *model.File) *flow.Result {
		r, ok := results[f]
		if !ok {
			r = prog.FileResult(f)
			results[f] = r
		}
		return r
	}
	// The reads, once each, with every entry point that reaches them.
	var reads []*finding
	bySite := map[flow.Site]*finding{}
	for _, e := range es {
		for _, c := range result(e.Fn.File).Calls {
			if c.Func != e.Fn || c.Op != model.OpRead || c.Dict == nil || c.Platforms&lockable == 0 || !e.contains(c.Site) || readsOtherProtection(c.Dict) {
				continue
			}
			site := readSite(c)
			if f, ok := bySite[site]; ok {
				if !hasEntry(f.entries, e) {
					f.entries = append(f.entries, e)
				}
				continue
			}
			f := &finding{site: site, read: c, entries: []*entry{e}}
			bySite[site] = f
			reads = append(reads, f)
		}
	}
	if len(reads) == 0 {
		return ix
	}
	// The adds of items readable only while unlocked.
	var all []*flow.CallFact
	for _, f := range prog.Files {
		all = append(all, result(f).Calls...)
	}
	updates := reprotections(all)
	var adds []*added
	var others []*flow.CallFact // adds with another or an unknown protection
	for _, c := range all {
		if a, ok := unlockedOnly(c); ok && !migrated(a, updates) {
			adds = append(adds, a)
		} else if c.Op == model.OpAdd && !c.Indirect && c.Dict != nil {
			others = append(others, c)
		}
	}
	for _, f := range reads {
		class, ok := f.read.Dict.Class()
		if !ok {
			continue
		}
		for _, a := range adds {
			if ix.pairs >= maxPairs {
				break
			}
			if a.class.Name != class.Name || (testCode(a.fact) && !testCode(f.read)) {
				// What a test adds is not what the app does.
				continue
			}
			ix.pairs++
			if sameItem(a.fact.Dict, f.read.Dict, class) {
				f.add = a
				break
			}
		}
		if f.add == nil || addedOtherwise(f, class, others, &ix.pairs) {
			continue
		}
		f.handled = handles(f.read, f.entries)
		ix.byFile[f.site.File] = append(ix.byFile[f.site.File], f)
	}
	return ix
}

// addedOtherwise reports whether another add of the program, with a
// protection readable while locked or one not known, may store the item
// the read reaches (a wrapper with a background variant of its save):
// the read may find that one.
func addedOtherwise(f *finding, class *keychain.Class, others []*flow.CallFact, pairs *int) bool {
	for _, c := range others {
		if *pairs >= maxPairs {
			return true // not known: stay silent
		}
		*pairs++
		if oc, ok := c.Dict.Class(); ok && oc.Name == class.Name && sameItem(c.Dict, f.read.Dict, class) {
			return true
		}
	}
	return false
}

// readSite is where a read is reported: the SecItem call made there, the
// helper's own SecItem call for a helper that reads with its own query,
// or the call of the wrapper the query is passed to.
func readSite(c *flow.CallFact) flow.Site {
	if c.Indirect && c.Origin.File != nil {
		return c.Origin
	}
	return c.NameSite
}

// testCode reports whether a call is made in test code (a test target,
// a test directory or file; see model.ProjectInfo.Test).
func testCode(c *flow.CallFact) bool {
	return c.Func != nil && c.Func.File != nil && c.Func.File.Project != nil && c.Func.File.Project.Test
}

func hasEntry(es []*entry, e *entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// handles reports whether the read's status is told apart from
// errSecInteractionNotAllowed where it is made or in the entry point: the
// code retries later, or waits for the device to unlock.
func handles(read *flow.CallFact, es []*entry) bool {
	fns := []*model.Func{read.Func}
	if read.Via != nil {
		fns = append(fns, read.Via)
	}
	for _, e := range es {
		fns = append(fns, e.Fn)
	}
	for _, fn := range fns {
		if mentionsInteractionNotAllowed(fn) {
			return true
		}
	}
	return false
}

func mentionsInteractionNotAllowed(fn *model.Func) bool {
	found := false
	model.InspectFunc(fn, func(n model.Node) bool {
		switch x := n.(type) {
		case *model.StatusCmp:
			found = found || x.Code == keychain.ErrSecInteractionNotAllowed
		case *model.Ident:
			found = found || x.Name == "errSecInteractionNotAllowed"
		case *model.NumberLit:
			found = found || (x.IsInt && (x.Int == keychain.ErrSecInteractionNotAllowed || x.Int == -keychain.ErrSecInteractionNotAllowed))
		}
		return !found
	})
	return found
}

func (f *finding) report() rulekit.Finding {
	e := f.entries[0]
	protection := "with " + f.add.protection + ","
	if f.add.protection == "" {
		protection = "without kSecAttrAccessible, so with the default kSecAttrAccessibleWhenUnlocked,"
	}
	status := rulekit.Status(keychain.ErrSecInteractionNotAllowed)
	msg := fmt.Sprintf("this read runs in %s, while the device may be locked, and the item is added %s which can be read only while the device is unlocked: %s fails with %s whenever this code runs while the device is locked; add the item with kSecAttrAccessibleAfterFirstUnlock (and still handle -25308: this code can run before the first unlock after a restart)",
		e.What, protection, model.OpRead.Func(), status)
	sev := rulekit.Warning
	if f.handled {
		sev = rulekit.Note
		msg = fmt.Sprintf("this read runs in %s, while the device may be locked, and the item is added %s which can be read only while the device is unlocked: the code handles %s, but the item stays unavailable to this code whenever the device is locked; add the item with kSecAttrAccessibleAfterFirstUnlock",
			e.What, protection, status)
	}
	addMsg := "the item is added here with " + f.add.protection
	if f.add.protection == "" {
		addMsg = "the item is added here without kSecAttrAccessible (default kSecAttrAccessibleWhenUnlocked)"
	}
	related := []rulekit.Related{{Site: f.add.site, Message: addMsg}}
	for i, x := range f.entries {
		if i == 3 {
			break
		}
		related = append(related, rulekit.Related{Site: x.Site, Message: "background entry point: " + x.What})
	}
	return rulekit.Finding{Severity: sev, Site: f.site, Message: msg, Related: related, Call: f.read.Site}
}
