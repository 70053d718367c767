package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
)

// gitlabIssue is one entry of a GitLab Code Quality report (the subset of
// the Code Climate issue format GitLab reads).
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// GitLabSeverity maps a severity to GitLab's (info, minor, major,
// critical, blocker): errors are critical, warnings minor and notes info,
// as SwiftLint's reporter does.
func GitLabSeverity(sev string) string {
	switch sev {
	case "error":
		return "critical"
	case "note":
		return "info"
	}
	return "minor"
}

// WriteGitLab writes the findings as a GitLab Code Quality report (a JSON
// array; artifacts:reports:codequality). Paths are relative to the root,
// as GitLab knows the files; each issue's fingerprint is the finding's
// (unique in the report: GitLab drops issues with the same one), or a
// hash of its rule, place and message when it has none. Related
// locations follow the message. Suppressed findings are left out: Code
// Quality has no way to show them as such.
func WriteGitLab(w io.Writer, fs []Finding, root Root) error {
	root = root.withMemo()
	issues := []gitlabIssue{}
	seen := map[string]int{}
	for _, f := range fs {
		if f.Suppression != nil {
			continue
		}
		path := githubPath(root, f.Pos.Filename)
		msg := oneLine(f.Message)
		for _, r := range f.Related {
			msg += fmt.Sprintf(" (%s:%d: %s)", githubPath(root, r.Pos.Filename), r.Pos.Line, oneLine(r.Message))
		}
		fp := f.Fingerprint
		if fp == "" {
			sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%d\x00%d\x00%s", f.Rule, path, f.Pos.Line, f.Pos.Column, f.Message))
			fp = hex.EncodeToString(sum[:16])
		}
		if n := seen[fp]; n > 0 {
			seen[fp]++
			fp = fmt.Sprintf("%s-%d", fp, n)
		} else {
			seen[fp] = 1
		}
		end := f.End.Line
		if end < f.Pos.Line {
			end = 0
		}
		issues = append(issues, gitlabIssue{
			Description: msg, CheckName: f.Rule, Fingerprint: fp, Severity: GitLabSeverity(f.Severity.String()),
			Location: gitlabLocation{Path: path, Lines: gitlabLines{Begin: f.Pos.Line, End: end}},
		})
	}
	data, err := json.MarshalIndent(issues, "", "  ")
	if err != nil {
		return err
	}
	// As in the JSON output: no log command marker reaches a CI log.
	_, err = w.Write(append(breakJSONMarkers(data), '\n'))
	return err
}
