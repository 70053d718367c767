package sarifcheck

import (
	"strings"
	"testing"
)

func TestSchemaIsOASIS(t *testing.T) {
	text, err := SchemaText()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, `"id": "`+SchemaID+`"`) || !strings.Contains(text, "draft-04") {
		t.Errorf("go-sarif's embedded schema is not the OASIS 2.1.0 one:\n%.300s", text)
	}
}

func TestValidate(t *testing.T) {
	const head = `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "r"}]}}`
	for _, tc := range []struct {
		name, log, want string
	}{
		{"minimal", head + `, "results": []}]}`, ""},
		{"no results", head + `}]}`, "no results array"},
		{"bad level", head + `, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`, "level"},
		{"bad version", `{"version": "2.0.0", "runs": []}`, "version"},
		{"ruleIndex mismatch", head + `, "results": [{"ruleId": "q", "ruleIndex": 0, "message": {"text": "m"}}]}]}`, `names rule "r"`},
		{"ruleIndex out of range", head + `, "results": [{"ruleId": "r", "ruleIndex": 3, "message": {"text": "m"}}]}]}`, "out of range"},
		{"undeclared base", head + `, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 1}}}]}]}]}`, "not declared"},
		{"backwards region", head + `, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a"}, "region": {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 3}}}]}]}]}`, "ends (column 3)"},
		{"bad uri", head + `, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a b\\c"}, "region": {"startLine": 1}}}]}]}]}`, "uri"},
		{"not JSON", `{`, "not JSON"},
	} {
		err := Validate([]byte(tc.log))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}
