package project

import (
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// podspecJSONUnits reads a *.podspec.json (the form the CocoaPods specs
// repository publishes): platforms, source_files, exclude_files, per
// platform source_files, subspecs and testspecs.
func podspecJSONUnits(src []byte, abs, source string) []*unit {
	var root map[string]any
	if err := json.Unmarshal(src, &root); err != nil {
		return nil
	}
	toRval := func(x any) rval {
		switch x := x.(type) {
		case string:
			return rval{known: true, str: x}
		case []any:
			v := rval{known: true, isArr: true}
			for _, e := range x {
				if s, ok := e.(string); ok {
					v.list = append(v.list, rval{known: true, str: s})
				}
			}
			return v
		}
		return rval{}
	}
	var specs []*podSpec
	var walk func(m map[string]any, parent *podSpec, key string, test bool, depth int)
	walk = func(m map[string]any, parent *podSpec, key string, test bool, depth int) {
		if depth > 16 {
			return
		}
		s := &podSpec{parent: parent, test: test, separate: parent != nil && key != "subspecs"}
		name, _ := m["name"].(string)
		if parent != nil {
			name = parent.name + "/" + name
		} else if name == "" {
			name = strings.TrimSuffix(filepath.Base(abs), ".podspec.json")
		}
		s.name = name
		if ps, ok := m["platforms"].(map[string]any); ok {
			for k, v := range ps {
				s.setPlatform(k, toRval(v))
			}
		}
		s.sources = strs(toRval(m["source_files"]))
		s.excludes = strs(toRval(m["exclude_files"]))
		for k, p := range podPlatforms {
			if pm, ok := m[k].(map[string]any); ok {
				if pats := strs(toRval(pm["source_files"])); len(pats) > 0 {
					if s.platSrc == nil {
						s.platSrc = map[model.Platform][]string{}
					}
					s.platSrc[p] = append(s.platSrc[p], pats...)
				}
			}
		}
		specs = append(specs, s)
		for _, key := range []string{"subspecs", "testspecs", "appspecs"} {
			subs, _ := m[key].([]any)
			for _, sub := range subs {
				if sm, ok := sub.(map[string]any); ok {
					walk(sm, s, key, test || key == "testspecs", depth+1)
				}
			}
		}
	}
	walk(root, nil, "", false, 0)
	return specUnits(specs, filepath.Dir(abs), source)
}
