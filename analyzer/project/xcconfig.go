package project

import (
	"path/filepath"
	"strings"
)

// xcconfig files hold build settings (KEY = value lines, // comments,
// #include "other.xcconfig"). A target's or project's configuration names
// one as its baseConfigurationReference; its settings sit below those
// written in the project file.

const maxIncludeDepth = 8

// readXcconfig returns the settings of the xcconfig file at abs and of
// the files it includes (found among the scan's project files by read,
// which returns false for a file outside the scan).
func readXcconfig(abs string, read func(abs string) ([]byte, bool)) map[string]string {
	out := map[string]string{}
	seen := map[string]bool{}
	var load func(abs string, depth int)
	load = func(abs string, depth int) {
		if depth > maxIncludeDepth || seen[abs] {
			return
		}
		seen[abs] = true
		src, ok := read(abs)
		if !ok {
			return
		}
		for _, line := range strings.Split(string(src), "\n") {
			line = strings.TrimSpace(line)
			if rest, ok := strings.CutPrefix(line, "#include"); ok {
				rest = strings.TrimPrefix(rest, "?")
				name := strings.Trim(strings.TrimSpace(rest), `"`)
				if name == "" || strings.HasPrefix(name, "<") {
					continue
				}
				if !filepath.IsAbs(name) {
					name = filepath.Join(filepath.Dir(abs), name)
				}
				load(filepath.Clean(name), depth+1)
				continue
			}
			if i := strings.Index(line, "//"); i >= 0 {
				line = line[:i]
			}
			key, val, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			key, val = strings.TrimSpace(key), strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(val), ";"))
			if key == "" || strings.ContainsAny(key, " \t") {
				continue
			}
			out[key] = inherit(val, out[key])
		}
	}
	load(abs, 0)
	return out
}

// inherit replaces $(inherited) in val by the value below.
func inherit(val, below string) string {
	for _, ref := range []string{"$(inherited)", "${inherited}", "$(INHERITED)"} {
		val = strings.ReplaceAll(val, ref, below)
	}
	return strings.TrimSpace(val)
}

// layer applies the settings of a higher level over base.
func layer(base, over map[string]string) map[string]string {
	out := make(map[string]string, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		out[k] = inherit(v, base[k])
	}
	return out
}

// expand resolves $(VAR) and ${VAR} references among the settings (a
// few rounds; unknown variables become empty).
func expand(val string, settings map[string]string) string {
	for round := 0; round < 4 && strings.Contains(val, "$"); round++ {
		var b strings.Builder
		for i := 0; i < len(val); i++ {
			if val[i] == '$' && i+1 < len(val) && (val[i+1] == '(' || val[i+1] == '{') {
				closer := byte(')')
				if val[i+1] == '{' {
					closer = '}'
				}
				if j := strings.IndexByte(val[i+2:], closer); j >= 0 {
					name := val[i+2 : i+2+j]
					name, _, _ = strings.Cut(name, ":") // $(VAR:lower) modifiers
					b.WriteString(settings[name])
					i += 2 + j
					continue
				}
			}
			b.WriteByte(val[i])
		}
		val = b.String()
	}
	return strings.TrimSpace(val)
}
