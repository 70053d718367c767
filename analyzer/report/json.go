package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// JSONVersion is the version of the JSON output's schema. It changes only
// when a field changes meaning or disappears; new fields may be added
// without changing it.
const JSONVersion = 1

// JSON is the document --format json writes (documented in the README).
type JSON struct {
	Version  int           `json:"version"`
	Tool     JSONTool      `json:"tool"`
	Findings []JSONFinding `json:"findings"`
	// PartialParses are the files with keychain code parsed only in
	// part, with the regions that were not analysed; always an array.
	PartialParses []JSONPartialParse `json:"partialParses"`
	Summary       JSONSummary        `json:"summary"`
}

// JSONTool names the tool.
type JSONTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSONFinding is one finding. Paths are as the text output prints them
// (relative to the working directory); lines and columns are 1-based,
// columns count bytes, and endColumn is the column just after the last
// byte of the span (exclusive).
type JSONFinding struct {
	Rule        string         `json:"rule"`
	Severity    string         `json:"severity"`
	File        string         `json:"file"`
	Line        int            `json:"line"`
	Column      int            `json:"column"`
	EndLine     int            `json:"endLine"`
	EndColumn   int            `json:"endColumn"`
	Message     string         `json:"message"`
	URL         string         `json:"url"`
	Related     []JSONLocation `json:"related"`
	Fixes       []JSONFix      `json:"fixes"`
	Fingerprint string         `json:"fingerprint"`
	// Suppressed is present only with --show-suppressed, on findings a
	// keychainlint:ignore directive silences.
	Suppressed *JSONSuppressed `json:"suppressed,omitempty"`
}

// JSONLocation is a related location.
type JSONLocation struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
}

// JSONFix is a suggested fix: replace each edit's span with its newText.
type JSONFix struct {
	Message string     `json:"message"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit is one replacement; an empty span inserts.
type JSONEdit struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	NewText   string `json:"newText"`
}

// JSONSuppressed tells where and why a finding is suppressed.
type JSONSuppressed struct {
	Reason    string `json:"reason"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	FileLevel bool   `json:"fileLevel"`
}

// JSONSummary counts what the run found and left out.
type JSONSummary struct {
	FilesSeen             int `json:"filesSeen"`
	FilesWithKeychainCode int `json:"filesWithKeychainCode"`
	Findings              int `json:"findings"`
	Errors                int `json:"errors"`
	Warnings              int `json:"warnings"`
	Notes                 int `json:"notes"`
	Suppressed            int `json:"suppressed"`
	Baselined             int `json:"baselined"`
	OutsideDiff           int `json:"outsideDiff"`
	ExitCode              int `json:"exitCode"`
	// FilesWithSyntaxErrors and FilesTruncated count the files with
	// keychain code parsed only in part (JSON.PartialParses lists them).
	FilesWithSyntaxErrors int `json:"filesWithSyntaxErrors"`
	FilesTruncated        int `json:"filesTruncated"`
}

// JSONPartialParse is a file parsed only in part, with the regions that
// were not analysed.
type JSONPartialParse struct {
	File string           `json:"file"`
	Lost []JSONLostRegion `json:"lost"`
}

// JSONLostRegion is a region that was not analysed, and why: "syntax
// error", "nested deeper than the depth limit" or "parse time limit
// exceeded".
type JSONLostRegion struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Reason    string `json:"reason"`
}

// BuildJSON builds the JSON document of a scan.
func BuildJSON(s *Scan) *JSON {
	doc := &JSON{
		Version:  JSONVersion,
		Tool:     JSONTool{Name: "keychainlint", Version: s.ToolVersion},
		Findings: []JSONFinding{},
		Summary: JSONSummary{
			FilesSeen:             s.Stats.FilesSeen,
			FilesWithKeychainCode: s.Stats.FilesKeychain,
			Suppressed:            s.Stats.Suppressed,
			Baselined:             s.Stats.Baselined,
			OutsideDiff:           s.Stats.OutsideDiff,
			ExitCode:              s.ExitCode,
		},
		PartialParses: []JSONPartialParse{},
	}
	doc.Summary.FilesWithSyntaxErrors, doc.Summary.FilesTruncated = PartialCounts(s.Partial)
	for _, p := range s.Partial {
		src := s.Sources.Src(p.Path)
		jp := JSONPartialParse{File: p.Path, Lost: []JSONLostRegion{}}
		for _, r := range p.Regions() {
			l, c := bytePoint(src, r.Span.Start)
			el, ec := bytePoint(src, r.Span.End)
			jp.Lost = append(jp.Lost, JSONLostRegion{Line: l, Column: c, EndLine: el, EndColumn: ec, Reason: r.Reason})
		}
		doc.PartialParses = append(doc.PartialParses, jp)
	}
	for _, f := range s.Findings {
		jf := JSONFinding{
			Rule:        f.Rule,
			Severity:    f.Severity.String(),
			File:        f.Pos.Filename,
			Line:        f.Pos.Line,
			Column:      f.Pos.Column,
			EndLine:     f.End.Line,
			EndColumn:   f.End.Column,
			Message:     f.Message,
			URL:         f.URL,
			Related:     []JSONLocation{},
			Fixes:       []JSONFix{},
			Fingerprint: f.Fingerprint,
		}
		if jf.EndLine == 0 {
			jf.EndLine, jf.EndColumn = jf.Line, jf.Column
		}
		for _, r := range f.Related {
			end := r.End
			if end.Line == 0 {
				end = r.Pos
			}
			jf.Related = append(jf.Related, JSONLocation{File: r.Pos.Filename, Line: r.Pos.Line, Column: r.Pos.Column, EndLine: end.Line, EndColumn: end.Column, Message: r.Message})
		}
		for i, fx := range f.Fixes {
			jfx := JSONFix{Message: fx.Message, Edits: []JSONEdit{}}
			for _, e := range f.FixEdits(i) {
				src := s.Sources.Src(e.Filename)
				if src == nil {
					continue
				}
				l, c := bytePoint(src, e.Start)
				el, ec := bytePoint(src, e.End)
				jfx.Edits = append(jfx.Edits, JSONEdit{File: e.Filename, Line: l, Column: c, EndLine: el, EndColumn: ec, NewText: e.New})
			}
			jf.Fixes = append(jf.Fixes, jfx)
		}
		if sp := f.Suppression; sp != nil {
			jf.Suppressed = &JSONSuppressed{Reason: sp.Justification, File: sp.Pos.Filename, Line: sp.Pos.Line, FileLevel: sp.FileLevel}
		} else {
			doc.Summary.Findings++
			switch f.Severity.String() {
			case "error":
				doc.Summary.Errors++
			case "warning":
				doc.Summary.Warnings++
			default:
				doc.Summary.Notes++
			}
		}
		doc.Findings = append(doc.Findings, jf)
	}
	return doc
}

// WriteJSON writes the JSON document of a scan, indented, with the log
// command markers in strings escaped (breakJSONMarkers).
func WriteJSON(w io.Writer, s *Scan) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(BuildJSON(s)); err != nil {
		return err
	}
	_, err := w.Write(breakJSONMarkers(b.Bytes()))
	return err
}
