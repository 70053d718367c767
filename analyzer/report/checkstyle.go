package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// WriteCheckstyle writes the findings as a Checkstyle XML report (read by
// Jenkins' Warnings plugin, reviewdog, Danger and others): one <file> per
// file in the findings' order, one <error> per finding with its line,
// column, severity (error, warning or info) and source
// keychainlint.<rule>. Related locations follow the message. Paths are
// relative to the root. Text goes through encoding/xml's escaping, which
// also replaces characters XML cannot hold.
func WriteCheckstyle(w io.Writer, fs []Finding, root Root) error {
	root = root.withMemo()
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<checkstyle version="4.3">` + "\n")
	open := ""
	for _, f := range fs {
		path := githubPath(root, f.Pos.Filename)
		if path != open || open == "" {
			if open != "" {
				b.WriteString("  </file>\n")
			}
			fmt.Fprintf(&b, "  <file name=\"%s\">\n", xmlAttr(path))
			open = path
		}
		sev, msg := f.Severity.String(), f.Message
		if sev == "note" {
			sev = "info"
		}
		if f.Suppression != nil {
			sev, msg = "info", fmt.Sprintf("suppressed (%s): %s", f.Suppression.Justification, msg)
		}
		for _, r := range f.Related {
			msg += fmt.Sprintf("\n%s:%d:%d: %s", githubPath(root, r.Pos.Filename), r.Pos.Line, r.Pos.Column, r.Message)
		}
		fmt.Fprintf(&b, "    <error line=\"%d\" column=\"%d\" severity=\"%s\" message=\"%s\" source=\"keychainlint.%s\"/>\n",
			f.Pos.Line, f.Pos.Column, sev, xmlAttr(msg), xmlAttr(f.Rule))
	}
	if open != "" {
		b.WriteString("  </file>\n")
	}
	b.WriteString("</checkstyle>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// xmlAttr escapes s for an attribute value; newlines are kept as
// character references (a raw one would be normalised to a space), and
// the log command markers "##[" and "##vso[" are broken by writing the
// second "#" as a character reference, which XML readers read back.
func xmlAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return xmlMarkers.Replace(b.String())
}

var xmlMarkers = strings.NewReplacer("##[", "#&#35;[", "##vso[", "#&#35;vso[")
