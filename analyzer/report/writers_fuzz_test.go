package report_test

import (
	"bytes"
	"encoding/json"
	"go/token"
	"net/url"
	pathpkg "path"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/internal/logcmd"
	"github.com/keychainlint/keychainlint/internal/sarifcheck"
	"github.com/keychainlint/keychainlint/rules/all"
)

// rawControl returns the first rune of s a terminal or a log would take
// raw: a C0 or C1 control other than the line end, DEL, a line or
// paragraph separator, or a byte that is not UTF-8.
func rawControl(s string) (string, bool) {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return s[i : i+1], true
		case r < 0x20 && r != '\n', r == 0x7f, r >= 0x80 && r < 0xa0, r == '\u2028', r == '\u2029':
			return string(r), true
		}
	}
	return "", false
}

// jsonText is s as encoding/json carries it (each invalid byte as
// U+FFFD).
func jsonText(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			b.WriteRune(utf8.RuneError)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FuzzWriters writes one finding with a fuzzed path, message, related
// message, suppression reason and source in every format, and checks what
// each promises: text is exactly one line per finding and related
// location, with no raw control character; JSON and SARIF parse back to
// the same path and message, and the SARIF log is valid; GitHub output
// is exactly one annotation command, whose file and title read back; and
// no line of any output is a command a CI runner would take (except the
// annotation itself).
func FuzzWriters(f *testing.F) {
	f.Add("Sources/A.swift", "kSecMatchLimit in a delete", "the read", "", "let q = 1\nSecItemDelete(q)\n", uint16(12), uint16(4), uint8(0))
	f.Add("a\n::error file=a.swift,line=1::forged\n.swift", "msg\r\n::add-mask::x", "rel\x1b[2J", "why\u0085", "x", uint16(0), uint16(1), uint8(1))
	f.Add("::stop-commands::tok.swift", "100% a:b,c ##[error]x", "##vso[task.logissue]y", "::warning::z", "caf\xc3\xa9 \xf0\x9f\x94\x91\n", uint16(3), uint16(9), uint8(2))
	f.Add("  ::notice::sp.swift", "\u2028\u202e", "", "", "", uint16(0), uint16(0), uint8(3))
	f.Add("bad\xff\xfe/dir with space/x,y:z.m", "\x00\x7f\xff", "\t", "\n", "\r\r\n\xff", uint16(65535), uint16(7), uint8(5))
	f.Add("/abs/%41%0A.swift", "%0A%25", "%3A", "%2C", "%", uint16(1), uint16(1), uint8(4))
	rule := all.Catalog()[0]
	f.Fuzz(func(t *testing.T, path, msg, related, reason, src string, start, length uint16, sev uint8) {
		if path == "" || strings.ContainsRune(path, 0) {
			return
		}
		t.Chdir(t.TempDir())
		off := min(int(start), len(src))
		end := min(off+int(length), len(src))
		file := &model.File{Path: path, Src: []byte(src)}
		at := func(o int) token.Position { return report.PositionAt(path, file.Src, o) }
		d := driver.Diagnostic{Rule: rule.Name, Severity: []driver.Severity{driver.Note, driver.Warning, driver.Error}[sev%3], Pos: at(off), End: at(end), Message: msg, URL: rule.URL}
		if related != "" {
			d.Related = []driver.Related{{Pos: at(end), End: at(end), Message: related}}
		}
		fd := report.Finding{Diagnostic: d}
		if sev&4 != 0 {
			fd.Suppression = &report.Suppression{Justification: reason, Pos: at(0), End: at(off)}
		}
		root, err := report.NewRoot(".")
		if err != nil {
			t.Fatal(err)
		}
		srcs := report.NewSources([]*model.File{file})
		fs := []report.Finding{fd}
		report.Fingerprints(fs, srcs, root)
		scan := &report.Scan{ToolVersion: "1.0.0", Rules: []report.Rule{rule}, Findings: fs, Sources: srcs, Root: root, ExitCode: 1,
			Notifications: []report.Notification{{Level: driver.Note, Path: path, Message: "skipped " + path + ": " + msg}}}

		noCommands := func(format, out string) {
			for _, l := range strings.Split(out, "\n") {
				if c, ok := logcmd.Parse(l); ok {
					t.Errorf("%s: the line %q reads as the command %s%s", format, l, c.Syntax, c.Name)
				}
			}
		}

		var text bytes.Buffer
		if err := report.WriteText(&text, fs); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(text.String(), "\n"); n != 1+len(d.Related) || !strings.HasSuffix(text.String(), "\n") {
			t.Errorf("text: %d lines for a finding with %d related locations:\n%s", n, len(d.Related), text.String())
		}
		if bad, ok := rawControl(text.String()); ok {
			t.Errorf("text: the raw %q in %q", bad, text.String())
		}
		if p := report.Path(path); !strings.HasPrefix(text.String(), p+":") {
			t.Errorf("text: the line does not begin with the path %s: %q", p, text.String())
		}
		noCommands("text", text.String())

		var js bytes.Buffer
		if err := report.WriteJSON(&js, scan); err != nil {
			t.Fatal(err)
		}
		noCommands("json", js.String())
		var doc report.JSON
		if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
			t.Fatalf("json: %v\n%s", err, js.String())
		}
		if len(doc.Findings) != 1 || doc.Findings[0].File != jsonText(path) || doc.Findings[0].Message != jsonText(msg) {
			t.Errorf("json: the finding reads back as %+v", doc.Findings)
		}

		var sar bytes.Buffer
		if err := report.WriteSARIF(&sar, scan); err != nil {
			t.Fatal(err)
		}
		noCommands("sarif", sar.String())
		if err := sarifcheck.Validate(sar.Bytes()); err != nil {
			t.Fatalf("sarif: %v\n%s", err, sar.String())
		}
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI, URIBaseID string }
						}
					}
				}
			}
		}
		if err := json.Unmarshal(sar.Bytes(), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
			t.Fatalf("sarif: %v, %d runs", err, len(log.Runs))
		}
		loc := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
		if u, err := url.Parse(loc.URI); err != nil {
			t.Errorf("sarif: the URI %q does not parse: %v", loc.URI, err)
		} else if rel, ok := root.Rel(path); ok && loc.URIBaseID == report.SrcRoot && pathpkg.Clean(u.Path) != pathpkg.Clean(rel) {
			t.Errorf("sarif: the URI %q is the path %q, want %q", loc.URI, u.Path, rel)
		}

		var gh bytes.Buffer
		if err := report.WriteGitHub(&gh, fs, root); err != nil {
			t.Fatal(err)
		}
		if bad, ok := rawControl(gh.String()); ok {
			t.Errorf("github: the raw %q in %q", bad, gh.String())
		}
		lines := strings.Split(strings.TrimSuffix(gh.String(), "\n"), "\n")
		if len(lines) != 1 {
			t.Fatalf("github: %d lines for one finding:\n%s", len(lines), gh.String())
		}
		c, ok := logcmd.Parse(lines[0])
		if !ok || c.Syntax != "::" || c.Props["title"] != rule.Name {
			t.Fatalf("github: %q reads as %+v", lines[0], c)
		}
		for k := range c.Props {
			if !strings.Contains(" file line col endLine endColumn title ", " "+k+" ") {
				t.Errorf("github: the property %q in %q", k, lines[0])
			}
		}
		want := path
		if rel, ok := root.Rel(path); ok {
			want = rel
		}
		if _, unprintable := rawControl(want); !unprintable && !strings.ContainsAny(want, "\t") && report.Text(want) == want && !strings.Contains(want, "##") && c.Props["file"] != want {
			t.Errorf("github: the file reads back as %q, want %q (%q)", c.Props["file"], want, lines[0])
		}
	})
}
