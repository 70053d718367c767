package deleteonreadfailure_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/rules/deleteonreadfailure"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestDeleteOnReadFailure(t *testing.T) {
	ruletest.Run(t, "testdata", deleteonreadfailure.Analyzer)
}

var onLine = regexp.MustCompile(`on line (\d+) may have failed`)

// Every finding points at the read whose failure leads to the delete: a
// related location in the same file, on the line the message names.
func TestRelatedRead(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", deleteonreadfailure.Analyzer)
	if len(diags) == 0 {
		t.Fatal("no findings")
	}
	for _, d := range diags {
		m := onLine.FindStringSubmatch(d.Message)
		if m == nil {
			t.Errorf("%s:%d: message names no read line: %s", d.Pos.Filename, d.Pos.Line, d.Message)
			continue
		}
		line, _ := strconv.Atoi(m[1])
		// The read, where its status was tested on the way (when it was:
		// a helper's nil result has no comparison to point at), and the
		// key that keeps the read from asking for authentication (when
		// there is one).
		rel := d.Related
		if n := len(rel); n > 0 && strings.HasSuffix(rel[n-1].Message, ": the read fails instead of asking for authentication") {
			if !strings.Contains(d.Message, "the read passes ") {
				t.Errorf("%s:%d: related location at the UI key, but the message does not name it: %s", d.Pos.Filename, d.Pos.Line, d.Message)
			}
			rel = rel[:n-1]
		}
		if len(rel) != 1 && len(rel) != 2 {
			t.Errorf("%s:%d: got %d related locations, want the read and maybe the check", d.Pos.Filename, d.Pos.Line, len(d.Related))
			continue
		}
		if len(rel) == 2 && rel[1].Message != "this check lets errSecInteractionNotAllowed through to the delete" {
			t.Errorf("%s:%d: second related location %q", d.Pos.Filename, d.Pos.Line, rel[1].Message)
		}
		r := d.Related[0]
		if r.Pos.Filename != d.Pos.Filename || r.Pos.Line != line || r.Message != "the read whose failure leads to the delete" {
			t.Errorf("%s:%d: related %s:%d %q, want the read at line %d", d.Pos.Filename, d.Pos.Line, r.Pos.Filename, r.Pos.Line, r.Message, line)
		}
	}

	// The first related location is the name of the read call:
	// SecItemCopyMatching itself, or the helper that reads; the second, for a
	// direct read, the check that let the failure through.
	branch := map[string]string{}
	for _, d := range diags {
		if len(d.Related) >= 2 && d.Related[1].Message == "this check lets errSecInteractionNotAllowed through to the delete" {
			r := d.Related[1]
			branch[fmt.Sprintf("%s:%d", filepath.Base(d.Pos.Filename), d.Pos.Line)] = fmt.Sprintf("%s:%d", filepath.Base(r.Pos.Filename), r.Pos.Line)
		}
	}
	if got := branch["direct.swift:23"]; got != "direct.swift:22" {
		t.Errorf("finding at direct.swift:23: branch related location %q, want the guard at direct.swift:22", got)
	}
	want := map[string]string{
		"direct.swift:23":    "direct.swift:21:22",
		"helpers_a.swift:61": "helpers_a.swift:60:27",
		"helpers_b.swift:10": "helpers_b.swift:8:22",
		"direct.m:30":        "direct.m:28:23",
	}
	got := map[string]string{}
	for _, d := range diags {
		if len(d.Related) == 0 {
			continue
		}
		r := d.Related[0]
		got[fmt.Sprintf("%s:%d", filepath.Base(d.Pos.Filename), d.Pos.Line)] = fmt.Sprintf("%s:%d:%d", filepath.Base(r.Pos.Filename), r.Pos.Line, r.Pos.Column)
	}
	for at, rel := range want {
		if got[at] != rel {
			t.Errorf("finding at %s: related location %q, want %q", at, got[at], rel)
		}
	}
}

// A read that does not show the authentication UI: the finding points at
// the key that says so.
func TestRelatedAuthUIKey(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", deleteonreadfailure.Analyzer)
	want := map[string]string{
		"authui.swift:25": "kSecUseAuthenticationUIFail",
		"authui.swift:39": "kSecUseAuthenticationUISkip",
		"authui.m:24":     "kSecUseAuthenticationUIFail",
		"authui.m:38":     "kSecUseNoAuthenticationUI]",
	}
	for _, d := range diags {
		at := fmt.Sprintf("%s:%d", filepath.Base(d.Pos.Filename), d.Pos.Line)
		text, ok := want[at]
		if !ok {
			continue
		}
		delete(want, at)
		last := d.Related[len(d.Related)-1]
		if got := ruletest.From(t, last.Pos); !strings.HasPrefix(got, text) {
			t.Errorf("%s: last related location at %q, want %q", at, got, text)
		}
	}
	for at := range want {
		t.Errorf("no finding at %s", at)
	}
}
