package flow

import (
	"sort"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A Swift stored property declared Optional, without an initial value,
// that nothing ever sets is nil wherever it is read: memberwise and
// synthesised initialisers leave it nil, and no code assigns it. The
// program knows it only when it can see every place that could set it:
//
//   - the property has no attribute or modifier that exposes it (@objc,
//     dynamic, @IBOutlet, @NSManaged, a property wrapper: see
//     model.Prop.External), and its type is not exposed (Decodable,
//     @objcMembers, an unknown conformance or a superclass: model.File.Exposed);
//   - every occurrence of its name in the program's Swift sources (outside
//     comments; string literals included) is a declaration or a read the
//     model shows: no assignment, no inout (&), no argument label (a
//     memberwise init(key:)), no key path, no closure parameter of that
//     name, nothing in a region the model lost;
//   - no Swift file outside the program mentions the name (the driver
//     tells, see SetOutside; until it does, no property is known nil).

// NilPropCandidates returns the names of the stored properties the
// program may prove nil (Optional, no initial value, not exposed), sorted:
// the names the driver looks for in the files outside the program.
func NilPropCandidates(files []*model.File) []string {
	exposed := exposedTypes(files)
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		if f.Lang != model.Swift {
			continue
		}
		for _, pr := range f.Props {
			if candidateProp(pr, exposed) && !seen[pr.Name] {
				seen[pr.Name] = true
				out = append(out, pr.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// SetOutside records which of NilPropCandidates files outside the
// program mention: mentioned maps each name checked to whether some file
// outside mentions it, and a name it does not hold is taken as mentioned
// (it was not checked); nil says there are no files outside the program.
// Call it before the analysis.
func (p *Program) SetOutside(mentioned map[string]bool) {
	p.outsideSet, p.outside = true, mentioned
}

// mentionedOutside reports whether files outside the program may
// mention name.
func (p *Program) mentionedOutside(name string) bool {
	if p.outside == nil {
		return false
	}
	m, checked := p.outside[name]
	return m || !checked
}

func exposedTypes(files []*model.File) map[string]bool {
	out := map[string]bool{}
	for _, f := range files {
		for _, t := range f.Exposed {
			out[t] = true
		}
	}
	return out
}

func candidateProp(pr *model.Prop, exposed map[string]bool) bool {
	return pr.Owner != "" && !pr.Static && !pr.HasInit && !pr.External && !exposed[pr.Owner] && model.OptionalType(pr.Type)
}

// knownNil reports whether stored property pr is never set (see above).
func (p *Program) knownNil(pr *model.Prop) bool {
	if pr == nil || !p.outsideSet {
		return false
	}
	p.nilOnce.Do(p.findNilProps)
	return p.nilProps[pr]
}

// findNilProps computes the properties knownNil holds.
func (p *Program) findNilProps() {
	p.nilProps = map[*model.Prop]bool{}
	exposed := exposedTypes(p.Files)
	names := map[string]bool{}
	var cands []*model.Prop
	for _, f := range p.Files {
		if f.Lang != model.Swift {
			continue
		}
		for _, pr := range f.Props {
			if candidateProp(pr, exposed) && !p.mentionedOutside(pr.Name) && p.prop(pr.Owner, pr.Name) == pr {
				cands = append(cands, pr)
				names[pr.Name] = true
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	// The names written or used in a way the model does not show as a
	// read: an occurrence that is not a declaration or a read.
	spoiled := map[string]bool{}
	for _, f := range p.Files {
		if f.Lang != model.Swift {
			continue
		}
		// The model is walked only for a file that mentions a name.
		var occ []int
		var occNames []string
		eachIdentifier(f, names, func(name string, at int) {
			occ, occNames = append(occ, at), append(occNames, name)
		})
		if len(occ) == 0 {
			continue
		}
		reads := accountedNames(f, names)
		for i, at := range occ {
			if !reads[at] {
				spoiled[occNames[i]] = true
			}
		}
	}
	for _, pr := range cands {
		if !spoiled[pr.Name] {
			p.nilProps[pr] = true
		}
	}
}

// accountedNames returns the offsets in f where one of names occurs as a
// declaration (a stored property, a local, a function parameter, an
// optional binding) or as a read (an identifier or a member access
// outside an assignment's target, an inout argument and a dictionary
// being changed).
func accountedNames(f *model.File, names map[string]bool) map[int]bool {
	at := map[int]bool{}
	for _, pr := range f.Props {
		if names[pr.Name] {
			at[pr.NameSpan.Start] = true
		}
	}
	var walk func(n model.Node, write bool)
	walk = func(n model.Node, write bool) {
		if n == nil {
			return
		}
		switch x := n.(type) {
		case *model.Assign:
			walk(x.Target, true)
			walk(x.Value, write)
			return
		case *model.Unary:
			walk(x.X, write || x.Op == "&")
			return
		case *model.DictOp:
			walk(x.Dict, true)
			for _, e := range []model.Expr{x.Key, x.Value, x.Other} {
				if e != nil {
					walk(e, write)
				}
			}
			return
		case *model.Ident:
			if !write && names[x.Name] {
				at[x.Span.Start] = true
			}
		case *model.Member:
			if !write && names[x.Name] && plainReceiver(x.X) {
				at[x.NameSpan.Start] = true
			}
		case *model.Decl:
			if names[x.Name] {
				at[x.NameSpan.Start] = true
			}
		case *model.OptionalBind:
			// The bound name comes first in `let name = value`.
			if names[x.Name] {
				if i := indexName(f.Src, x.Span, x.Name); i >= 0 {
					at[i] = true
				}
			}
		}
		for _, c := range model.Children(n) {
			walk(c, write)
		}
	}
	for _, fn := range f.Funcs {
		for _, prm := range fn.Params {
			// A closure's parameters are not listed (closures are not
			// Funcs of the file): a closure parameter of the name stays
			// unaccounted, since the engine would read the property there.
			if names[prm.Name] || names[prm.Label] {
				for i := prm.Span.Start; i < prm.Span.End; {
					j := indexName(f.Src, model.Span{Start: i, End: prm.Span.End}, prm.Name)
					if j < 0 {
						j = indexName(f.Src, model.Span{Start: i, End: prm.Span.End}, prm.Label)
					}
					if j < 0 {
						break
					}
					at[j] = true
					i = j + 1
				}
			}
		}
		for _, s := range fn.Body {
			walk(s, false)
		}
	}
	return at
}

// indexName returns the offset of the first occurrence of name as a whole
// identifier within sp of src, -1 when none.
func indexName(src []byte, sp model.Span, name string) int {
	found := -1
	scanIdentifiers(src, sp.Start, min(sp.End, len(src)), func(s, e int) bool {
		if string(src[s:e]) == name {
			found = s
			return false
		}
		return true
	})
	return found
}

// eachIdentifier calls fn for every occurrence of one of names as an
// identifier in f's source outside comments (string literals included).
func eachIdentifier(f *model.File, names map[string]bool, fn func(name string, at int)) {
	comments := make([]model.Span, len(f.Comments))
	for i, c := range f.Comments {
		comments[i] = c.Span
	}
	sort.Slice(comments, func(i, j int) bool { return comments[i].Start < comments[j].Start })
	pos := 0
	for _, c := range append(comments, model.Span{Start: len(f.Src), End: len(f.Src)}) {
		end := min(c.Start, len(f.Src))
		if end > pos {
			scanIdentifiers(f.Src, pos, end, func(s, e int) bool {
				if names[string(f.Src[s:e])] { // no allocation for the lookup
					fn(string(f.Src[s:e]), s)
				}
				return true
			})
		}
		pos = max(pos, c.End)
	}
}

// scanIdentifiers calls fn for each identifier in src[from:to] (a word of
// letters, digits and _ not starting with a digit), until fn returns false.
func scanIdentifiers(src []byte, from, to int, fn func(s, e int) bool) {
	word := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	for i := from; i < to; {
		if !word(src[i]) {
			i++
			continue
		}
		j := i
		for j < to && word(src[j]) {
			j++
		}
		if !(src[i] >= '0' && src[i] <= '9') && (i == 0 || !word(src[i-1])) {
			if !fn(i, j) {
				return
			}
		}
		i = j
	}
}

// plainReceiver reports whether a member access on x is a plain read: not
// `&o.limit` (which the grammar parses as (&o).limit), nor a key path
// (`\Options.limit` has an unmodelled root), nor anything else the model
// does not show.
func plainReceiver(x model.Expr) bool {
	for {
		switch r := x.(type) {
		case *model.Unary:
			if r.Op == "&" {
				return false
			}
			x = r.X
		case *model.Member:
			x = r.X
		case *model.Index:
			x = r.X
		case *model.Cast:
			x = r.X
		case *model.Unknown:
			return false
		default:
			return true
		}
	}
}
