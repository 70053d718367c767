package main

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/internal/logcmd"
)

// pipelineSeeds are the inputs FuzzScan starts from besides its corpus in
// testdata/fuzz/FuzzScan (which holds the slow ones: the 22 bytes of
// broken Swift after a real finding, that reach the parse time limit).
var pipelineSeeds = []string{
	hostileSwift,
	badSwift,
	brokenSwift,
	"import Security\nfunc f() {\n    var q = [String: Any]()\n    q[kSecClass as String] = kSecClassGenericPassword\n    q[kSecMatchLimit as String] = kSecMatchLimitAll\n    SecItemDelete(q as CFDictionary)\n}\n",
	"#import <Security/Security.h>\n@implementation K\n- (void)wipe {\n    NSDictionary *q = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword };\n    SecItemDelete((__bridge CFDictionaryRef)q);\n}\n@end\n",
	"void f(void) { const void *k[] = { kSecClass }; const void *v[] = { kSecClassGenericPassword }; CFDictionaryRef q = CFDictionaryCreate(NULL, k, v, 1, NULL, NULL); SecItemDelete(q); }\n",
	"func f() { SecItemDelete([kSecClass: kSecClassGenericPassword, kSecAttrService: \"\x1b[31m\n::error::x\"] as CFDictionary) } // keychainlint:ignore broaddelete -- ::add-mask::\r\n",
	"kSec\xff\xfe\x00\x01 SecItem" + strings.Repeat("(", 300) + strings.Repeat("{", 300),
	"func f() {\n" + strings.Repeat("if a {\n", 200) + "SecItemDelete([kSecClass: kSecClassGenericPassword, kSecMatchLimit: kSecMatchLimitAll] as CFDictionary)\n" + strings.Repeat("}\n", 200) + "}\n",
	"\ufeffimport Security\r\nfunc g() {\r\n\tlet q = [kSecClass: kSecClassInternetPassword, kSecAttrService: \"s\"] as CFDictionary\r\n\tSecItemCopyMatching(q, nil)\r\n}\r",
}

// FuzzScan runs the whole command on one source file, written both as
// NAME.swift and NAME.m (a fuzzed name, hostile or not): bytes → parse →
// lower → flow → rules → suppressions → every output. The SARIF log is
// valid (runCmd checks every log it writes); the JSON output has the
// documented schema, its findings lie in the two files with ordered
// spans, and its summary and exit status agree with them; the text and
// GitHub outputs of the same findings have one line per finding and
// related location, escaped; and no line of any output or of stderr is a
// command a CI runner would take, but the GitHub annotations.
func FuzzScan(f *testing.F) {
	for _, s := range pipelineSeeds {
		f.Add("K", []byte(s))
	}
	for _, n := range hostileNames {
		f.Add(n, []byte(hostileSwift))
	}
	f.Add("comma,colon:x=y %0A", []byte(badSwift))
	f.Fuzz(func(t *testing.T, stem string, src []byte) {
		if stem == "" || stem == "." || stem == ".." || strings.ContainsAny(stem, "/\x00") || len(stem) > 100 {
			stem = "K"
		}
		dir := t.TempDir()
		names := []string{stem + ".swift", stem + ".m"}
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(dir, n), src, 0o644); err != nil {
				t.Skipf("the file system refuses %q: %v", n, err)
			}
		}
		t.Chdir(dir)
		r := runCmd(t, "--show-suppressed", "--verbose", "--srcroot", ".", "--format", "json", "--sarif-output", "out.sarif", ".")
		if r.code != 0 && r.code != 1 {
			t.Fatalf("exit %d\n%s", r.code, r.stderr)
		}
		if bad, ok := rawControl(r.stderr); ok {
			t.Errorf("stderr has the raw %q:\n%s", bad, r.stderr)
		}
		for _, l := range strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n") {
			if !strings.HasPrefix(l, "keychainlint: ") {
				t.Errorf("stderr line does not start with \"keychainlint: \": %q", l)
			}
		}
		sarifText, err := os.ReadFile("out.sarif")
		if err != nil {
			t.Fatal(err)
		}
		for what, out := range map[string]string{"stderr": r.stderr, "json": r.stdout, "sarif": string(sarifText)} {
			for _, l := range strings.Split(out, "\n") {
				if c, ok := logcmd.Parse(l); ok {
					t.Errorf("%s: the line %q reads as the command %s%s", what, l, c.Syntax, c.Name)
				}
			}
		}
		doc := decodeJSON(t, r.stdout)
		var sarif struct {
			Runs []struct{ Results []json.RawMessage }
		}
		if err := json.Unmarshal(sarifText, &sarif); err != nil || len(sarif.Runs) != 1 {
			t.Fatalf("SARIF: %v", err)
		}
		if len(sarif.Runs[0].Results) != len(doc.Findings) {
			t.Errorf("%d SARIF results, %d JSON findings", len(sarif.Runs[0].Results), len(doc.Findings))
		}

		// Positions lie in the file, spans are ordered; the summary
		// counts the findings that are not suppressed.
		lines := strings.Split(string(src), "\n")
		inFile := func(what, file string, line, col, endLine, endCol int) {
			if file != jsonString(names[0]) && file != jsonString(names[1]) {
				t.Errorf("%s in %q, not one of the scanned files", what, file)
				return
			}
			if line < 1 || line > len(lines) || col < 1 || col > len(lines[line-1])+1 {
				t.Errorf("%s at %d:%d, outside the file (%d lines)", what, line, col, len(lines))
			}
			if endLine < line || endLine == line && endCol < col || endLine > len(lines) || endCol < 1 || endCol > len(lines[endLine-1])+1 {
				t.Errorf("%s spans %d:%d-%d:%d", what, line, col, endLine, endCol)
			}
		}
		var fs []report.Finding
		unsuppressed, failing := 0, false
		for _, jf := range doc.Findings {
			inFile("finding "+jf.Rule, jf.File, jf.Line, jf.Column, jf.EndLine, jf.EndColumn)
			fd := report.Finding{Diagnostic: driver.Diagnostic{Rule: jf.Rule, Message: jf.Message,
				Pos: token.Position{Filename: jf.File, Line: jf.Line, Column: jf.Column}, End: token.Position{Filename: jf.File, Line: jf.EndLine, Column: jf.EndColumn}}}
			switch jf.Severity {
			case "error":
				fd.Severity = driver.Error
			case "warning":
				fd.Severity = driver.Warning
			case "note":
				fd.Severity = driver.Note
			default:
				t.Errorf("severity %q", jf.Severity)
			}
			for _, rel := range jf.Related {
				num := func(k string) int { v, _ := rel[k].(float64); return int(v) }
				file, _ := rel["file"].(string)
				msg, _ := rel["message"].(string)
				inFile("related location of "+jf.Rule, file, num("line"), num("column"), num("endLine"), num("endColumn"))
				fd.Related = append(fd.Related, driver.Related{Pos: token.Position{Filename: file, Line: num("line"), Column: num("column")}, Message: msg})
			}
			if jf.Suppressed != nil {
				fd.Suppression = &report.Suppression{Justification: jf.Suppressed.Reason}
			} else {
				unsuppressed++
				failing = failing || jf.Severity != "note"
			}
			fs = append(fs, fd)
		}
		if doc.Summary["findings"] != unsuppressed || doc.Summary["exitCode"] != r.code || (r.code == 1) != failing {
			t.Errorf("summary %v and exit %d for %d findings not suppressed (failing: %v)", doc.Summary, r.code, unsuppressed, failing)
		}

		// The text and GitHub writers on the same findings.
		var text, gh bytes.Buffer
		if err := report.WriteText(&text, fs); err != nil {
			t.Fatal(err)
		}
		root, _ := report.NewRoot(".")
		if err := report.WriteGitHub(&gh, fs, root); err != nil {
			t.Fatal(err)
		}
		if bad, ok := rawControl(text.String()); ok {
			t.Errorf("text output has the raw %q:\n%s", bad, text.String())
		}
		textLines := strings.Split(text.String(), "\n")
		i := 0
		for _, fd := range fs {
			for k := 0; k <= len(fd.Related); k++ {
				m := findingRE.FindStringSubmatch(textLines[i])
				if m == nil || m[1] != report.Path(fd.Pos.Filename) && k == 0 {
					t.Errorf("text line %q is not the finding %s %s", textLines[i], fd.Rule, report.Path(fd.Pos.Filename))
				}
				if c, ok := logcmd.Parse(textLines[i]); ok {
					t.Errorf("text line %q reads as the command %s%s", textLines[i], c.Syntax, c.Name)
				}
				i++
			}
		}
		if i != len(textLines)-1 || textLines[i] != "" {
			t.Errorf("text output has %d lines, want %d:\n%s", len(textLines)-1, i, text.String())
		}
		if as := readGitHub(t, gh.String()); len(as) != len(fs) {
			t.Errorf("%d annotations for %d findings:\n%s", len(as), len(fs), gh.String())
		} else {
			for k, a := range as {
				if a.title != fs[k].Rule {
					t.Errorf("annotation %d has the title %q, want %q", k, a.title, fs[k].Rule)
				}
			}
		}
	})
}
