package swiftparse

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Availability checks: which OS versions a region of code runs on, and
// where the compiler's deprecation warnings are switched off. Recorded in
// model.File.Availability and model.File.DeprecationAllowed after the file
// is lowered: conditions of if / guard statements from the model, Swift
// @available attributes from the syntax tree, and Objective-C / C
// preprocessor lines (#if on deployment-target macros, #pragma clang
// diagnostic) from the source text.

// recordAvailability fills f.Availability and f.DeprecationAllowed.
func recordAvailability(f *model.File, root *node) {
	r := &availRecorder{f: f}
	for _, fn := range f.Funcs {
		r.stmts(fn.Body)
		model.InspectFunc(fn, r.node)
	}
	if f.Lang == model.Swift {
		if root != nil {
			r.swiftAttributes(root)
		}
	} else {
		r.preprocessor()
	}
}

type availRecorder struct {
	f *model.File
}

func (r *availRecorder) add(a model.Availability) {
	if a.Span.End > a.Span.Start {
		r.f.Availability = append(r.f.Availability, a)
	}
}

func listSpan(list []model.Stmt) model.Span {
	if len(list) == 0 {
		return model.Span{}
	}
	return model.Span{Start: list[0].Pos().Start, End: list[len(list)-1].Pos().End}
}

// node records the branches of if and guard statements whose condition is
// an availability check, and walks the statement lists inside.
func (r *availRecorder) node(n model.Node) bool {
	switch s := n.(type) {
	case *model.If:
		then, els := r.condition(s.Cond)
		if then != nil {
			then.Span = listSpan(s.Then)
			r.add(*then)
		}
		if els != nil {
			els.Span = listSpan(s.Else)
			r.add(*els)
		}
		r.stmts(s.Then)
		r.stmts(s.Else)
	case *model.Guard:
		r.stmts(s.Else)
	case *model.Loop:
		r.stmts(s.Body)
	case *model.Block:
		r.stmts(s.Body)
	case *model.Try:
		r.stmts(s.Body)
		for _, c := range s.Catches {
			r.stmts(c)
		}
		r.stmts(s.Finally)
	case *model.Case:
		r.stmts(s.Body)
	case *model.IfConfig:
		for _, c := range s.Clauses {
			r.stmts(c.Body)
		}
	case *model.Closure:
		if s.Fn != nil {
			r.stmts(s.Fn.Body)
		}
	}
	return true
}

// stmts records guards: the else branch of `guard #available(...)` is the
// fallback, the statements after the guard in the same list the guarded
// code.
func (r *availRecorder) stmts(list []model.Stmt) {
	for i, st := range list {
		g, ok := st.(*model.Guard)
		if !ok {
			continue
		}
		then, els := r.condition(g.Cond)
		if els != nil {
			els.Span = listSpan(g.Else)
			r.add(*els)
		}
		if then != nil && i+1 < len(list) {
			then.Span = listSpan(list[i+1:])
			r.add(*then)
		}
	}
}

func (r *availRecorder) text(e model.Expr) string {
	if e == nil {
		return ""
	}
	sp := e.Pos()
	if sp.Start < 0 || sp.End > len(r.f.Src) || sp.Start >= sp.End {
		return ""
	}
	return string(r.f.Src[sp.Start:sp.End])
}

// stripParens removes white space and parentheses around a whole
// condition.
func stripParens(s string) string {
	for {
		s = strings.TrimSpace(s)
		if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
			return s
		}
		depth := 0
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 && i != len(s)-1 {
					return s // "(a) && (b)"
				}
			}
		}
		s = s[1 : len(s)-1]
	}
}

var (
	// #available(iOS 9.0, *), @available(iOS 9.0, *), __builtin_available(...),
	// #unavailable(iOS 9.0); rest is what follows (more conditions).
	availCallRE = regexp.MustCompile(`^(#available|@available|__builtin_available|#unavailable)\s*\(([^()]*)\)\s*(.*)$`)
	// NSFoundationVersionNumber compared with a named version.
	foundationRE = regexp.MustCompile(`^(?:floor\s*\(\s*)?NSFoundationVersionNumber\s*\)?\s*(<=|<|>=|>)\s*(?:floor\s*\(\s*)?(NSFoundationVersionNumber\w+)\s*\)?$`)
	// ... or with a number (floor(NSFoundationVersionNumber) > floor(1144.17)).
	foundationNumRE   = regexp.MustCompile(`^(?:floor\s*\(\s*)?NSFoundationVersionNumber\s*\)?\s*(<=|<|>=|>)\s*(?:floor\s*\(\s*)?[0-9]+(?:\.[0-9]+)?\s*\)?$`)
	foundationIOSRE   = regexp.MustCompile(`^NSFoundationVersionNumber_iOS_(\d+)_(\d+|x_Max)$`)
	foundationMacOSRE = regexp.MustCompile(`^NSFoundationVersionNumber10_(\d+)(?:_(\d+|Max))?$`)
	// &kSecUseAuthenticationUI != NULL, &sym, &sym == nil
	weakRE = regexp.MustCompile(`^(!\s*)?&\s*\(?\s*([A-Za-z_]\w*)\s*\)?\s*(?:(!=|==)\s*(NULL|nil|0|nullptr))?$`)
	// respondsToSelector:, instancesRespondToSelector:, NSClassFromString
	// and Swift responds(to:): the fallback of a feature check.
	featureRE = regexp.MustCompile(`respondsToSelector\s*:|instancesRespondToSelector\s*:|NSClassFromString\s*\(|\.responds\s*\(\s*to\s*:`)
)

// condition returns what the then and else branches of a condition mean,
// nil for a branch the condition says nothing about.
func (r *availRecorder) condition(cond model.Expr) (then, els *model.Availability) {
	raw := r.text(cond)
	if !strings.Contains(raw, "available") && !strings.Contains(raw, "NSFoundationVersionNumber") &&
		!strings.Contains(raw, "&") && !strings.Contains(raw, "espond") && !strings.Contains(raw, "NSClassFromString") {
		return nil, nil
	}
	text := stripParens(raw)
	if text == "" {
		return nil, nil
	}
	check := cond.Pos()
	negated := false
	if strings.HasPrefix(text, "!") && !strings.HasPrefix(text, "!=") {
		if inner := stripParens(text[1:]); strings.HasPrefix(inner, "@available") || strings.HasPrefix(inner, "__builtin_available") {
			negated, text = true, inner
		}
	}
	if m := availCallRE.FindStringSubmatch(text); m != nil {
		v, star, ok := model.ParseAvailabilitySpecs(m[2])
		if !ok {
			return nil, nil
		}
		guarded := &model.Availability{Check: check, AtLeast: v}
		fallback := &model.Availability{Check: check, Below: v}
		if star {
			fallback.Others = model.NotRun
		}
		rest := strings.TrimSpace(m[3])
		if m[1] == "#unavailable" {
			// #unavailable(iOS 9) is true below iOS 9; `*` is implied.
			fallback.Others = model.NotRun
			guarded, fallback = fallback, guarded
			negated = !negated
		} else if negated {
			guarded, fallback = fallback, guarded
		}
		if rest != "" {
			// More conditions: the then branch still needs all of them,
			// the else branch may come from any.
			if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, "&&") {
				return nil, nil
			}
			if negated {
				return nil, nil
			}
			return guarded, nil
		}
		return guarded, fallback
	}
	if m := foundationRE.FindStringSubmatch(text); m != nil {
		p, v, ok := foundationVersion(m[2])
		if !ok {
			return nil, nil
		}
		// A Foundation version of one platform family says nothing exact
		// about the others (their numbers differ): code meant for older
		// systems there.
		switch m[1] {
		case "<", "<=", ">=", ">":
			return versionComparison(check, p, m[1], v)
		}
	}
	if m := foundationNumRE.FindStringSubmatch(text); m != nil {
		// Which release a Foundation version number belongs to is not
		// known here: the branch for smaller numbers is code for older
		// systems, the other says nothing.
		older := &model.Availability{Check: check, Others: model.OldUnknown}
		if strings.HasPrefix(m[1], "<") {
			return older, nil
		}
		return nil, older
	}
	if m := weakRE.FindStringSubmatch(text); m != nil && strings.HasPrefix(m[2], "k") {
		missing := &model.Availability{Check: check, Symbol: m[2]}
		present := (m[1] == "") != (m[3] == "==")
		if present {
			return nil, missing
		}
		return missing, nil
	}
	if featureRE.MatchString(text) && !strings.Contains(text, "||") && !strings.Contains(text, "&&") {
		missing := &model.Availability{Check: check, Others: model.OldUnknown}
		if strings.HasPrefix(text, "!") {
			return missing, nil
		}
		return nil, missing
	}
	return nil, nil
}

// next is the version after v's minor release (for <= and > comparisons
// of release versions).
func next(v model.OSVersion) model.OSVersion {
	return model.OSVersion{Major: v.Major, Minor: v.Minor + 1}
}

// platformVersions maps v to each single platform of p.
func platformVersions(p model.Platform, v model.OSVersion) map[model.Platform]model.OSVersion {
	m := map[model.Platform]model.OSVersion{}
	for _, q := range []model.Platform{model.IOS, model.MacOS, model.TVOS, model.WatchOS, model.VisionOS, model.MacCatalyst} {
		if p&q != 0 {
			m[q] = v
		}
	}
	return m
}

// foundationVersion reads the OS version a NSFoundationVersionNumber
// constant names: NSFoundationVersionNumber_iOS_9_0 (iOS 9.0),
// NSFoundationVersionNumber_iOS_8_x_Max (the last iOS 8 release, so
// "before 9.0" for <=), NSFoundationVersionNumber10_11 (macOS 10.11).
func foundationVersion(name string) (model.Platform, model.OSVersion, bool) {
	if m := foundationIOSRE.FindStringSubmatch(name); m != nil {
		major, _ := strconv.Atoi(m[1])
		if m[2] == "x_Max" {
			return model.IOS, model.OSVersion{Major: major, Minor: 999}, true
		}
		minor, _ := strconv.Atoi(m[2])
		return model.IOS, model.OSVersion{Major: major, Minor: minor}, true
	}
	if m := foundationMacOSRE.FindStringSubmatch(name); m != nil {
		minor, _ := strconv.Atoi(m[1])
		v := model.OSVersion{Major: 10, Minor: minor}
		switch m[2] {
		case "":
		case "Max":
			v.Patch = 999
		default:
			v.Patch, _ = strconv.Atoi(m[2])
		}
		return model.MacOS, v, true
	}
	return 0, model.OSVersion{}, false
}

// swiftAttributes records @available attributes of declarations: an
// introduced version guards the declaration; a deprecated declaration may
// use deprecated API without a compiler warning. It looks up the node at
// each "@available" in the source instead of walking the whole tree.
func (r *availRecorder) swiftAttributes(root *node) {
	r.swiftAttributesIn(root, 0, len(r.f.Src), 0)
}

// swiftAttributesIn records the @available attributes in the bytes
// [lo, hi) of the file, the range root was parsed from; row is the line
// of lo (0-based).
func (r *availRecorder) swiftAttributesIn(root *node, lo, hi, row int) {
	src := r.f.Src[:hi]
	const word = "@available"
	lineStart := bytes.LastIndexByte(src[:lo], '\n') + 1
	scanned := lo
	for from := lo; ; {
		i := bytes.Index(src[from:], []byte(word))
		if i < 0 {
			return
		}
		off := from + i
		from = off + len(word)
		for ; scanned < off; scanned++ {
			if src[scanned] == '\n' {
				row++
				lineStart = scanned + 1
			}
		}
		at := point{Row: uint32(row), Column: uint32(off - lineStart)}
		end := point{Row: uint32(row), Column: uint32(off - lineStart + len(word))}
		n := root.NamedDescendantForPointRange(at, end)
		for k := 0; n != nil && k < 4 && n.Type() != "attribute"; k++ {
			n = n.Parent()
		}
		if n != nil && n.Type() == "attribute" && int(n.StartByte()) == off {
			r.swiftAttribute(n)
		}
	}
}

func (r *availRecorder) swiftAttribute(n *node) {
	text := string(r.f.Src[n.StartByte():n.EndByte()])
	if !strings.HasPrefix(text, "@available") {
		return
	}
	mods := n.Parent()
	if mods == nil || mods.Type() != "modifiers" || mods.Parent() == nil {
		return
	}
	decl := span(mods.Parent())
	open, close := strings.IndexByte(text, '('), strings.LastIndexByte(text, ')')
	if open < 0 || close < open {
		return
	}
	args := text[open+1 : close]
	if v, _, ok := model.ParseAvailabilitySpecs(args); ok && len(v) > 0 {
		r.add(model.Availability{Span: decl, Check: span(n), AtLeast: v})
		return
	}
	// @available(iOS, introduced: 9.0, deprecated: 12.0, message: "…")
	parts := strings.Split(args, ",")
	p := model.AvailabilityPlatform(parts[0])
	star := strings.TrimSpace(parts[0]) == "*"
	for _, a := range parts[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(a), ":")
		switch strings.TrimSpace(k) {
		case "deprecated":
			r.f.DeprecationAllowed = append(r.f.DeprecationAllowed, decl)
		case "introduced":
			if ver, ok := model.ParseOSVersion(v); ok && p != 0 && !star {
				r.add(model.Availability{Span: decl, Check: span(n), AtLeast: platformVersions(p, ver)})
			}
		}
	}
}

var (
	ppLineRE    = regexp.MustCompile(`^\s*#\s*(if|ifdef|ifndef|elif|else|endif|pragma)\b(.*)$`)
	ppCompareRE = regexp.MustCompile(`^\(?\s*(__IPHONE_OS_VERSION_MIN_REQUIRED|__MAC_OS_X_VERSION_MIN_REQUIRED|__TV_OS_VERSION_MIN_REQUIRED|__WATCH_OS_VERSION_MIN_REQUIRED)\s*\)?\s*(<=|<|>=|>)\s*\(?\s*(\w+)\s*\)?$`)
	ppVersionRE = regexp.MustCompile(`^(?:__IPHONE|__MAC|__TVOS|__WATCHOS|MAC_OS_X_VERSION)_(\d+)_(\d+)(?:_(\d+))?$`)
)

// preprocessor reads Objective-C and C preprocessor lines: #if on a
// deployment-target macro (__IPHONE_OS_VERSION_MIN_REQUIRED < 90000) and
// #pragma clang diagnostic regions that ignore -Wdeprecated-declarations.
func (r *availRecorder) preprocessor() {
	src := r.f.Src
	type ifFrame struct {
		start int                 // where the current clause starts
		then  *model.Availability // the current clause's own condition
		// elses are what the failure of each earlier clause means (they
		// hold in this clause); pending is the current clause's.
		elses   []*model.Availability
		pending *model.Availability
	}
	var ifs []*ifFrame
	type pragmaFrame struct {
		ignoring bool
		start    int
	}
	pragma := []pragmaFrame{{}}
	closeClause := func(fr *ifFrame, end int) {
		for _, a := range append([]*model.Availability{fr.then}, fr.elses...) {
			if a != nil {
				c := *a
				c.Span = model.Span{Start: fr.start, End: end}
				r.add(c)
			}
		}
	}
	for lineStart := 0; lineStart < len(src); {
		lineEnd := lineStart
		for lineEnd < len(src) && src[lineEnd] != '\n' {
			lineEnd++
		}
		next := lineEnd + 1
		j := lineStart
		for j < lineEnd && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j == lineEnd || src[j] != '#' {
			lineStart = next
			continue
		}
		line := string(src[lineStart:lineEnd])
		m := ppLineRE.FindStringSubmatch(line)
		if m == nil {
			lineStart = next
			continue
		}
		rest := m[2]
		if i := strings.Index(rest, "//"); i >= 0 {
			rest = rest[:i]
		}
		if i := strings.Index(rest, "/*"); i >= 0 {
			rest = rest[:i]
		}
		rest = strings.TrimSpace(rest)
		sp := model.Span{Start: lineStart, End: lineEnd}
		switch m[1] {
		case "if", "ifdef", "ifndef":
			then, els := deploymentCheck(rest, m[1], sp)
			ifs = append(ifs, &ifFrame{start: next, then: then, pending: els})
		case "elif", "else":
			if len(ifs) == 0 {
				break
			}
			fr := ifs[len(ifs)-1]
			closeClause(fr, lineStart)
			fr.elses = append(fr.elses, fr.pending)
			fr.then, fr.pending = nil, nil
			if m[1] == "elif" {
				fr.then, fr.pending = deploymentCheck(rest, "if", sp)
			}
			fr.start = next
		case "endif":
			if len(ifs) == 0 {
				break
			}
			fr := ifs[len(ifs)-1]
			ifs = ifs[:len(ifs)-1]
			closeClause(fr, lineStart)
		case "pragma":
			f := strings.Fields(rest)
			if len(f) < 3 || (f[0] != "clang" && f[0] != "GCC") || f[1] != "diagnostic" {
				break
			}
			top := &pragma[len(pragma)-1]
			switch f[2] {
			case "push":
				pragma = append(pragma, pragmaFrame{ignoring: top.ignoring, start: top.start})
			case "pop":
				if top.ignoring && len(pragma) > 1 && !pragma[len(pragma)-2].ignoring {
					r.f.DeprecationAllowed = append(r.f.DeprecationAllowed, model.Span{Start: top.start, End: lineStart})
				}
				if len(pragma) > 1 {
					pragma = pragma[:len(pragma)-1]
				}
			case "ignored":
				if len(f) >= 4 && (strings.Contains(f[3], "-Wdeprecated-declarations") || strings.Trim(f[3], `"`) == "-Wdeprecated") && !top.ignoring {
					top.ignoring, top.start = true, next
				}
			}
		}
		lineStart = next
	}
	for i := len(pragma) - 1; i >= 0; i-- {
		if pragma[i].ignoring && (i == 0 || !pragma[i-1].ignoring) {
			r.f.DeprecationAllowed = append(r.f.DeprecationAllowed, model.Span{Start: pragma[i].start, End: len(src)})
		}
	}
}

// deploymentCheck reads a preprocessor condition on a deployment-target
// macro: `__IPHONE_OS_VERSION_MIN_REQUIRED < 90000` (or `< __IPHONE_9_0`),
// possibly next to other conditions joined by &&. The branch compiled
// while the deployment target is below the version is code kept for older
// systems; elsewhere (an undefined macro counts as 0) nothing is known
// exactly, so other platforms count as OldUnknown.
func deploymentCheck(cond, kw string, check model.Span) (then, els *model.Availability) {
	if kw != "if" || strings.Contains(cond, "||") {
		return nil, nil
	}
	parts := strings.Split(cond, "&&")
	if len(parts) > 1 {
		// Only the branch where every part holds is known.
		for _, p := range parts {
			if t, _ := deploymentCheck(strings.TrimSpace(p), kw, check); t != nil {
				return t, nil
			}
		}
		return nil, nil
	}
	m := ppCompareRE.FindStringSubmatch(stripParens(cond))
	if m == nil {
		return nil, nil
	}
	var p model.Platform
	switch m[1] {
	case "__IPHONE_OS_VERSION_MIN_REQUIRED":
		p = model.IOS
	case "__MAC_OS_X_VERSION_MIN_REQUIRED":
		p = model.MacOS
	case "__TV_OS_VERSION_MIN_REQUIRED":
		p = model.TVOS
	case "__WATCH_OS_VERSION_MIN_REQUIRED":
		p = model.WatchOS
	}
	v, ok := macroVersion(m[3], p)
	if !ok {
		return nil, nil
	}
	return versionComparison(check, p, m[2], v)
}

// versionComparison is what `version op v` on platform p says about the
// code it guards (then) and the code of its other branch (els): op is <,
// <=, >= or >. On the platforms the version does not describe, the code
// below it counts as code for older systems there (Others: OldUnknown).
func versionComparison(check model.Span, p model.Platform, op string, v model.OSVersion) (then, els *model.Availability) {
	below := func(v model.OSVersion) *model.Availability {
		return &model.Availability{Check: check, Below: platformVersions(p, v), Others: model.OldUnknown}
	}
	atLeast := func(v model.OSVersion) *model.Availability {
		return &model.Availability{Check: check, AtLeast: platformVersions(p, v)}
	}
	switch op {
	case "<":
		return below(v), atLeast(v)
	case "<=":
		return below(next(v)), atLeast(next(v))
	case ">=":
		return atLeast(v), below(v)
	default: // ">"
		return atLeast(next(v)), below(next(v))
	}
}

// macroVersion reads a version number as the availability macros write
// it: 90000 or 90100 (iOS MMmmpp), 101100 (macOS 10.11), 1090 (macOS
// 10.9, the old four-digit form), __IPHONE_9_0, __MAC_10_11,
// MAC_OS_X_VERSION_10_11.
func macroVersion(s string, p model.Platform) (model.OSVersion, bool) {
	if m := ppVersionRE.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		c := 0
		if m[3] != "" {
			c, _ = strconv.Atoi(m[3])
		}
		return model.OSVersion{Major: a, Minor: b, Patch: c}, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return model.OSVersion{}, false
	}
	if p == model.MacOS && n < 10000 {
		return model.OSVersion{Major: n / 100, Minor: n / 10 % 10, Patch: n % 10}, true
	}
	return model.OSVersion{Major: n / 10000, Minor: n / 100 % 100, Patch: n % 100}, true
}
