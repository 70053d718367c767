package driver_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

func fileAt(path string) source.File {
	return source.File{Path: path, Lang: model.LangForPath(path)}
}

// TestEditFindings: the edit loop analyses a changed file in the context
// of the program's other files, as a whole run does: the caller's
// kSecAttrServer is wrong for the class the helper in another file
// returns, and editing the helper changes the caller's findings.
func TestEditFindings(t *testing.T) {
	helper := "import Security\nfunc itemClass() -> CFString {\n    return kSecClass%s\n}\n"
	caller := "import Security\nfunc load() {\n    let q: [String: Any] = [kSecClass as String: itemClass(), kSecAttrServer as String: \"example.com\"]\n    SecItemCopyMatching(q as CFDictionary, nil)\n}\n"
	cfg := driver.Config{Analyzers: all.Analyzers()}
	inputs := []driver.Input{
		{File: fileAt("Caller.swift"), Src: []byte(caller)},
		{File: fileAt("Helper.swift"), Src: []byte(fmt.Sprintf(helper, "GenericPassword"))},
	}
	res, err := driver.Run(context.Background(), inputs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	e, err := driver.NewEdit(cfg, res.Files)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	lines := func(ds []driver.Diagnostic) []string {
		var out []string
		for _, d := range ds {
			out = append(out, fmt.Sprintf("%s:%d [%s]", d.Pos.Filename, d.Pos.Line, d.Rule))
		}
		return out
	}
	var want []string
	for _, d := range lines(res.Diagnostics) {
		if strings.HasPrefix(d, "Caller.swift:") {
			want = append(want, d)
		}
	}
	if len(want) != 1 || want[0] != "Caller.swift:3 [unsupportedattr]" {
		t.Fatalf("whole run: want the unsupportedattr finding at Caller.swift:3, got %q", want)
	}
	// Typing in the caller (a comment) keeps its finding.
	got, err := e.Change(ctx, "Caller.swift", []byte(caller+"// typing\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(lines(got), "\n") != strings.Join(want, "\n") {
		t.Fatalf("after an edit of the caller: %q, want %q", lines(got), want)
	}
	// The helper now returns internet passwords: the caller is right.
	if _, err := e.Change(ctx, "Helper.swift", []byte(fmt.Sprintf(helper, "InternetPassword"))); err != nil {
		t.Fatal(err)
	}
	if got, err := e.Findings(ctx, "Caller.swift"); err != nil || len(got) != 0 {
		t.Fatalf("after the helper's edit: %q (%v), want no finding in the caller", lines(got), err)
	}
	// Back to generic passwords: the helper's second change is parsed
	// incrementally from its first, and the finding comes back.
	if _, err := e.Change(ctx, "Helper.swift", []byte(fmt.Sprintf(helper, "GenericPassword"))); err != nil {
		t.Fatal(err)
	}
	if got, err := e.Findings(ctx, "Caller.swift"); err != nil || strings.Join(lines(got), "\n") != strings.Join(want, "\n") {
		t.Fatalf("after the helper's second edit: %q (%v), want %q", lines(got), err, want)
	}
	if _, err := e.Findings(ctx, "Missing.swift"); err == nil {
		t.Fatal("a file that is not part of the program: want an error")
	}
}
