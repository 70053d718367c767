package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Load reads and checks the configuration file at path.
func Load(path string, opt Options) (*Config, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, MaxFileSize)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, MaxFileSize)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, filepath.Dir(abs), data, opt)
}

// Parse checks the configuration data of the file path, whose patterns
// are relative to the absolute directory dir.
func Parse(path, dir string, data []byte, opt Options) (*Config, error) {
	p := &parser{file: path, rules: map[string]bool{}}
	for _, r := range opt.Rules {
		p.rules[r.Name] = true
	}
	c := &Config{Path: path, Dir: dir}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil // an empty file: the defaults
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, &Error{File: path, Line: more.Line, Msg: "more than one YAML document"}
	}
	if len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if isNull(root) {
		return c, nil
	}
	pairs, err := p.mapping(root, "")
	if err != nil {
		return nil, err
	}
	for _, kv := range pairs {
		k, v := kv.key, kv.value
		var err error
		switch k {
		case "exclude":
			c.exclude, err = p.globs(v, k)
		case "overrides":
			c.overrides, err = p.overrides(v, k)
		case "fail-on":
			c.failOn, err = p.severity(v, k)
		case "max-file-size":
			c.maxFileSize, err = p.size(v, k)
		case "baseline":
			var s string
			if s, err = p.str(v, k); err == nil {
				if s == "" {
					err = p.errAt(v, k, "give a file name")
				}
				c.baseline = &strVal{s, p.src(v, k)}
			}
		default:
			var known bool
			known, err = p.sectionKey(&c.top, k, v, k)
			if err == nil && !known {
				err = p.errAt(kv.keyNode, k, "unknown key (keys: platforms, deployment-targets, rules, severity, exclude, overrides, fail-on, max-file-size, baseline)")
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

type parser struct {
	file  string
	rules map[string]bool
}

type pair struct {
	key            string
	keyNode, value *yaml.Node
}

func (p *parser) errAt(n *yaml.Node, key, format string, args ...any) error {
	return &Error{File: p.file, Line: n.Line, Key: key, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) src(n *yaml.Node, key string) Source {
	return Source{File: p.file, Line: n.Line, Key: key}
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// check rejects aliases: a configuration has no use for them, and
// following them could expand a small file into a huge tree.
func (p *parser) check(n *yaml.Node, key string) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return p.errAt(n, key, "YAML anchors and aliases are not supported")
	}
	return nil
}

// mapping returns the pairs of a mapping, in order; a key given twice is
// an error.
func (p *parser) mapping(n *yaml.Node, key string) ([]pair, error) {
	if err := p.check(n, key); err != nil {
		return nil, err
	}
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errAt(n, orDoc(key), "want a mapping (key: value lines), got %s", describe(n))
	}
	var out []pair
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if err := p.check(kn, key); err != nil {
			return nil, err
		}
		if kn.Kind != yaml.ScalarNode || kn.Tag == "!!merge" {
			return nil, p.errAt(kn, orDoc(key), "want a plain key, got %s", describe(kn))
		}
		full := kn.Value
		if key != "" {
			full = key + "." + kn.Value
		}
		if seen[kn.Value] {
			return nil, p.errAt(kn, full, "given twice")
		}
		seen[kn.Value] = true
		if err := p.check(vn, full); err != nil {
			return nil, err
		}
		out = append(out, pair{kn.Value, kn, vn})
	}
	return out, nil
}

func orDoc(key string) string {
	if key == "" {
		return "(top level)"
	}
	return key
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str":
			return fmt.Sprintf("the string %q", n.Value)
		case "!!null":
			return "nothing"
		}
		return fmt.Sprintf("%s %s", strings.TrimPrefix(n.Tag, "!!"), n.Value)
	}
	return "something else"
}

// str reads a string scalar.
func (p *parser) str(n *yaml.Node, key string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		return "", p.errAt(n, key, "want a string, got %s", describe(n))
	}
	return n.Value, nil
}

// list reads a list of strings; a single string stands for a list of one,
// and nothing for an empty list.
func (p *parser) list(n *yaml.Node, key string) ([]*yaml.Node, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind == yaml.ScalarNode {
		if n.Tag != "!!str" {
			return nil, p.errAt(n, key, "want a list of strings, got %s", describe(n))
		}
		return []*yaml.Node{n}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errAt(n, key, "want a list of strings, got %s", describe(n))
	}
	for i, e := range n.Content {
		k := fmt.Sprintf("%s[%d]", key, i)
		if err := p.check(e, k); err != nil {
			return nil, err
		}
		if _, err := p.str(e, k); err != nil {
			return nil, err
		}
	}
	return n.Content, nil
}

func (p *parser) globs(n *yaml.Node, key string) ([]pathGlob, error) {
	items, err := p.list(n, key)
	if err != nil {
		return nil, err
	}
	var out []pathGlob
	for _, e := range items {
		g, err := compileGlob(e.Value)
		if err != nil {
			return nil, p.errAt(e, key, "%q: %v", e.Value, err)
		}
		out = append(out, pathGlob{g, p.src(e, key)})
	}
	return out, nil
}

func (p *parser) severity(n *yaml.Node, key string) (*strVal, error) {
	s, err := p.str(n, key)
	if err != nil {
		return nil, err
	}
	switch s {
	case "error", "warning", "note":
		return &strVal{s, p.src(n, key)}, nil
	}
	return nil, p.errAt(n, key, "unknown severity %q: use error, warning or note", s)
}

func (p *parser) size(n *yaml.Node, key string) (*intVal, error) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		return nil, p.errAt(n, key, "want a number of bytes, got %s", describe(n))
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
	if err != nil || v < 0 {
		return nil, p.errAt(n, key, "want a number of bytes (0: no limit), got %s", n.Value)
	}
	return &intVal{v, p.src(n, key)}, nil
}

// rule checks a rule name ("all" too when allowAll).
func (p *parser) rule(n *yaml.Node, key string, allowAll bool) (string, error) {
	s, err := p.str(n, key)
	if err != nil {
		return "", err
	}
	if p.rules[s] || allowAll && s == "all" {
		return s, nil
	}
	return "", p.errAt(n, key, "unknown rule %q (keychainlint rules lists them)", s)
}

func (p *parser) ruleList(n *yaml.Node, key string) ([]strVal, error) {
	items, err := p.list(n, key)
	if err != nil {
		return nil, err
	}
	var out []strVal
	for _, e := range items {
		r, err := p.rule(e, key, true)
		if err != nil {
			return nil, err
		}
		out = append(out, strVal{r, p.src(e, key)})
	}
	return out, nil
}

// sectionKey reads a key that may appear at the top level and in an
// override; known is false for any other key.
func (p *parser) sectionKey(s *section, k string, v *yaml.Node, full string) (known bool, err error) {
	switch k {
	case "platforms":
		s.platforms, err = p.platforms(v, full)
	case "deployment-targets":
		s.deployment, err = p.deployment(v, full)
	case "rules":
		var pairs []pair
		if pairs, err = p.mapping(v, full); err != nil {
			return true, err
		}
		for _, kv := range pairs {
			var list []strVal
			sub := full + "." + kv.key
			switch kv.key {
			case "disable":
				list, err = p.ruleList(kv.value, sub)
				s.disable = append(s.disable, list...)
			case "enable":
				list, err = p.ruleList(kv.value, sub)
				s.enable = append(s.enable, list...)
			default:
				err = p.errAt(kv.keyNode, sub, "unknown key (keys: enable, disable)")
			}
			if err != nil {
				return true, err
			}
		}
	case "severity":
		if v.Kind == yaml.ScalarNode && !isNull(v) {
			s.severityAll, err = p.severity(v, full)
			return true, err
		}
		var pairs []pair
		if pairs, err = p.mapping(v, full); err != nil {
			return true, err
		}
		for _, kv := range pairs {
			sub := full + "." + kv.key
			if !p.rules[kv.key] {
				return true, p.errAt(kv.keyNode, sub, "unknown rule %q (keychainlint rules lists them)", kv.key)
			}
			sev, err := p.severity(kv.value, sub)
			if err != nil {
				return true, err
			}
			s.severity = append(s.severity, ruleSev{kv.key, sev.v, sev.src})
		}
	default:
		return false, nil
	}
	return true, err
}

func (p *parser) platforms(n *yaml.Node, key string) (*platVal, error) {
	items, err := p.list(n, key)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, p.errAt(n, key, "name at least one platform (or all)")
	}
	var plat model.Platform
	for _, e := range items {
		q, ok := model.ParsePlatforms(e.Value)
		if !ok {
			return nil, p.errAt(e, key, "unknown platform %q: use all, or ios, macos, tvos, watchos, visionos, maccatalyst", e.Value)
		}
		plat |= q
	}
	return &platVal{plat, p.src(n, key)}, nil
}

func (p *parser) deployment(n *yaml.Node, key string) ([]depVal, error) {
	pairs, err := p.mapping(n, key)
	if err != nil {
		return nil, err
	}
	var out []depVal
	for _, kv := range pairs {
		sub := key + "." + kv.key
		plat, ok := model.ParsePlatforms(kv.key)
		if !ok || plat == model.AllPlatforms || plat&(plat-1) != 0 {
			return nil, p.errAt(kv.keyNode, sub, "unknown platform %q: use ios, macos, tvos, watchos, visionos or maccatalyst", kv.key)
		}
		v := kv.value
		if v.Kind != yaml.ScalarNode || isNull(v) {
			return nil, p.errAt(v, sub, "want a version such as \"15.0\", got %s", describe(v))
		}
		ver, ok := parseVersion(v.Value)
		if !ok {
			return nil, p.errAt(v, sub, "want a version such as \"15.0\", got %q", v.Value)
		}
		out = append(out, depVal{plat, ver, p.src(v, sub)})
	}
	return out, nil
}

// parseVersion reads "15", "15.0" or "10.15.4".
func parseVersion(s string) (model.OSVersion, bool) {
	parts := strings.Split(strings.TrimSpace(s), ".")
	if len(parts) > 3 {
		return model.OSVersion{}, false
	}
	var n [3]int
	for i, part := range parts {
		v, err := strconv.Atoi(part)
		if err != nil || v < 0 || v > 1000 {
			return model.OSVersion{}, false
		}
		n[i] = v
	}
	return model.OSVersion{Major: n[0], Minor: n[1], Patch: n[2]}, true
}

func (p *parser) overrides(n *yaml.Node, key string) ([]override, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errAt(n, key, "want a list of overrides (- paths: [...]), got %s", describe(n))
	}
	var out []override
	for i, e := range n.Content {
		k := fmt.Sprintf("%s[%d]", key, i)
		pairs, err := p.mapping(e, k)
		if err != nil {
			return nil, err
		}
		var o override
		hasPaths := false
		for _, kv := range pairs {
			sub := k + "." + kv.key
			switch kv.key {
			case "paths":
				o.paths, err = p.globs(kv.value, sub)
				hasPaths = true
			case "disable":
				var list []strVal
				list, err = p.ruleList(kv.value, sub)
				o.disable = append(o.disable, list...)
			default:
				var known bool
				known, err = p.sectionKey(&o.section, kv.key, kv.value, sub)
				if err == nil && !known {
					err = p.errAt(kv.keyNode, sub, "unknown key (keys: paths, platforms, deployment-targets, rules, severity, disable)")
				}
			}
			if err != nil {
				return nil, err
			}
		}
		if !hasPaths || len(o.paths) == 0 {
			return nil, p.errAt(e, k, "an override needs paths: [patterns]")
		}
		out = append(out, o)
	}
	return out, nil
}
