package project

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Xcode projects: project.pbxproj inside App.xcodeproj lists the native
// targets, their build configurations and the files of their build
// phases. A target's build settings are, from lowest to highest: the
// project's xcconfig, the project's settings, the target's xcconfig, the
// target's settings (so project-level settings are defaults for every
// target). Its platforms come from SUPPORTED_PLATFORMS, else SDKROOT,
// plus Mac Catalyst with SUPPORTS_MACCATALYST = YES; its deployment
// targets from IPHONEOS_DEPLOYMENT_TARGET, MACOSX_DEPLOYMENT_TARGET,
// TVOS_, WATCHOS_ and XROS_DEPLOYMENT_TARGET. Unit and UI test bundles are
// test code. Settings that differ between configurations (Debug, Release)
// are united. Conditional settings (KEY[sdk=...]) are not read.

type pbxObjects map[string]any

func (o pbxObjects) obj(id any) map[string]any {
	s, _ := id.(string)
	m, _ := o[s].(map[string]any)
	return m
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func list(m map[string]any, key string) []any {
	a, _ := m[key].([]any)
	return a
}

func settingsOf(m map[string]any) map[string]string {
	out := map[string]string{}
	bs, _ := m["buildSettings"].(map[string]any)
	for k, v := range bs {
		if strings.Contains(k, "[") {
			continue // conditional setting
		}
		switch v := v.(type) {
		case string:
			out[k] = v
		case []any:
			var parts []string
			for _, e := range v {
				if s, ok := e.(string); ok {
					parts = append(parts, s)
				}
			}
			out[k] = strings.Join(parts, " ")
		}
	}
	return out
}

// xcodeProject reads the project.pbxproj at abs (inside the .xcodeproj
// directory shown as source) into units. read returns the xcconfig files
// of the scan.
func xcodeProject(src []byte, abs, source string, fs projectFiles) ([]*unit, error) {
	read := fs.read
	v, err := parsePlist(src)
	if err != nil {
		return nil, err
	}
	root, _ := v.(map[string]any)
	objs, _ := root["objects"].(map[string]any)
	if objs == nil {
		return nil, fmt.Errorf("no objects")
	}
	o := pbxObjects(objs)
	proj := o.obj(root["rootObject"])
	if proj == nil {
		return nil, fmt.Errorf("no root object")
	}
	projDir := filepath.Dir(filepath.Dir(abs)) // the directory holding App.xcodeproj
	if d := str(proj, "projectDirPath"); d != "" {
		if filepath.IsAbs(d) {
			projDir = filepath.Clean(d)
		} else {
			projDir = filepath.Join(projDir, d)
		}
	}
	paths := &pbxPaths{o: o, root: projDir, parent: map[string]string{}, memo: map[string]string{}, busy: map[string]bool{}}
	for id, x := range objs {
		m, _ := x.(map[string]any)
		for _, c := range list(m, "children") {
			if cid, ok := c.(string); ok {
				paths.parent[cid] = id
			}
		}
	}
	xcconfig := func(cfg map[string]any) map[string]string {
		ref := o.obj(cfg["baseConfigurationReference"])
		if ref == nil {
			return nil
		}
		id, _ := cfg["baseConfigurationReference"].(string)
		p := paths.resolve(id)
		if p == "" {
			return nil
		}
		return readXcconfig(p, read)
	}
	configs := func(m map[string]any) map[string]map[string]any {
		out := map[string]map[string]any{}
		for _, id := range list(o.obj(m["buildConfigurationList"]), "buildConfigurations") {
			if c := o.obj(id); c != nil {
				out[str(c, "name")] = c
			}
		}
		return out
	}
	projConfigs := configs(proj)
	var units []*unit
	hosts := map[string]bool{} // the applications test bundles name in TEST_HOST
	// productNames are the targets' PRODUCT_NAME (TEST_HOST names the
	// host's product).
	productNames := map[*unit]string{}
	for _, tid := range list(proj, "targets") {
		t := o.obj(tid)
		if t == nil || str(t, "isa") != "PBXNativeTarget" {
			continue
		}
		u := &unit{source: source, name: str(t, "name"), files: map[string]bool{}}
		pt := str(t, "productType")
		u.test = strings.Contains(pt, "unit-test") || strings.Contains(pt, "ui-testing")
		known := true
		perConfig := map[string]map[string]string{}
		for name, tc := range configs(t) {
			s := layer(xcconfig(projConfigs[name]), settingsOf(projConfigs[name]))
			s = layer(s, xcconfig(tc))
			s = layer(s, settingsOf(tc))
			perConfig[name] = builtinSettings(s, u.name, name, projDir, abs)
			if u.test {
				// Conditional variants (TEST_HOST[sdk=iphone*], from an
				// xcconfig) name hosts too.
				for k, v := range s {
					if k == "TEST_HOST" || strings.HasPrefix(k, "TEST_HOST[") {
						if h := testHostApp(expandWild(v, perConfig[name])); h != "" {
							hosts[h] = true
						}
					}
				}
			}
			p, dep := buildPlatforms(s)
			if p == 0 {
				known = false // one configuration does not say: do not guess
			}
			u.platforms |= p
			u.deployment = mergeDeployment(u.deployment, dep)
		}
		if !known {
			u.platforms, u.deployment = 0, nil
		}
		u.facts = targetFacts(u.module(), perConfig, projDir, fs)
		for _, s := range perConfig {
			if pn := expandWild(s["PRODUCT_NAME"], s); pn != "" && !strings.Contains(pn, Wildcard) {
				productNames[u] = pn
			}
		}
		for _, ph := range list(t, "buildPhases") {
			phase := o.obj(ph)
			switch str(phase, "isa") {
			case "PBXSourcesBuildPhase", "PBXHeadersBuildPhase":
			default:
				continue
			}
			for _, bf := range list(phase, "files") {
				ref, _ := o.obj(bf)["fileRef"].(string)
				for _, p := range paths.files(ref) {
					u.files[p] = true
				}
			}
		}
		for _, gid := range list(t, "fileSystemSynchronizedGroups") {
			id, _ := gid.(string)
			dir := paths.resolve(id)
			if dir == "" {
				continue
			}
			u.dirs = append(u.dirs, dir)
			for _, ex := range list(o.obj(id), "exceptions") {
				e := o.obj(ex)
				if et, _ := e["target"].(string); et != tid {
					continue
				}
				for _, m := range list(e, "membershipExceptions") {
					if rel, ok := m.(string); ok {
						u.exclude = append(u.exclude, filepath.Join(dir, filepath.FromSlash(rel)))
					}
				}
			}
		}
		units = append(units, u)
	}
	hasTests := false
	for _, u := range units {
		hasTests = hasTests || u.test
	}
	for _, u := range units {
		// The shipping app is often the host of its own unit tests: only
		// a host whose name says it is a test application is one; and an
		// application called a test host in a project with test bundles
		// (macOS tests may run without TEST_HOST).
		hosted := hosts[u.name] || hosts[productNames[u]]
		if !u.test && (hosted && testWord.MatchString(u.name) || hasTests && testHostName.MatchString(u.name)) {
			u.facts.TestHost = true
		}
	}
	sort.Slice(units, func(i, j int) bool { return units[i].name < units[j].name })
	return units, nil
}

// testWord finds "Test" or "Tests" as a word of a target name
// ("TestHost", "MSIDTestsHostApp", "Valet Test Host"; not "Tester").
var testWord = regexp.MustCompile(`Tests?([^a-z]|$)`)

// testHostName finds "Test Host", "TestHost" or "TestsHost" in a name.
var testHostName = regexp.MustCompile(`Tests? ?Host([^a-z]|$)`)

// testHostApp is the application a TEST_HOST setting names:
// "$(BUILT_PRODUCTS_DIR)/Host.app/Host" (or .../Host.app/Contents/MacOS/Host)
// names Host; "" for none.
func testHostApp(setting string) string {
	for _, part := range strings.Split(filepath.ToSlash(setting), "/") {
		if name, ok := strings.CutSuffix(part, ".app"); ok && name != "" && !strings.Contains(name, Wildcard) {
			return name
		}
	}
	return ""
}

// buildPlatforms reads the platforms and deployment targets from the
// settings of one configuration.
func buildPlatforms(s map[string]string) (model.Platform, map[model.Platform]model.OSVersion) {
	var p model.Platform
	if sp := expand(s["SUPPORTED_PLATFORMS"], s); sp != "" {
		for _, f := range strings.Fields(sp) {
			p |= xcodePlatforms[strings.ToLower(f)]
		}
	}
	if p == 0 {
		sdk := strings.ToLower(expand(s["SDKROOT"], s))
		sdk = strings.TrimRight(sdk, "0123456789.") // iphoneos17.0
		p = xcodePlatforms[sdk]
	}
	if p&model.IOS != 0 && strings.EqualFold(expand(s["SUPPORTS_MACCATALYST"], s), "YES") {
		p |= model.MacCatalyst
	}
	var dep map[model.Platform]model.OSVersion
	for _, d := range xcodeDeployment {
		if p&d.p == 0 {
			continue
		}
		if v, ok := parseVersion(expand(s[d.setting], s)); ok {
			if dep == nil {
				dep = map[model.Platform]model.OSVersion{}
			}
			dep[d.p] = v
		}
	}
	return p, dep
}

// pbxPaths resolves the paths of file references and groups.
type pbxPaths struct {
	o      pbxObjects
	root   string            // the project directory (SOURCE_ROOT)
	parent map[string]string // child id -> group id
	memo   map[string]string
	busy   map[string]bool
}

// resolve returns the absolute path of a file reference or group, or ""
// when it is relative to something outside the source tree (SDKROOT,
// BUILT_PRODUCTS_DIR, ...).
func (r *pbxPaths) resolve(id string) string {
	if p, ok := r.memo[id]; ok {
		return p
	}
	if r.busy[id] {
		return "" // a cycle in a malformed project
	}
	r.busy[id] = true
	defer delete(r.busy, id)
	m := r.o.obj(id)
	if m == nil {
		return ""
	}
	p := filepath.FromSlash(str(m, "path"))
	var out string
	switch tree := str(m, "sourceTree"); tree {
	case "<absolute>":
		out = filepath.Clean(p)
	case "SOURCE_ROOT":
		out = filepath.Join(r.root, p)
	case "<group>", "":
		par, ok := r.parent[id]
		base := r.root
		if ok {
			base = r.resolve(par)
		}
		if base != "" {
			out = filepath.Join(base, p)
		}
	}
	r.memo[id] = out
	return out
}

// files returns the absolute paths of a build file's reference: a file
// reference, or every child of a variant group.
func (r *pbxPaths) files(id string) []string {
	m := r.o.obj(id)
	if m == nil {
		return nil
	}
	if str(m, "isa") == "PBXVariantGroup" {
		var out []string
		for _, c := range list(m, "children") {
			if cid, ok := c.(string); ok {
				if p := r.resolve(cid); p != "" {
					out = append(out, p)
				}
			}
		}
		return out
	}
	if p := r.resolve(id); p != "" {
		return []string{p}
	}
	return nil
}
