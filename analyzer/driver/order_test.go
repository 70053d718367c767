package driver_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// crossFileCycle is a call cycle spread over several files (a class and its
// extension), entered from other files at different methods and with
// different arguments, so that workers reach the cycle at different
// points depending on the file order and on scheduling.
func crossFileCycle() map[string]string {
	method := func(i, n int) string {
		// One method deletes with the dictionary it was given: callers
		// see that delete only through the cycle.
		broad := ""
		if i == 6 {
			broad = "        SecItemDelete(q as CFDictionary)\n"
		}
		return fmt.Sprintf(`    func m%d(_ q: [String: Any], _ extra: String?) -> Bool {
%s
        var d = q
        d[kSecAttrAccount as String] = "a%d"
        if let e = extra {
            d[kSecAttrLabel as String] = e
        }
        let status = SecItemCopyMatching(d as CFDictionary, nil)
        if status == errSecItemNotFound {
            SecItemDelete(d as CFDictionary)
            return m%d(q, nil)
        }
        var add = d
        add[kSecValueData as String] = Data()
        SecItemAdd(add as CFDictionary, nil)
        return m%d(d, extra)
    }
`, i, broad, i, (i+1)%n, (i+3)%n)
	}
	const n = 8
	var a, b strings.Builder
	a.WriteString("import Security\n\nclass Store {\n")
	b.WriteString("import Security\n\nextension Store {\n")
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			a.WriteString(method(i, n))
		} else {
			b.WriteString(method(i, n))
		}
	}
	a.WriteString("}\n")
	b.WriteString("}\n")
	return map[string]string{
		"Cycle/Store.swift":          a.String(),
		"Cycle/Store+More.swift":     b.String(),
		"Cycle/UseFirst.swift":       "import Security\n\nfunc first() {\n    _ = Store().m0([kSecClass as String: kSecClassGenericPassword], nil)\n}\n",
		"Cycle/UseLater.swift":       "import Security\n\nfunc later() {\n    _ = Store().m5([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: \"s\"], \"x\")\n}\n",
		"Cycle/UseSpecialised.swift": "import Security\n\nfunc third(q: [String: Any]) {\n    _ = Store().m3(q, nil)\n}\n",
		// A two-function cycle whose caller sees the delete only through
		// it: an engine that kept what it computed for outer() while the
		// cycle was cut at inner() (reached first, from its own file)
		// would lose the caller's finding in one file order only.
		// (A copy is passed on, so that no specialisation separates the
		// analyses; outer names a keychain constant so that the prefilter
		// parses its file in the first round.)
		"Cycle/Pair1.swift": "import Security\n\nfunc inner(_ q: [String: Any]) {\n    SecItemDelete(q as CFDictionary)\n    let c = q\n    outer(c)\n}\n",
		"Cycle/Pair2.swift": "import Security\n\nfunc outer(_ q: [String: Any]) {\n    _ = kSecClass\n    let c = q\n    inner(c)\n}\n",
		"Cycle/Pair3.swift": "import Security\n\nfunc clearAll() {\n    outer([kSecClass as String: kSecClassGenericPassword])\n}\n",
	}
}

// orderInputs returns the sample app, the rules' fixtures and the
// cross-file cycle as inputs.
func orderInputs(t *testing.T) []driver.Input {
	t.Helper()
	roots := []string{"../../testdata/sampleapp"}
	rules, err := filepath.Glob("../../rules/*/testdata")
	if err != nil {
		t.Fatal(err)
	}
	roots = append(roots, rules...)
	files, _, err := source.Collect(roots, source.Options{MaxFileSize: 5 << 20})
	if err != nil {
		t.Fatal(err)
	}
	var inputs []driver.Input
	for _, f := range files {
		src, err := os.ReadFile(f.Abs)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, driver.Input{File: f, Src: src})
	}
	cycle := crossFileCycle()
	paths := make([]string, 0, len(cycle))
	for path := range cycle {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		inputs = append(inputs, driver.Input{File: source.File{Path: path, Abs: "/cycle/" + path, Lang: model.Swift}, Src: []byte(cycle[path])})
	}
	return inputs
}

// renderFindings prints every finding with everything the report shows.
func renderFindings(res *driver.Result) string {
	var b strings.Builder
	for _, d := range res.Diagnostics {
		fmt.Fprintf(&b, "%s %s %s-%s %s\n", d.Rule, d.Severity, d.Pos, d.End, d.Message)
		for _, r := range d.Related {
			fmt.Fprintf(&b, "    %s-%s %s\n", r.Pos, r.End, r.Message)
		}
		for _, f := range d.Folded {
			fmt.Fprintf(&b, "    folded %+v\n", f)
		}
		for i := range d.Fixes {
			fmt.Fprintf(&b, "    fix %+v\n", d.FixEdits(i))
		}
	}
	return b.String()
}

// TestFindingsIndependentOfOrderAndWorkers: the same files in two orders,
// each with one and with four workers, give identical findings (the flow
// engine's results do not depend on which function a worker reaches
// first).
func TestFindingsIndependentOfOrderAndWorkers(t *testing.T) {
	inputs := orderInputs(t)
	reversed := make([]driver.Input, len(inputs))
	for i, in := range inputs {
		reversed[len(inputs)-1-i] = in
	}
	var want string
	for _, order := range []struct {
		name   string
		inputs []driver.Input
	}{{"given order", inputs}, {"reversed", reversed}} {
		for _, workers := range []int{1, 4} {
			res, err := driver.Run(context.Background(), order.inputs, driver.Config{Analyzers: all.Analyzers(), Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			got := renderFindings(res)
			if want == "" {
				want = got
				continue
			}
			if got != want {
				t.Errorf("%s, %d workers: findings differ from the given order with 1 worker:\n%s", order.name, workers, lineDiff(want, got))
			}
		}
	}
	for _, file := range []string{"Cycle/UseFirst.swift", "Cycle/Pair3.swift"} {
		if !strings.Contains(want, file) {
			t.Errorf("no finding in %s (the test needs one)", file)
		}
	}
}

// lineDiff lists the lines only one of two texts has.
func lineDiff(a, b string) string {
	count := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(b, "\n") {
		count[l]--
	}
	var out []string
	for l, n := range count {
		switch {
		case n > 0:
			out = append(out, "- "+l)
		case n < 0:
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
