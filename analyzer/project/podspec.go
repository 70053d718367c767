package project

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// CocoaPods: a *.podspec is Ruby, read here as text, never run. The
// scanner follows `Pod::Spec.new do |s|`, `s.subspec 'X' do |ss|` and
// `s.test_spec 'X' do |t|` blocks and reads, for each spec, platform
// (`s.platform = :ios, '12.0'`), platforms (`s.platforms = { :ios =>
// '12.0' }`), deployment targets (`s.ios.deployment_target = '12.0'`,
// osx, macos, tvos, watchos, visionos) and source_files / exclude_files
// (also per platform: `s.osx.source_files`), with local string variables,
// `+` and "#{}" interpolation of them. A spec that names no platform
// builds for every platform; a subspec inherits its parent's. Test specs
// are test code. Anything it cannot evaluate is left out, never guessed.

// rval is the value of a Ruby expression, as far as the scanner knows it.
type rval struct {
	known bool
	str   string
	sym   string
	list  []rval
	hash  map[string]rval
	isSym bool
	isArr bool
}

// podSpec is one spec (the pod, a subspec, a test spec).
type podSpec struct {
	name       string
	parent     *podSpec
	test       bool
	separate   bool           // a test or app spec: its own target, not part of the pod's module
	platforms  model.Platform // 0: not said (inherit)
	deployment map[model.Platform]model.OSVersion
	sources    []string                    // source_files patterns
	platSrc    map[model.Platform][]string // ios.source_files, ...
	excludes   []string
}

// module is the module the spec's files are compiled into: subspecs
// belong to their pod's, a test or app spec is a target of its own.
func (p *podSpec) module() string {
	s := p
	for s.parent != nil && !s.separate {
		s = s.parent
	}
	return s.name
}

func (p *podSpec) effectivePlatforms() (model.Platform, map[model.Platform]model.OSVersion) {
	for s := p; s != nil; s = s.parent {
		if s.platforms != 0 {
			return s.platforms, s.deployment
		}
	}
	return model.AllPlatforms, nil
}

func (p *podSpec) setPlatform(name string, version rval) {
	plat, ok := podPlatforms[strings.ToLower(name)]
	if !ok {
		return
	}
	if plat == model.IOS {
		plat |= model.MacCatalyst
	}
	p.platforms |= plat
	if version.known && !version.isSym {
		if v, ok := parseVersion(version.str); ok {
			if p.deployment == nil {
				p.deployment = map[model.Platform]model.OSVersion{}
			}
			p.deployment[plat&^model.MacCatalyst] = v
		}
	}
}

type podBlock struct {
	v    string   // block variable naming a spec, or ""
	spec *podSpec // nil for other blocks
}

// podspecUnits reads a podspec at abs (shown as source).
func podspecUnits(src []byte, abs, source string) []*unit {
	toks := rubyLex(string(src))
	vars := map[string]rval{}
	specVars := map[string]*podSpec{}
	var stack []podBlock
	var specs []*podSpec
	for _, st := range rubyStatements(toks) {
		if len(st) == 0 {
			continue
		}
		first := st[0]
		if first.kind == rName {
			switch first.text {
			case "end":
				if n := len(stack); n > 0 {
					if b := stack[n-1]; b.v != "" {
						delete(specVars, b.v)
					}
					stack = stack[:n-1]
				}
				continue
			case "if", "unless", "while", "until", "case", "begin", "def", "class", "module", "for":
				stack = append(stack, podBlock{})
				continue
			}
		}
		// blocks: ... do |x|
		if i := indexName(st, "do"); i >= 0 {
			blockVar := ""
			if i+2 < len(st) && st[i+1].text == "|" && st[i+2].kind == rName {
				blockVar = st[i+2].text
			}
			var spec *podSpec
			head := st[:i]
			switch {
			case len(head) >= 5 && head[0].text == "Pod" && head[1].text == "::" && head[2].text == "Spec":
				spec = &podSpec{}
			case len(head) >= 3 && head[0].kind == rName && head[1].text == "." && specVars[head[0].text] != nil:
				parent := specVars[head[0].text]
				switch head[2].text {
				case "subspec", "test_spec", "app_spec":
					spec = &podSpec{parent: parent, test: parent.test || head[2].text == "test_spec", separate: head[2].text != "subspec"}
					name := evalRuby(head[3:], vars)
					if len(name.list) > 0 {
						name = name.list[0]
					}
					spec.name = parent.name + "/" + name.str
					if !name.known || name.str == "" {
						spec.name = parent.name + "/" + head[2].text
					}
				}
			}
			if spec != nil && blockVar != "" {
				specVars[blockVar] = spec
				specs = append(specs, spec)
				stack = append(stack, podBlock{v: blockVar, spec: spec})
			} else {
				stack = append(stack, podBlock{})
			}
			continue
		}
		// assignments
		eq := indexPunct(st, "=")
		if eq < 0 {
			if first.kind == rName && first.text == "platform" && len(st) > 1 { // Podfile style, in a spec block
				if s := innermostSpec(stack); s != nil {
					v := evalRuby(st[1:], vars)
					applyPlatform(s, v)
				}
			}
			continue
		}
		lhs, rhs := st[:eq], st[eq+1:]
		if len(lhs) == 1 && lhs[0].kind == rName {
			vars[lhs[0].text] = evalRuby(rhs, vars)
			continue
		}
		if len(lhs) < 3 || lhs[0].kind != rName || lhs[1].text != "." {
			continue
		}
		spec := specVars[lhs[0].text]
		if spec == nil {
			continue
		}
		var plat string
		attr := lhs[2].text
		if len(lhs) >= 5 && lhs[3].text == "." {
			plat, attr = lhs[2].text, lhs[4].text
		}
		val := evalRuby(rhs, vars)
		switch attr {
		case "name":
			if plat == "" && spec.parent == nil && val.known {
				spec.name = val.str
			}
		case "platform":
			applyPlatform(spec, val)
		case "platforms":
			for k, v := range val.hash {
				spec.setPlatform(k, v)
			}
		case "deployment_target":
			if plat != "" {
				spec.setPlatform(plat, val)
			}
		case "source_files", "exclude_files":
			pats := strs(val)
			switch {
			case attr == "exclude_files":
				spec.excludes = append(spec.excludes, pats...)
			case plat != "":
				if p, ok := podPlatforms[strings.ToLower(plat)]; ok {
					if spec.platSrc == nil {
						spec.platSrc = map[model.Platform][]string{}
					}
					spec.platSrc[p] = append(spec.platSrc[p], pats...)
				}
			default:
				spec.sources = append(spec.sources, pats...)
			}
		}
	}
	podName := strings.TrimSuffix(filepath.Base(abs), ".podspec")
	for _, s := range specs {
		if s.parent == nil && s.name == "" {
			s.name = podName
		}
		// names of subspecs were built before the root's name was known
		if s.parent != nil && strings.HasPrefix(s.name, "/") {
			s.name = podName + s.name
		}
	}
	return specUnits(specs, filepath.Dir(abs), source)
}

// specUnits turns specs into units: one for each spec's source_files and
// one for each platform's own source_files.
func specUnits(specs []*podSpec, base, source string) []*unit {
	var units []*unit
	for _, s := range specs {
		p, dep := s.effectivePlatforms()
		mk := func(name string, plat model.Platform, pats []string) {
			u := &unit{source: source, name: name, platforms: plat, deployment: dep, test: s.test, base: base}
			for _, pat := range pats {
				if g := compileGlob(pat); g != nil {
					u.globs = append(u.globs, g)
				}
			}
			for _, pat := range s.excludes {
				if g := compileGlob(pat); g != nil {
					u.excludeGlobs = append(u.excludeGlobs, g)
				}
			}
			if len(u.globs) > 0 {
				units = append(units, u)
			}
		}
		mk(s.module(), p, s.sources)
		var plats []model.Platform
		for q := range s.platSrc {
			plats = append(plats, q)
		}
		sort.Slice(plats, func(i, j int) bool { return plats[i] < plats[j] })
		for _, q := range plats {
			scope := q
			if q == model.IOS {
				scope |= model.MacCatalyst
			}
			if p&scope != 0 {
				mk(s.module(), p&scope, s.platSrc[q])
			}
		}
	}
	return units
}

func applyPlatform(s *podSpec, v rval) {
	// :ios, '12.0' is a list of a symbol and a string
	items := v.list
	if !v.isArr {
		items = []rval{v}
	}
	if len(items) == 0 || !items[0].isSym {
		return
	}
	ver := rval{}
	if len(items) > 1 {
		ver = items[1]
	}
	s.setPlatform(items[0].sym, ver)
}

func innermostSpec(stack []podBlock) *podSpec {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].spec != nil {
			return stack[i].spec
		}
	}
	return nil
}

func strs(v rval) []string {
	if v.isArr {
		var out []string
		for _, e := range v.list {
			out = append(out, strs(e)...)
		}
		return out
	}
	if v.known && !v.isSym && v.hash == nil {
		return []string{v.str}
	}
	return nil
}

func indexName(st []rtok, name string) int {
	for i, t := range st {
		if t.kind == rName && t.text == name {
			return i
		}
	}
	return -1
}

// indexPunct finds a top-level punctuation token.
func indexPunct(st []rtok, p string) int {
	depth := 0
	for i, t := range st {
		if t.kind != rPunct {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case p:
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// rubyStatements splits tokens into statements at newlines and ';',
// except inside brackets and after a token that continues the expression.
func rubyStatements(toks []rtok) [][]rtok {
	var out [][]rtok
	var cur []rtok
	depth := 0
	for _, t := range toks {
		if t.kind == rPunct {
			switch t.text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				if depth > 0 {
					depth--
				}
			}
		}
		if (t.kind == rNewline || t.kind == rPunct && t.text == ";") && depth == 0 {
			if n := len(cur); n > 0 && cur[n-1].kind == rPunct && strings.Contains(",+=>.\\", cur[n-1].text) {
				continue // the expression goes on
			}
			out = append(out, cur)
			cur = nil
			continue
		}
		if t.kind == rNewline {
			continue
		}
		cur = append(cur, t)
	}
	return append(out, cur)
}

// evalRuby evaluates an expression: strings, symbols, local variables,
// +, arrays, hashes, and a top-level comma list (an array).
func evalRuby(toks []rtok, vars map[string]rval) rval {
	e := &rubyEval{toks: toks, vars: vars}
	first := e.sum()
	if e.peek(",") {
		arr := rval{known: true, isArr: true, list: []rval{first}}
		for e.peek(",") {
			e.pos++
			arr.list = append(arr.list, e.sum())
		}
		return arr
	}
	return first
}

type rubyEval struct {
	toks []rtok
	pos  int
	vars map[string]rval
	// depth bounds nested brackets in malformed input
	depth int
}

func (e *rubyEval) peek(p string) bool {
	return e.pos < len(e.toks) && e.toks[e.pos].kind == rPunct && e.toks[e.pos].text == p
}

func (e *rubyEval) sum() rval {
	v := e.primary()
	for e.peek("+") {
		e.pos++
		w := e.primary()
		switch {
		case v.known && w.known && !v.isArr && !w.isArr && !v.isSym && !w.isSym:
			v = rval{known: true, str: v.str + w.str}
		case v.isArr && w.isArr:
			v = rval{known: true, isArr: true, list: append(append([]rval{}, v.list...), w.list...)}
		default:
			v = rval{}
		}
	}
	return v
}

func (e *rubyEval) primary() rval {
	if e.pos >= len(e.toks) || e.depth > 32 {
		return rval{}
	}
	t := e.toks[e.pos]
	e.pos++
	var v rval
	switch t.kind {
	case rString:
		v = rval{known: true}
		for i, part := range t.parts {
			if i%2 == 0 {
				v.str += part
				continue
			}
			w, ok := e.vars[part]
			if !ok || !w.known || w.isArr || w.isSym {
				v = rval{}
				break
			}
			v.str += w.str
		}
	case rSymbol:
		v = rval{known: true, isSym: true, sym: t.text}
	case rNumber:
		v = rval{known: true, str: t.text}
	case rName:
		v = e.vars[t.text]
		if e.peek(".") || e.peek("(") {
			v = rval{} // a method call we do not run (s.version, File.read(...))
		}
	case rPunct:
		switch t.text {
		case "[":
			e.depth++
			v = rval{known: true, isArr: true}
			for e.pos < len(e.toks) && !e.peek("]") {
				if e.peek(",") {
					e.pos++
					continue
				}
				start := e.pos
				v.list = append(v.list, e.sum())
				if e.pos == start {
					e.pos++
				}
			}
			e.pos++
			e.depth--
		case "{":
			e.depth++
			v = rval{known: true, hash: map[string]rval{}}
			for e.pos < len(e.toks) && !e.peek("}") {
				if e.peek(",") {
					e.pos++
					continue
				}
				start := e.pos
				k := e.sum()
				if e.peek("=>") {
					e.pos++
					val := e.sum()
					key := k.str
					if k.isSym {
						key = k.sym
					}
					if k.known {
						v.hash[key] = val
					}
				}
				if e.pos == start {
					e.pos++
				}
			}
			e.pos++
			e.depth--
		default:
			return rval{}
		}
	}
	// skip method calls on the value (.freeze, .to_s) and their arguments
	for e.peek(".") && e.pos+1 < len(e.toks) && e.toks[e.pos+1].kind == rName {
		name := e.toks[e.pos+1].text
		e.pos += 2
		if name != "freeze" && name != "to_s" && name != "dup" {
			v = rval{}
		}
	}
	return v
}
