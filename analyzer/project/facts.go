package project

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Target facts (issue 12): per Xcode target, the entitlements file of
// each configuration (CODE_SIGN_ENTITLEMENTS), its Info.plist
// (INFOPLIST_FILE, and the INFOPLIST_KEY_ settings Xcode writes into a
// generated one with GENERATE_INFOPLIST_FILE = YES) and its bundle
// identifier. Build-setting references are expanded from the target's
// settings (project, xcconfig and target levels, as for platforms) and
// the few settings Xcode defines itself; anything else is a wildcard.

// files gives the project reader the scan's data files: read returns a
// file's bytes (false when it is not in the scan: outside the roots, a
// symbolic link, too large), show how it is printed.
type projectFiles struct {
	read func(abs string) ([]byte, bool)
	show func(abs string) string
}

// builtinSettings adds what Xcode defines for every target below the
// project's own settings (s is the configuration's fresh map: no copy).
func builtinSettings(s map[string]string, target, config, projDir, projFile string) map[string]string {
	for k, v := range map[string]string{
		"TARGET_NAME":   target,
		"PRODUCT_NAME":  target,
		"SRCROOT":       projDir,
		"SOURCE_ROOT":   projDir,
		"PROJECT_DIR":   projDir,
		"PROJECT_NAME":  strings.TrimSuffix(filepath.Base(filepath.Dir(projFile)), ".xcodeproj"),
		"CONFIGURATION": config,
		// Xcode derives the module name from the product name.
		"PRODUCT_MODULE_NAME": "$(PRODUCT_NAME:c99extidentifier)",
	} {
		if _, ok := s[k]; !ok {
			s[k] = v
		}
	}
	return s
}

// targetFacts builds a target's facts from the settings of each of its
// configurations.
func targetFacts(module string, configs map[string]map[string]string, projDir string, fs projectFiles) *model.TargetFacts {
	tf := &model.TargetFacts{Target: module}
	names := make([]string, 0, len(configs))
	for n := range configs {
		names = append(names, n)
	}
	sort.Strings(names)
	byPath := map[string]*model.Entitlements{}
	plists := map[string]bool{}
	for _, name := range names {
		s := configs[name]
		if id := expandWild(s["PRODUCT_BUNDLE_IDENTIFIER"], s); id != "" && !contains(tf.BundleIDs, id) {
			tf.BundleIDs = append(tf.BundleIDs, id)
		}
		if ent := expandWild(s["CODE_SIGN_ENTITLEMENTS"], s); ent != "" {
			e := byPath[ent]
			if e == nil {
				e = readEntitlements(ent, projDir, s, fs)
				byPath[ent] = e
				tf.Entitlements = append(tf.Entitlements, e)
			}
			e.Configurations = append(e.Configurations, name)
		}
		info := infoPlistOf(s, projDir, fs)
		if info != nil {
			key := info.Path + "\x00" + info.BundleID + "\x00" + strings.Join(info.BackgroundModes, " ")
			if !plists[key] {
				plists[key] = true
				tf.InfoPlist = mergeInfo(tf.InfoPlist, info)
			}
		}
	}
	return tf
}

// locate finds a setting's file path below the project directory; "" when
// the path still holds a wildcard.
func locate(p, projDir string) string {
	if p == "" || strings.Contains(p, Wildcard) {
		return ""
	}
	p = filepath.FromSlash(p)
	if !filepath.IsAbs(p) {
		p = filepath.Join(projDir, p)
	}
	return filepath.Clean(p)
}

func readEntitlements(setting, projDir string, s map[string]string, fs projectFiles) *model.Entitlements {
	e := &model.Entitlements{Path: setting}
	abs := locate(setting, projDir)
	if abs == "" {
		e.Unread = "the path has a build setting that cannot be expanded"
		return e
	}
	src, ok := fs.read(abs)
	if !ok {
		e.Unread = "not in the scan"
		return e
	}
	e.Path = fs.show(abs)
	m, err := parseDataPlist(src)
	if err != nil {
		e.Unread = "malformed: " + err.Error()
		return e
	}
	for _, g := range plistStrings(m["keychain-access-groups"]) {
		e.KeychainAccessGroups = append(e.KeychainAccessGroups, expandWild(g, s))
	}
	for _, g := range plistStrings(m["com.apple.security.application-groups"]) {
		e.AppGroups = append(e.AppGroups, expandWild(g, s))
	}
	if dp, ok := m["com.apple.developer.default-data-protection"].(string); ok {
		e.DefaultDataProtection = dp
	}
	e.Line = keyLine(src, "keychain-access-groups")
	lines := arrayLines(src)
	if kag := lines["keychain-access-groups"]; len(kag) == 1+len(e.KeychainAccessGroups) {
		e.GroupLines = kag[1:]
	}
	if ag := lines["com.apple.security.application-groups"]; len(ag) > 0 {
		e.AppGroupsLine = ag[0]
	}
	return e
}

// infoPlistOf reads a configuration's Info.plist facts.
func infoPlistOf(s map[string]string, projDir string, fs projectFiles) *model.InfoPlist {
	var m map[string]any
	info := &model.InfoPlist{}
	have := false
	if p := expandWild(s["INFOPLIST_FILE"], s); p != "" {
		info.Path = p
		have = true
		if abs := locate(p, projDir); abs != "" {
			if src, ok := fs.read(abs); ok {
				info.Path = fs.show(abs)
				m, _ = parseDataPlist(src)
			}
		}
	}
	if strings.EqualFold(s["GENERATE_INFOPLIST_FILE"], "YES") {
		have = true
		if m == nil {
			m = map[string]any{}
		}
		for k, v := range s {
			if key, ok := strings.CutPrefix(k, "INFOPLIST_KEY_"); ok {
				if key == "UIBackgroundModes" || key == "BGTaskSchedulerPermittedIdentifiers" {
					m[key] = toAny(strings.Fields(v))
				} else {
					m[key] = v
				}
			}
		}
		if _, ok := m["CFBundleIdentifier"]; !ok {
			m["CFBundleIdentifier"] = "$(PRODUCT_BUNDLE_IDENTIFIER)"
		}
	}
	if !have {
		return nil
	}
	if id, ok := m["CFBundleIdentifier"].(string); ok {
		info.BundleID = expandWild(id, s)
	}
	for _, x := range plistStrings(m["UIBackgroundModes"]) {
		info.BackgroundModes = append(info.BackgroundModes, expandWild(x, s))
	}
	for _, x := range plistStrings(m["BGTaskSchedulerPermittedIdentifiers"]) {
		info.BGTaskIdentifiers = append(info.BGTaskIdentifiers, expandWild(x, s))
	}
	if ext, ok := m["NSExtension"].(map[string]any); ok {
		if v, ok := ext["NSExtensionPointIdentifier"].(string); ok {
			info.ExtensionPoint = expandWild(v, s)
		}
		if v, ok := ext["NSExtensionPrincipalClass"].(string); ok {
			info.ExtensionPrincipalClass = expandWild(v, s)
		}
	}
	return info
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// mergeInfo unites the Info.plist facts of two configurations.
func mergeInfo(a, b *model.InfoPlist) *model.InfoPlist {
	if a == nil {
		return b
	}
	if a.Path == "" {
		a.Path = b.Path
	}
	if a.BundleID == "" {
		a.BundleID = b.BundleID
	}
	for _, x := range b.BackgroundModes {
		if !contains(a.BackgroundModes, x) {
			a.BackgroundModes = append(a.BackgroundModes, x)
		}
	}
	for _, x := range b.BGTaskIdentifiers {
		if !contains(a.BGTaskIdentifiers, x) {
			a.BGTaskIdentifiers = append(a.BGTaskIdentifiers, x)
		}
	}
	if a.ExtensionPoint == "" {
		a.ExtensionPoint = b.ExtensionPoint
	}
	if a.ExtensionPrincipalClass == "" {
		a.ExtensionPrincipalClass = b.ExtensionPrincipalClass
	}
	return a
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
