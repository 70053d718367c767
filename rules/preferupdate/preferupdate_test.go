package preferupdate_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/preferupdate"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestPreferUpdate(t *testing.T) {
	ruletest.Run(t, "testdata", preferupdate.Analyzer)
}

var helperAdd = regexp.MustCompile(`followed by (\S+) \(which calls SecItemAdd\)`)

var addLine = regexp.MustCompile(`SecItemAdd\)? of the same [a-z ]+ on line (\d+):`)

// Every finding is a warning at the SecItemDelete token, with one related
// location: the SecItemAdd token of the add, on the line the message names.
func TestSeverityAndRelatedAdd(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", preferupdate.Analyzer)
	if len(diags) == 0 {
		t.Fatal("no findings")
	}
	for _, d := range diags {
		at := fmt.Sprintf("%s:%d", d.Pos.Filename, d.Pos.Line)
		if d.Severity != driver.Warning {
			t.Errorf("%s: severity %s, want warning", at, d.Severity)
		}
		// A delete made by a helper is reported at the helper's call,
		// and the message names the helper.
		if got := ruletest.Covered(t, d); got != "SecItemDelete" &&
			!(strings.HasPrefix(d.Message, got) && strings.Contains(d.Message, "(which calls SecItemDelete)")) {
			t.Errorf("%s: finding covers %q, want SecItemDelete or a helper named in the message", at, got)
		}
		m := addLine.FindStringSubmatch(d.Message)
		if m == nil {
			t.Errorf("%s: message names no add line: %s", at, d.Message)
			continue
		}
		if len(d.Related) != 1 {
			t.Errorf("%s: %d related locations, want 1 (the add)", at, len(d.Related))
			continue
		}
		r := d.Related[0]
		line, _ := strconv.Atoi(m[1])
		if r.Pos.Filename != d.Pos.Filename || r.Pos.Line != line || r.Message != "the item is added again here" {
			t.Errorf("%s: related %s:%d %q, want the add on line %d", at, r.Pos.Filename, r.Pos.Line, r.Message, line)
		}
		// The add's name: SecItemAdd, or the helper called there
		// ("add (which calls SecItemAdd)", "add:account: (which …)").
		want := "SecItemAdd"
		if h := helperAdd.FindStringSubmatch(d.Message); h != nil {
			want = strings.SplitN(h[1], ":", 2)[0]
		}
		if got := ruletest.Text(t, r.Pos, r.End); got != want {
			t.Errorf("%s: related location covers %q, want %s", at, got, want)
		}
	}

	want := map[string]string{
		"direct.swift:11:5":  "direct.swift:13:5",
		"direct.swift:41:18": "direct.swift:51:5",
		"direct.m:10:5":      "direct.m:12:5",
		"direct.m:40:23":     "direct.m:50:5",
		"helpers.swift:18:9": "helpers.swift:21:9",
		"helpers.m:21:5":     "helpers.m:24:5",
	}
	got := map[string]string{}
	for _, d := range diags {
		if len(d.Related) == 1 {
			r := d.Related[0]
			got[fmt.Sprintf("%s:%d:%d", filepath.Base(d.Pos.Filename), d.Pos.Line, d.Pos.Column)] =
				fmt.Sprintf("%s:%d:%d", filepath.Base(r.Pos.Filename), r.Pos.Line, r.Pos.Column)
		}
	}
	for at, rel := range want {
		if got[at] != rel {
			t.Errorf("finding at %s: related %q, want %q", at, got[at], rel)
		}
	}
}

// The message tells what to do instead.
func TestSuggestsUpdate(t *testing.T) {
	for _, d := range ruletest.RunQuiet(t, "testdata", preferupdate.Analyzer) {
		if !regexp.MustCompile(`use SecItemUpdate, and SecItemAdd only when it returns errSecItemNotFound$`).MatchString(d.Message) {
			t.Errorf("%s:%d: message does not suggest SecItemUpdate: %s", d.Pos.Filename, d.Pos.Line, d.Message)
		}
	}
}
