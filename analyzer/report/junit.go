package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// WriteJUnit writes the findings as a JUnit XML report (GitLab's
// artifacts:reports:junit, Jenkins, Azure Pipelines): one test suite,
// keychainlint, with one failing test case per finding, named by rule and
// place and classed by file, and the finding as text in its <failure>;
// suppressed findings are skipped test cases. A scan without findings is
// one passing test case, since some readers treat an empty suite as no
// report.
func WriteJUnit(w io.Writer, fs []Finding, root Root) error {
	root = root.withMemo()
	var cases strings.Builder
	failures, skipped := 0, 0
	for _, f := range fs {
		path := githubPath(root, f.Pos.Filename)
		fmt.Fprintf(&cases, "    <testcase classname=\"%s\" name=\"%s %s:%d:%d\">\n", xmlAttr(path), xmlAttr(f.Rule), xmlAttr(path), f.Pos.Line, f.Pos.Column)
		text := fmt.Sprintf("%s:%d:%d: %s: %s [%s]", path, f.Pos.Line, f.Pos.Column, f.Severity, f.Message, f.Rule)
		for _, r := range f.Related {
			text += fmt.Sprintf("\n%s:%d:%d: note: %s", githubPath(root, r.Pos.Filename), r.Pos.Line, r.Pos.Column, r.Message)
		}
		if f.Suppression != nil {
			skipped++
			fmt.Fprintf(&cases, "      <skipped message=\"%s\"/>\n", xmlAttr("suppressed: "+f.Suppression.Justification))
		} else {
			failures++
			fmt.Fprintf(&cases, "      <failure type=\"%s\" message=\"%s\">%s</failure>\n", f.Severity, xmlAttr(oneLine(f.Message)), xmlAttr(text))
		}
		cases.WriteString("    </testcase>\n")
	}
	tests := len(fs)
	if tests == 0 {
		tests = 1
		cases.WriteString("    <testcase classname=\"keychainlint\" name=\"no findings\"/>\n")
	}
	var b strings.Builder
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<testsuites name=\"keychainlint\" tests=\"%d\" failures=\"%d\" skipped=\"%d\">\n", tests, failures, skipped)
	fmt.Fprintf(&b, "  <testsuite name=\"keychainlint\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">\n", tests, failures, skipped)
	b.WriteString(cases.String())
	b.WriteString("  </testsuite>\n</testsuites>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
