package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// The project's platforms come first; directory names and API use narrow
// them; contradictions keep the project's word; --platforms narrows last
// and replaces a scope it shares nothing with.
func TestFilePlatformsFromProject(t *testing.T) {
	iosMac := model.IOS | model.MacOS
	ios := model.IOS | model.MacCatalyst
	cases := []struct {
		name       string
		path, src  string
		project    model.Platform
		configured model.Platform
		want       model.Platform
	}{
		{"project alone", "Sources/A.m", `void f(void) { SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword}); }`, ios, 0, ios},
		{"no project platforms", "Sources/A.m", `void f(void) { SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword}); }`, 0, 0, model.AllPlatforms},
		{"macOS-only API narrows an iOS+macOS target", "Sources/A.m", `void f(NSString *p) {
    SecTrustedApplicationRef app = NULL;
    SecTrustedApplicationCreateFromPath(p.UTF8String, &app);
    SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword});
}`, iosMac, 0, model.MacOS},
		{"macOS-only API in an iOS-only target: the project stands", "Sources/A.m", `void f(NSString *p) {
    SecTrustedApplicationRef app = NULL;
    SecTrustedApplicationCreateFromPath(p.UTF8String, &app);
    SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword});
}`, ios, 0, ios},
		{"UIKit narrows an iOS+macOS target", "Sources/A.swift", `func f() {
    let w = UIScreen.main.bounds.width
    SecItemDelete([kSecClass as String: kSecClassKey] as CFDictionary)
}`, iosMac, 0, model.IOS},
		{"UIKit in a case clause under #if says nothing", "Sources/A.swift", `func f(k: Int) {
    switch k {
    #if os(iOS)
    case 1:
        let w = UIScreen.main.bounds.width
    #endif
    default:
        break
    }
    SecItemDelete([kSecClass as String: kSecClassKey] as CFDictionary)
}`, iosMac, 0, iosMac},
		{"directory narrows the project", "Sources/mac/A.m", `void f(void) { SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword}); }`, iosMac, 0, model.MacOS},
		{"contradicting directory: the project stands", "Sources/mac/A.m", `void f(void) { SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword}); }`, ios, 0, ios},
		{"--platforms narrows", "Sources/A.m", `void f(void) { SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword}); }`, iosMac, model.MacOS, model.MacOS},
		{"--platforms overrides", "Sources/A.m", `void f(void) { SecItemDelete((CFDictionaryRef)@{(id)kSecClass: (id)kSecClassGenericPassword}); }`, ios, model.MacOS, model.MacOS},
	}
	for _, c := range cases {
		f, err := swiftparse.ParseFile(c.path, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		f.Project = &model.ProjectInfo{Platforms: c.project}
		prog := flow.NewProgram([]*model.File{f}, c.configured)
		calls := prog.FileResult(f).Calls
		if len(calls) != 1 {
			t.Fatalf("%s: %d calls", c.name, len(calls))
		}
		if got := calls[0].Platforms; got != c.want {
			t.Errorf("%s: scope %s, want %s", c.name, got, c.want)
		}
	}
}
