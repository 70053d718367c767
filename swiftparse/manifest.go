package swiftparse

import (
	"context"
	"errors"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Manifest is what a SwiftPM Package.swift declares, read with the Swift
// grammar as data (the manifest is never run): the platforms: literal of
// Package(...) and the targets. Package analyzer/project turns it into
// per-file facts.
type Manifest struct {
	// Name is the package's name: argument.
	Name string
	// HasPlatforms tells that Package(...) (or package.platforms = ...)
	// has a platforms: list that could be read; Platforms is its content.
	HasPlatforms bool
	Platforms    []ManifestPlatform
	// Targets are the .target, .executableTarget, .testTarget, ... calls
	// found anywhere in the manifest (also in helper functions), except
	// target dependencies (.target(name:condition:)) and calls nested in
	// another target's arguments.
	Targets []ManifestTarget
}

// ManifestPlatform is one element of platforms:, e.g. .iOS(.v15) gives
// {"iOS", "15"} and .macOS("10.15") gives {"macOS", "10.15"}; Version is
// "" when it is not a literal.
type ManifestPlatform struct {
	Name, Version string
}

// ManifestTarget is one target declaration.
type ManifestTarget struct {
	// Kind is the function name: target, executableTarget, testTarget,
	// binaryTarget, systemLibrary, plugin or macro.
	Kind string
	Name string
	// Path is the path: argument ("" for the default).
	Path string
	// Sources and Exclude are the sources: and exclude: string literals;
	// HasSources tells that sources: was given.
	Sources, Exclude []string
	HasSources       bool
}

var manifestTargetKinds = map[string]bool{
	"target": true, "executableTarget": true, "testTarget": true, "binaryTarget": true,
	"systemLibrary": true, "plugin": true, "macro": true,
}

// maxManifestDepth bounds the recursion over a manifest's syntax tree.
const maxManifestDepth = 200

// ParseManifest reads a Package.swift. Syntax errors are tolerated (what
// parsed is read); an error means tree-sitter produced no tree.
func ParseManifest(ctx context.Context, src []byte) (*Manifest, error) {
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(swiftLang)
	p.SetOperationLimit(int(parseTimeLimit(len(src)).Microseconds()))
	tree, err := p.ParseCtx(uncancellable(ctx), nil, src)
	if err != nil {
		return nil, err
	}
	if tree == nil {
		return nil, errors.New("no syntax tree")
	}
	defer tree.Close()
	r := &manifestReader{src: src, arrays: map[string]*node{}, m: &Manifest{}}
	root := flatten(tree, swiftLang, nil).root()
	// Top-level `let name = [ ... ]` arrays, for platforms: name.
	for _, c := range namedChildren(root) {
		if c.Type() != "property_declaration" {
			continue
		}
		name := c.ChildByFieldName("name")
		val := c.ChildByFieldName("value")
		if name != nil && val != nil && val.Type() == "array_literal" {
			r.arrays[strings.TrimSpace(r.text(name))] = val
		}
	}
	r.walk(root, 0)
	return r.m, nil
}

type manifestReader struct {
	src    []byte
	arrays map[string]*node
	m      *Manifest
}

func (r *manifestReader) text(n *node) string { return n.Content(r.src) }

func (r *manifestReader) walk(n *node, depth int) {
	if n == nil || depth > maxManifestDepth {
		return
	}
	switch n.Type() {
	case "call_expression":
		name := r.calleeName(n)
		args := r.args(n)
		switch {
		case name == "Package" && n.NamedChild(0) != nil && n.NamedChild(0).Type() == "simple_identifier":
			if v := args["name"]; v != nil {
				r.m.Name, _ = r.stringLit(v)
			}
			if v := args["platforms"]; v != nil {
				r.platforms(v)
			}
		case manifestTargetKinds[name] && args["name"] != nil && args["condition"] == nil:
			t := ManifestTarget{Kind: name}
			t.Name, _ = r.stringLit(args["name"])
			if v := args["path"]; v != nil {
				t.Path, _ = r.stringLit(v)
			}
			if v := args["sources"]; v != nil {
				t.Sources, t.HasSources = r.stringList(v), true
			}
			if v := args["exclude"]; v != nil {
				t.Exclude = r.stringList(v)
			}
			if t.Name != "" {
				r.m.Targets = append(r.m.Targets, t)
			}
			return // a target's arguments hold dependencies, not targets
		}
	case "assignment":
		// package.platforms = [...]
		if t := n.ChildByFieldName("target"); t != nil && strings.HasSuffix(strings.TrimSpace(r.text(t)), ".platforms") {
			if v := n.ChildByFieldName("result"); v != nil {
				r.platforms(v)
			}
		}
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		r.walk(n.NamedChild(i), depth+1)
	}
}

// calleeName is the called function's last name: Package, target (of
// .target or Target.target), iOS (of .iOS).
func (r *manifestReader) calleeName(call *node) string {
	c := call.NamedChild(0)
	if c == nil {
		return ""
	}
	switch c.Type() {
	case "simple_identifier":
		return r.text(c)
	case "prefix_expression":
		if t := c.ChildByFieldName("target"); t != nil && t.Type() == "simple_identifier" && strings.HasPrefix(r.text(c), ".") {
			return r.text(t)
		}
	case "navigation_expression":
		if s := c.ChildByFieldName("suffix"); s != nil {
			if id := s.ChildByFieldName("suffix"); id != nil {
				return r.text(id)
			}
		}
	}
	return ""
}

// args returns a call's labelled arguments (and the first unlabelled one
// as "").
func (r *manifestReader) args(call *node) map[string]*node {
	out := map[string]*node{}
	for i := 0; i < int(call.NamedChildCount()); i++ {
		suffix := call.NamedChild(i)
		if suffix.Type() != "call_suffix" {
			continue
		}
		for _, va := range namedChildren(suffix) {
			if va.Type() != "value_arguments" {
				continue
			}
			for _, a := range namedChildren(va) {
				if a.Type() != "value_argument" {
					continue
				}
				v := a.ChildByFieldName("value")
				if v == nil {
					continue
				}
				label := ""
				if l := a.ChildByFieldName("name"); l != nil {
					label = strings.TrimSpace(r.text(l))
				}
				if _, dup := out[label]; !dup {
					out[label] = v
				}
			}
		}
	}
	return out
}

func (r *manifestReader) platforms(v *node) {
	if v.Type() == "simple_identifier" {
		v = r.arrays[r.text(v)]
	}
	if v == nil || v.Type() != "array_literal" {
		return
	}
	r.m.HasPlatforms = true
	for _, e := range namedChildren(v) {
		if e.Type() != "call_expression" {
			continue
		}
		p := ManifestPlatform{Name: r.calleeName(e)}
		if p.Name == "" {
			continue
		}
		if a := r.args(e)[""]; a != nil {
			switch a.Type() {
			case "prefix_expression": // .v15, .v10_15
				if t := a.ChildByFieldName("target"); t != nil {
					p.Version = strings.TrimPrefix(r.text(t), "v")
				}
			default:
				p.Version, _ = r.stringLit(a)
			}
		}
		r.m.Platforms = append(r.m.Platforms, p)
	}
}

// stringLit reads a string literal without interpolation.
func (r *manifestReader) stringLit(n *node) (string, bool) {
	if n == nil || n.Type() != "line_string_literal" {
		return "", false
	}
	var b strings.Builder
	for _, c := range namedChildren(n) {
		if c.Type() != "line_str_text" && c.Type() != "str_escaped_char" {
			return "", false // interpolation
		}
		b.WriteString(r.text(c))
	}
	return b.String(), true
}

func (r *manifestReader) stringList(n *node) []string {
	if n.Type() != "array_literal" {
		return nil
	}
	var out []string
	for _, e := range namedChildren(n) {
		if s, ok := r.stringLit(e); ok {
			out = append(out, s)
		}
	}
	return out
}
