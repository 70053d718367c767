package driver

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// The prefilter decides which files are parsed, in two rounds.
//
// Round 1 parses the files with a keychain token, an identifier that
// begins with SecItem or kSec and an upper-case letter
// (source.MayHaveKeychainCode): the keychain files.
//
// Round 2 parses, among the files round 1 left out, those that keychain
// code needs to be understood: helper files that build queries only
// through names defined elsewhere. From the models of round 1 it collects
//
//   - the names keychain code uses where they make a dictionary, a key or
//     a value (SecItem arguments, dictionary literals, subscript writes,
//     copies and merges, the variables that feed them, calls that are
//     given such a dictionary) and that no keychain file defines: a
//     KeychainDictionary(_:) wrapper, a query(_:) builder, a
//     CFString.stringValue extension, a Keys type;
//   - the aliases keychain files define for Security constants: a property
//     or global constant whose value is a kSec… constant or a key's short
//     string (`static let account = kSecAttrAccount as String`,
//     `NSString *const MyAccountKey = (__bridge NSString *)kSecAttrAccount;`).
//
// A file of round 2 is parsed when a token scan (source.ScanNames, a
// lexer, not a parse) finds that it declares one of the names, or mentions
// one of the aliases (its name and, for a member, its type's name).
//
// Round 2 must wait for round 1's models, but holding the sources of every
// file round 1 did not parse until then would double the scan's peak
// memory (nearly every file of a project is such a file). So round 1 runs
// the token scan while it has a file's bytes and keeps only its names, as
// a set of hashes (nameSet, a twentieth of the source), and drops the
// bytes. Round 2 tests the needles against each set and reads again only
// the files that pass, to confirm on the source (a hash may collide) and
// to parse them: those files are read twice. That is bounded by the files
// round 2 parses (plus the rare collision), a few per keychain file, each
// of which costs far more to parse than to read. A file that changed
// between the two reads is judged and parsed as round 2 reads it.
//
// There is exactly one extra round, never a closure: what round-2 files
// use in turn is not looked for, so the work is bounded by two passes over
// the sources whatever the code (TestPrefilterOneExtraRound).

// keychainFile is round 1's test; a variable so that a test can compare
// the findings under another one (export_test.go).
var keychainFile = source.MayHaveKeychainCode

// parsed is the outcome of reading and parsing the inputs.
type parsed struct {
	models  []*model.File // per input; nil when not parsed
	skipped []*source.Skipped
	sizes   []int64
	helpers int // files parsed in round 2
	unread  int // files that could not be read
	// outside says which properties the flow engine may prove nil the
	// files outside the program mention (outside.go).
	outside map[string]bool
	// pending are the models from the cache whose functions are not
	// decoded yet: call pending.complete before reading them.
	pending *deferred
}

// parseInputs reads every input the walk finds, once, as the walk finds
// it (round 1 overlaps the walk), and parses the files the prefilter
// keeps, in parallel; each worker reuses its parser. It returns the
// inputs the walk returns, and the outcome for each in the same order:
// what happens to a file does not depend on when the walk found it.
func parseInputs(ctx context.Context, walk Walk, cfg Config, workers int) (*parsed, []Input, error) {
	start := now().UnixNano()
	parsers := make(chan *swiftparse.Parser, workers)
	for w := 0; w < workers; w++ {
		parsers <- swiftparse.NewParser()
	}
	defer func() {
		close(parsers)
		for p := range parsers {
			p.Close()
		}
	}()
	pending := &deferred{}
	parse := func(p *swiftparse.Parser, in Input, src []byte) (*model.File, *source.Skipped) {
		f, rest, err := parseCached(ctx, cfg, p, in.File.Path, src)
		cfg.Progress.parsed()
		if err != nil {
			return nil, &source.Skipped{Path: in.File.Path, Reason: err.Error()}
		}
		pending.add(f, rest)
		return f, nil // its Project is attached by RunWalk
	}

	load := func(in Input) ([]byte, error) {
		if in.Src != nil {
			return in.Src, nil
		}
		return readFile(in.File, source.Options{MaxFileSize: cfg.MaxFileSize})
	}

	// Round 1: read, parse the keychain files, keep the others' names for
	// round 2.
	index := openStatIndex(cfg, start) // statindex.go
	round1 := func(p *swiftparse.Parser, r *read) {
		defer cfg.Progress.read()
		if index.lookup(r) {
			return // unchanged since a run that scanned it
		}
		src, err := load(r.in)
		if err != nil {
			r.skipped = &source.Skipped{Path: r.in.File.Path, Reason: readReason(err)}
			r.unread = true
			return
		}
		r.size = int64(len(src))
		if !keychainFile(src) {
			b := builders.Get().(*nameSetBuilder)
			r.names, r.candidate = b.build(src, langOf(r.in)), true
			builders.Put(b)
			return
		}
		r.model, r.skipped = parse(p, r.in, src)
	}
	jobs := make(chan *read, 4*workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := <-parsers
			defer func() { parsers <- p }()
			for r := range jobs {
				round1(p, r)
			}
		}()
	}
	var found []*read
	inputs, err := walk(func(in Input) {
		r := &read{in: in}
		found = append(found, r)
		cfg.Progress.found()
		jobs <- r
	})
	close(jobs)
	wg.Wait()
	if err != nil {
		return nil, nil, err
	}
	cfg.Progress.walked(len(inputs))
	reads := inOrder(found, inputs)
	// Inputs the walk returned without handing them over are read now.
	var late []int
	for i, r := range reads {
		if r == nil {
			reads[i] = &read{in: inputs[i]}
			late = append(late, i)
		}
	}
	parallel(len(late), workers, parsers, func(p *swiftparse.Parser, k int) {
		round1(p, reads[late[k]])
	})

	out := &parsed{
		pending: pending,
		models:  make([]*model.File, len(inputs)),
		skipped: make([]*source.Skipped, len(inputs)),
		sizes:   make([]int64, len(inputs)),
	}
	for i, r := range reads {
		out.models[i], out.skipped[i], out.sizes[i] = r.model, r.skipped, r.size
		if r.unread {
			out.unread++
		}
	}

	index.save(cfg, reads)
	out.outside = outsideMentions(out.models, reads)

	// Round 2: the helper files round 1 needs (one round, see above).
	want := helperNamesOf(cfg, out.models, func() { pending.complete(ctx, cfg, out.models, workers) }) // helpernames_cache.go
	if betweenRounds != nil {
		betweenRounds()
	}
	if want.empty() {
		return out, inputs, nil
	}
	var cands []int
	for i, r := range reads {
		if r.candidate {
			cands = append(cands, i)
		}
	}
	var mu sync.Mutex
	parallel(len(cands), workers, parsers, func(p *swiftparse.Parser, k int) {
		i := cands[k]
		names := reads[i].names
		reads[i].names = nil
		lang := langOf(inputs[i])
		if !want.mayMatch(names, lang) {
			return
		}
		// Read again: the file's second read (see above).
		src, err := load(inputs[i])
		if err != nil {
			out.skipped[i] = &source.Skipped{Path: inputs[i].File.Path, Reason: readReason(err)}
			mu.Lock()
			out.unread++
			mu.Unlock()
			return
		}
		if !want.match(src, lang) {
			return // a hash collision, or the file changed since round 1
		}
		out.models[i], out.skipped[i] = parse(p, inputs[i], src)
		if out.models[i] != nil {
			mu.Lock()
			out.helpers++
			mu.Unlock()
		}
	})
	return out, inputs, nil
}

// read is round 1's outcome for an input the walk found.
type read struct {
	in      Input
	model   *model.File // parsed in round 1
	skipped *source.Skipped
	unread  bool // the file could not be read
	size    int64
	// candidate is a file read but not parsed by round 1, and names its
	// identifiers for round 2.
	candidate bool
	names     nameSet
	// st is the file's stat before the read (stOK: taken), indexed its
	// entry in the stat index when that was trusted (statindex.go).
	st      fileStat
	stOK    bool
	indexed *statEntry
}

// builders are the nameSetBuilders of round 1's workers.
var builders = sync.Pool{New: func() any { return new(nameSetBuilder) }}

// readFile reads a file; a variable so that a test can count the reads.
var readFile = source.Read

// now is the clock the stat index reads; a variable so that a test can
// run as if later.
var now = time.Now

// betweenRounds, when not nil, is called after round 1, when no source
// round 1 did not parse is held any more (a test's seam).
var betweenRounds func()

// inOrder returns, for each of the inputs a walk returned, the read of it
// among those found (nil when it was not found): found itself when the
// walk returned what it found, in that order (Run), else matched by file
// (source.Walk returns its files sorted and without duplicates).
func inOrder(found []*read, inputs []Input) []*read {
	same := len(found) == len(inputs)
	for i := 0; same && i < len(found); i++ {
		same = found[i].in.File == inputs[i].File
	}
	if same {
		return found
	}
	byFile := make(map[source.File]*read, len(found))
	for _, r := range found {
		if _, dup := byFile[r.in.File]; !dup {
			byFile[r.in.File] = r
		}
	}
	out := make([]*read, len(inputs))
	for i, in := range inputs {
		out[i] = byFile[in.File]
		delete(byFile, in.File) // an input given twice is read twice
	}
	return out
}

// parallel runs fn(p, i) for i in [0, n) on workers goroutines, each with
// a parser taken from (and returned to) parsers.
func parallel(n, workers int, parsers chan *swiftparse.Parser, fn func(p *swiftparse.Parser, i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := <-parsers
			defer func() { parsers <- p }()
			for i := range jobs {
				fn(p, i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

func langOf(in Input) model.Lang {
	if in.File.Lang != model.LangUnknown {
		return in.File.Lang
	}
	return model.LangForPath(in.File.Path)
}

// helperNames is what round 2 looks for: needles over a table of names.
type helperNames struct {
	idx     map[string]int // name → its index in the tables of a scan
	needles []needle
	// direct are the names whose global declaration alone satisfies a
	// needle, with the languages of the files where it does: the scan
	// stops at the first one.
	direct map[string]langs
	byKey  []keyed // the table by hash part (keyTable)
	// entries and reach: a file that mentions one of the entries (the
	// background entry points) and one of reach (the keychain files'
	// functions and types) is parsed too (background.go).
	entries, reach []int
}

// needle is one thing a round-2 file may hold: a declaration of name of
// the kind decl, with owner's body, extension or category when owner >= 0
// (Keys.account needs a member account declared where `enum Keys` or
// `extension Keys` is); or a mention of an alias (decl NotDecl) and of its
// owner type's name.
type needle struct {
	name, owner int
	decl        source.Decl
	// in is the languages of the files that may hold it.
	in langs
}

// langs is a set of file languages: Swift, and Objective-C or C.
type langs uint8

const (
	inSwift langs = 1 << iota
	inC
	inAny = inSwift | inC
)

func langsOf(l model.Lang) langs {
	if l == model.Swift {
		return inSwift
	}
	return inC
}

func (h *helperNames) empty() bool { return len(h.needles) == 0 && len(h.entries) == 0 }

func (h *helperNames) index(s string) int {
	if i, ok := h.idx[s]; ok {
		return i
	}
	h.idx[s] = len(h.idx)
	return h.idx[s]
}

func (h *helperNames) add(name, owner string, decl source.Decl, in langs) {
	n := needle{name: h.index(name), owner: -1, decl: decl, in: in}
	if owner != "" {
		n.owner = h.index(owner)
	} else if decl == source.DeclGlobal {
		h.direct[name] |= in
	}
	h.needles = append(h.needles, n)
}

// match reports whether a file satisfies one of the needles, by a token
// scan of its source.
func (h *helperNames) match(src []byte, lang model.Lang) bool {
	in := langsOf(lang)
	// What the file mentions and declares, per name of the table.
	mentioned := make([]bool, len(h.idx))
	declared := make([]source.Decl, len(h.idx))
	found := false
	source.ScanNames(src, lang, func(name []byte, d source.Decl) bool {
		k, ok := h.idx[string(name)]
		if !ok {
			return true
		}
		mentioned[k] = true
		if d&source.DeclGlobal != 0 && h.direct[string(name)]&in != 0 {
			found = true
			return false
		}
		declared[k] |= d
		return true
	})
	return found || h.satisfied(in, mentioned, declared)
}

// satisfied reports whether a file of the languages in that mentions and
// declares these names (per name of the table) satisfies a needle.
func (h *helperNames) satisfied(in langs, mentioned []bool, declared []source.Decl) bool {
	if h.reaches(mentioned) {
		return true
	}
	for _, n := range h.needles {
		if n.in&in == 0 {
			continue
		}
		if n.decl == source.NotDecl {
			// An alias: its name, and its type's name, mentioned.
			if mentioned[n.name] && (n.owner < 0 || mentioned[n.owner]) {
				return true
			}
			continue
		}
		// A declaration, of a member in the scope of its type (the
		// type's body, an extension or a category in this file).
		if declared[n.name]&n.decl != 0 && (n.owner < 0 || declared[n.owner]&source.DeclScope != 0) {
			return true
		}
	}
	return false
}

// collectHelperNames gathers, from the keychain files' models, the needles
// round 2 looks for.
func collectHelperNames(files []*model.File) *helperNames {
	h := &helperNames{idx: map[string]int{}, direct: map[string]langs{}}
	// What the keychain files define: their functions, properties and
	// types, and what the token scan sees declared (stored properties,
	// which the model does not list).
	defined := map[string]bool{}
	aliases := map[string]bool{}
	for _, f := range files {
		if f == nil {
			continue
		}
		source.ScanNames(f.Src, f.Lang, func(name []byte, d source.Decl) bool {
			if d != source.NotDecl {
				defined[string(name)] = true
			}
			return true
		})
		for _, fn := range f.Funcs {
			if fn.Name != "" {
				defined[fn.Name] = true
			}
			if fn.Owner != "" {
				defined[fn.Owner] = true
			}
			if owner, name, ok := alias(fn); ok {
				aliases[name] = true
				// Swift's aliases are for Swift files; Objective-C's and
				// C's constants are visible from Swift too.
				in := inAny
				if f.Lang == model.Swift {
					in = inSwift
				}
				h.add(name, owner, source.NotDecl, in)
			}
		}
	}
	used := map[use]bool{}
	for _, f := range files {
		if f == nil {
			continue
		}
		u := &user{file: f, aliases: aliases, used: used, locals: fileLocals(f)}
		for _, fn := range f.Funcs {
			u.fn = fn
			u.collect()
		}
	}
	for x := range used {
		name := x.name
		if i := strings.IndexByte(name, ':'); i >= 0 {
			name = name[:i] // a selector: its first part is what a declaration shows
		}
		if name == "" || defined[x.name] || defined[name] || builtin(name) {
			continue
		}
		h.add(name, x.owner, x.decl, x.in)
	}
	addBackgroundNames(h, files) // background.go
	h.byKey = h.keyTable()
	return h
}

// use is a declaration keychain code needs: a name, declared as a global
// or as a member of owner ("" when not known), in a file of the languages
// in.
type use struct {
	name, owner string
	decl        source.Decl
	in          langs
}

// alias reports whether fn is a property or global constant whose value
// is a Security constant or a key's (or class's) short string.
func alias(fn *model.Func) (owner, name string, ok bool) {
	if fn.Kind != model.FuncProperty || fn.Name == "" || len(fn.Body) != 1 {
		return "", "", false
	}
	r, isRet := fn.Body[0].(*model.Return)
	if !isRet || r.Value == nil {
		return "", "", false
	}
	switch v := model.StripCasts(r.Value).(type) {
	case *model.Ident:
		ok = strings.HasPrefix(v.Name, "kSec")
	case *model.StringLit:
		_, isKey := keychain.LookupShort(v.Value)
		_, isClass := keychain.LookupClass(v.Value)
		ok = isKey || isClass
	}
	return fn.Owner, fn.Name, ok
}

// builtin reports names that are Security or Core Foundation API, or the
// language's own, never a project's helper.
func builtin(name string) bool {
	switch name {
	case "self", "Self", "super", "nil", "true", "false",
		// NSObject's and the language's own.
		"alloc", "new", "copy", "mutableCopy", "autorelease", "retain", "release":
		return true
	}
	if strings.HasPrefix(name, "init") && (len(name) == 4 || name[4] >= 'A' && name[4] <= 'Z' || name[4] == ':') {
		return true // initialisers: init, initWithData:encoding:
	}
	return strings.HasPrefix(name, "kSec") || strings.HasPrefix(name, "kCF") || strings.HasPrefix(name, "errSec") ||
		strings.HasPrefix(name, "Sec") || strings.HasPrefix(name, "CF")
}

// fileLocals are the names declared as parameters or locals anywhere in
// f, and the variables of its loops and closures (the names before an
// `in` token, which the model does not declare): a nested function or a
// closure uses its enclosing function's locals by their plain names.
func fileLocals(f *model.File) map[string]bool {
	locals := map[string]bool{}
	for _, fn := range f.Funcs {
		if fn.Kind == model.FuncProperty || fn.Kind == model.FuncTopLevel {
			continue // property initialisers and top-level code declare globals
		}
		for _, p := range fn.Params {
			locals[p.Name] = true
		}
		model.InspectFunc(fn, func(n model.Node) bool {
			switch x := n.(type) {
			case *model.Decl:
				locals[x.Name] = true
			case *model.OptionalBind:
				locals[x.Name] = true
			case *model.Closure:
				if x.Fn != nil {
					for _, p := range x.Fn.Params {
						locals[p.Name] = true
					}
				}
			}
			return true
		})
	}
	var prev []byte
	source.ScanNames(f.Src, f.Lang, func(name []byte, _ source.Decl) bool {
		if string(name) == "in" && prev != nil {
			locals[string(prev)] = true
		}
		prev = name
		return true
	})
	return locals
}

// user collects the declarations one function's keychain code needs.
type user struct {
	file    *model.File
	fn      *model.Func
	aliases map[string]bool
	locals  map[string]bool // the file's locals (fileLocals)
	used    map[use]bool

	assigned map[string][]model.Expr // local → the values assigned to it
	traced   map[string]bool         // locals followed to their values
	work     []model.Expr
	seen     map[*model.DictLit]bool
}

// collect adds the declarations fn needs where it makes a keychain
// dictionary, a key or a value that may reach a SecItem call. Keychain
// dictionaries are the arguments of SecItem calls, the literals and
// subscript writes with a Security key (a kSec… constant, an alias of
// one, the "class" short string), and the local variables that feed them,
// followed to what they were assigned. Their heads count (the function
// called, the member read, the type named), and so do the functions given
// such a dictionary variable (addAccessGroup(to: &query)) and, in a
// function with keychain code that returns a dictionary, the heads of
// what it returns. Dictionaries without a Security key (JSON,
// attributed-string attributes) and the rest of the code are not looked
// at: their names would make round 2 parse much of the project for
// nothing.
func (u *user) collect() {
	fn := u.fn
	u.assigned, u.traced, u.work, u.seen = map[string][]model.Expr{}, map[string]bool{}, nil, map[*model.DictLit]bool{}
	var calls []*model.Call
	var ops []*model.DictOp
	model.InspectFunc(fn, func(n model.Node) bool {
		switch x := n.(type) {
		case *model.Decl:
			if x.Value != nil {
				u.assigned[x.Name] = append(u.assigned[x.Name], x.Value)
			}
		case *model.OptionalBind:
			u.assigned[x.Name] = append(u.assigned[x.Name], x.Value)
		case *model.Assign:
			if id, ok := model.StripCasts(x.Target).(*model.Ident); ok {
				u.assigned[id.Name] = append(u.assigned[id.Name], x.Value)
			}
		case *model.Call:
			calls = append(calls, x)
		case *model.DictOp:
			ops = append(ops, x)
		}
		return true
	})
	hasKeychain := false
	model.InspectFunc(fn, func(n model.Node) bool {
		switch x := n.(type) {
		case *model.SecItemCall:
			hasKeychain = true
			u.heads(x.Dict)
			u.heads(x.Update)
		case *model.DictLit:
			for _, en := range x.Entries {
				if u.securityKey(en.Key) {
					hasKeychain = true
					u.heads(x)
					break
				}
			}
		case *model.DictOp:
			if x.Key != nil && u.securityKey(x.Key) {
				hasKeychain = true
				u.heads(x.Dict)
			}
		}
		return true
	})
	if hasKeychain && isDictType(fn.ResultType) {
		model.InspectFunc(fn, func(n model.Node) bool {
			if r, ok := n.(*model.Return); ok {
				u.heads(r.Value)
			}
			return true
		})
	}
	// Follow the locals that feed a keychain dictionary, and the writes
	// into them, until nothing new is reached (each local and each write
	// once: bounded by the function's size).
	done := make([]bool, len(ops))
	for {
		for len(u.work) > 0 {
			e := u.work[len(u.work)-1]
			u.work = u.work[:len(u.work)-1]
			u.heads(e)
		}
		progress := false
		for i, op := range ops {
			if done[i] {
				continue
			}
			if id, ok := model.StripCasts(op.Dict).(*model.Ident); ok && u.traced[id.Name] {
				done[i], progress = true, true
				u.heads(op.Key)
				u.heads(op.Value)
				u.heads(op.Other)
			}
		}
		if !progress && len(u.work) == 0 {
			break
		}
	}
	// Functions given one of those dictionaries may change it or hand it on.
	for _, c := range calls {
		for _, a := range c.Args {
			v := model.StripCasts(a.Value)
			if un, ok := v.(*model.Unary); ok {
				v = model.StripCasts(un.X)
			}
			if id, ok := v.(*model.Ident); ok && u.traced[id.Name] {
				u.callee(c)
				break
			}
		}
	}
}

// securityKey reports a key that makes a dictionary a keychain one: a
// kSec… constant, an alias of one, or "class" (other short strings such
// as "type" or "port" are common keys of other dictionaries).
func (u *user) securityKey(e model.Expr) bool {
	switch k := model.StripCasts(e).(type) {
	case *model.Ident:
		return strings.HasPrefix(k.Name, "kSec") || u.aliases[k.Name] && !u.locals[k.Name]
	case *model.Member:
		return u.aliases[k.Name]
	case *model.StringLit:
		return k.Value == "class"
	}
	return false
}

func (u *user) lang() langs {
	if u.file.Lang == model.Swift {
		return inAny // Swift calls Swift, Objective-C and C
	}
	return inC // Objective-C and C call no Swift declaration by a plain name
}

// plain records a name used without a receiver: a free function, a
// global, a type; in a Swift method also an implicit member of its type,
// declared in an extension in another file.
func (u *user) plain(name string) {
	if name == "" || u.locals[name] {
		return
	}
	u.used[use{name: name, decl: source.DeclGlobal, in: u.lang()}] = true
	if u.file.Lang == model.Swift && u.fn.Owner != "" {
		u.used[use{name: name, owner: u.fn.Owner, decl: source.DeclMember, in: inSwift}] = true
	}
}

// member records a member used on recv. It is looked for only where the
// engine could resolve it: on self, on a type name, on a Security
// constant (kSecAttrAccessible.stringValue, an extension of CFString). A
// receiver of unknown type never resolves to another file's member, and
// nor does an implicit member (.utf8) without the types.
func (u *user) member(name string, recv model.Expr) {
	if name == "" {
		return
	}
	r, ok := model.StripCasts(recv).(*model.Ident)
	if !ok {
		return
	}
	owner := ""
	switch {
	case r.Name == "self" || r.Name == "super" || r.Name == "Self":
		owner = u.fn.Owner
	case strings.HasPrefix(r.Name, "kSec"):
		owner = "CFString"
	case !u.locals[r.Name] && r.Name[0] >= 'A' && r.Name[0] <= 'Z':
		owner = r.Name
	}
	if owner != "" {
		u.used[use{name: name, owner: owner, decl: source.DeclMember, in: u.lang()}] = true
	}
}

// callee records the function a call goes to.
func (u *user) callee(c *model.Call) {
	switch f := c.Fun.(type) {
	case *model.Ident:
		u.plain(f.Name)
	case *model.Member:
		if f.X != nil {
			u.member(f.Name, f.X)
		}
	}
}

// heads records the declarations an expression's value comes from, and
// follows the locals it reads to what they were assigned.
func (u *user) heads(e model.Expr) {
	if e == nil {
		return
	}
	switch x := model.StripCasts(e).(type) {
	case *model.Ident:
		if u.locals[x.Name] {
			if !u.traced[x.Name] {
				u.traced[x.Name] = true
				u.work = append(u.work, u.assigned[x.Name]...)
			}
			return
		}
		u.plain(x.Name)
	case *model.Member:
		if x.X != nil {
			u.member(x.Name, x.X)
			u.heads(x.X)
		}
	case *model.Call:
		u.callee(x)
		u.heads(x.Receiver())
		for _, a := range x.Args {
			u.heads(a.Value)
		}
	case *model.Binary:
		u.heads(x.L)
		u.heads(x.R)
	case *model.Ternary:
		u.heads(x.Then)
		u.heads(x.Else)
	case *model.Index:
		u.heads(x.X)
	case *model.Unary:
		u.heads(x.X)
	case *model.ArrayLit:
		for _, el := range x.Elems {
			u.heads(el)
		}
	case *model.DictLit:
		if u.seen[x] {
			return
		}
		u.seen[x] = true
		for _, en := range x.Entries {
			u.heads(en.Key)
			u.heads(en.Value)
		}
	case *model.NewDict:
		u.heads(x.Copy)
		u.heads(x.Merge)
		u.heads(x.Keys)
		u.heads(x.Values)
	case *model.Unknown:
		for _, s := range x.Sub {
			u.heads(s)
		}
	}
	// Closures, SecItem calls and literals name no declaration here.
}

// isDictType reports whether a declared result type is a dictionary.
func isDictType(t string) bool {
	return strings.Contains(t, "Dictionary") || strings.HasPrefix(strings.TrimSpace(t), "[") && strings.Contains(t, ":")
}
