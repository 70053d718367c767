package flow

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// The static call graph. Before any function is analysed, every call in
// every body is resolved with the interpreter's own resolution (resolve,
// resolveProperty, receiver), in a state that knows every name the
// function declares (flow-insensitive: a name is local wherever it is
// declared), and the graph's strongly connected components are computed.
// A function in a cyclic component (mutual recursion, or a property that
// reads itself) is analysed by the bounded fixed point of fixpoint.go;
// every other function is analysed once per specialisation, after its
// callees (on demand, and cached).
//
// The graph only decides which calls are iterated: a call the static pass
// did not foresee that closes a cycle at run time is cut by the safety net
// in program.go (and counted), never followed forever.

// callGraph is the program's call graph condensed to its components.
type callGraph struct {
	// scc is each function's component; cyclic marks the components that
	// hold a cycle (more than one function, or a function that calls
	// itself through a property).
	scc    map[*model.Func]int
	cyclic map[int]bool
	// edges are the static callees of each function (for tests).
	edges map[*model.Func][]*model.Func
}

// graph returns the program's call graph, building it on first use.
func (p *Program) graph() *callGraph {
	p.graphOnce.Do(func() {
		p.cg = p.buildGraph()
		p.built.Store(true)
	})
	return p.cg
}

// sameCycle reports whether a call from caller to callee stays inside a
// cyclic component (it then reads the previous round's result).
func (p *Program) sameCycle(caller, callee *model.Func) bool {
	g := p.graph()
	c, ok := g.scc[caller]
	if !ok {
		return false
	}
	d, ok := g.scc[callee]
	return ok && c == d && g.cyclic[c]
}

// inCycle reports whether fn is part of a cyclic component.
func (p *Program) inCycle(fn *model.Func) bool {
	g := p.graph()
	c, ok := g.scc[fn]
	return ok && g.cyclic[c]
}

func (p *Program) buildGraph() *callGraph {
	g := &callGraph{scc: map[*model.Func]int{}, cyclic: map[int]bool{}, edges: map[*model.Func][]*model.Func{}}
	var nodes []*model.Func
	for _, f := range p.Files {
		for _, fn := range f.Funcs {
			nodes = append(nodes, fn)
		}
	}
	self := map[*model.Func]bool{}
	reused := p.reusableEdges() // reuse.go
	for _, fn := range nodes {
		callees, ok := reused[fn]
		if !ok {
			callees = p.staticCallees(fn)
			p.resolved.Add(1)
		}
		for _, c := range callees {
			if c == fn {
				self[fn] = true
			}
		}
		g.edges[fn] = callees
	}
	comps := tarjan(nodes, g.edges)
	for i, comp := range comps {
		for _, fn := range comp {
			g.scc[fn] = i
		}
		if len(comp) > 1 || self[comp[0]] {
			g.cyclic[i] = true
		}
	}
	return g
}

// staticCallees resolves every call, property and global read in fn's
// body the way the interpreter does (see evalCall, evalIdent and the
// Member case of eval), each callee listed once, in source order.
func (p *Program) staticCallees(fn *model.Func) []*model.Func {
	a := newInterp(p, fn, nil)
	st := newState(model.AllPlatforms)
	// Every name the function declares is a local (its value unknown);
	// types as the interpreter records them, in declaration order.
	if fn.Parent != nil {
		for name := range capturedParams(fn) {
			for _, prm := range fn.Parent.Params {
				if prm.Name == name {
					a.setType(prm.Name, typeName(prm.Type))
				}
			}
		}
	}
	for _, prm := range fn.Params {
		a.setType(prm.Name, typeName(prm.Type))
		st.vars[prm.Name] = unknown
	}
	// One walk of the body: the declarations (every name they declare is
	// a local) and the nodes that may call.
	var decls []*model.Decl
	var calls []model.Node
	for _, s := range fn.Body {
		model.Inspect(s, func(n model.Node) bool {
			switch x := n.(type) {
			case *model.Decl:
				st.vars[x.Name] = unknown
				decls = append(decls, x)
			case *model.OptionalBind:
				st.vars[x.Name] = unknown
			case *model.Call, *model.Member, *model.Ident:
				calls = append(calls, x)
			}
			return true
		})
	}
	for _, d := range decls {
		t := typeName(d.Type)
		if t == "" && d.Value != nil {
			t = a.typeOf(d.Value, st, 0)
		}
		a.setType(d.Name, t)
	}
	var out []*model.Func
	seen := map[*model.Func]bool{}
	add := func(c *model.Func) {
		if c != nil && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, n := range calls {
		switch x := n.(type) {
		case *model.Call:
			if _, ok := x.Fun.(*model.Closure); ok {
				break
			}
			if c := p.resolve(x, fn, a.receiver(x.Receiver(), st)); c != fn {
				add(c)
			}
		case *model.Member:
			add(p.resolveProperty(x.Name, a.receiver(x.X, st), fn))
		case *model.Ident:
			if _, local := st.vars[x.Name]; local || isConstName(x.Name) {
				break
			}
			add(p.resolveProperty(x.Name, recvInfo{kind: recvNone}, fn))
		}
	}
	return out
}

// isConstName reports whether an identifier is read as a keychain or
// status constant rather than resolved (see evalIdent).
func isConstName(name string) bool {
	return strings.HasPrefix(name, "kSec") || strings.HasPrefix(name, "kCF") || strings.HasPrefix(name, "errSec") || name == "noErr"
}

// tarjan returns the strongly connected components of the graph, callees'
// components before their callers' (Tarjan's algorithm, with an explicit
// stack so that a long chain of calls cannot exhaust the goroutine stack).
func tarjan(nodes []*model.Func, edges map[*model.Func][]*model.Func) [][]*model.Func {
	index := map[*model.Func]int{}
	low := map[*model.Func]int{}
	onStack := map[*model.Func]bool{}
	var stack []*model.Func
	var comps [][]*model.Func
	next := 0
	type frame struct {
		fn *model.Func
		i  int // next edge to follow
	}
	for _, root := range nodes {
		if _, done := index[root]; done {
			continue
		}
		work := []frame{{fn: root}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(work) > 0 {
			top := &work[len(work)-1]
			v := top.fn
			if top.i < len(edges[v]) {
				w := edges[v][top.i]
				top.i++
				if _, seen := index[w]; !seen {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					work = append(work, frame{fn: w})
				} else if onStack[w] && index[w] < low[v] {
					low[v] = index[w]
				}
				continue
			}
			work = work[:len(work)-1]
			if len(work) > 0 {
				if u := work[len(work)-1].fn; low[v] < low[u] {
					low[u] = low[v]
				}
			}
			if low[v] == index[v] {
				var comp []*model.Func
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp = append(comp, w)
					if w == v {
						break
					}
				}
				comps = append(comps, comp)
			}
		}
	}
	return comps
}
