package uniqueness_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/ruletest"
	"github.com/keychainlint/keychainlint/rules/uniqueness"
)

func TestUniqueness(t *testing.T) {
	ruletest.Run(t, "testdata", uniqueness.Analyzer)
}

var addLine = regexp.MustCompile(`the SecItemAdd on line (\d+) then fails`)

// Every finding is a warning at the non-unique key, with one related
// location: the SecItemAdd token of the add that fails, on the line the
// message names.
func TestSeverityAndRelatedAdd(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", uniqueness.Analyzer)
	if len(diags) == 0 {
		t.Fatal("no findings")
	}
	for _, d := range diags {
		at := fmt.Sprintf("%s:%d", d.Pos.Filename, d.Pos.Line)
		if d.Severity != driver.Warning {
			t.Errorf("%s: severity %s, want warning", at, d.Severity)
		}
		key := strings.SplitN(d.Message, " ", 2)[0]
		if got := ruletest.From(t, d.Pos); !strings.HasPrefix(got, key) {
			t.Errorf("%s: finding starts at %q, want the key %s", at, got, key)
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
		if r.Pos.Line != line || r.Message != "the add that fails with errSecDuplicateItem" {
			t.Errorf("%s: related %s:%d %q, want the add on line %d", at, r.Pos.Filename, r.Pos.Line, r.Message, line)
		}
		if got := ruletest.From(t, r.Pos); !strings.HasPrefix(got, "SecItemAdd") {
			t.Errorf("%s: related location starts at %q, want SecItemAdd", at, got)
		}
	}

	// A few exact positions, Swift and Objective-C, direct and through a
	// helper (the key written in the helper, the add in the caller), and
	// existence checks made by a helper with its own query.
	want := map[string]string{
		"direct.swift:12:9":       "direct.swift:22:9",
		"direct.m:12:22":          "direct.m:22:9",
		"direct.m:34:24":          "direct.m:44:5",
		"helpers.swift:20:15":     "helpers.swift:25:13",
		"helpers.swift:72:13":     "helpers.swift:81:13",
		"helpers.m:80:22":         "helpers.m:89:9",
		"checkhelper.swift:12:13": "checkhelper.swift:40:13",
		"checkhelper.m:26:22":     "checkhelper.m:57:9",
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
