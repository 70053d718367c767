package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// MaxMarkdownRows bounds the findings table of WriteMarkdownSummary: a
// pull-request comment has a size limit (65536 characters on GitHub).
const MaxMarkdownRows = 200

// WriteMarkdownSummary writes a summary of the findings for a
// pull-request comment: the counts by severity, a table of the counts by
// rule, and a table of the findings (at most MaxMarkdownRows). Cells are
// escaped so that no message or path can end a cell, a row or the table,
// or bring in HTML.
func WriteMarkdownSummary(w io.Writer, fs []Finding, root Root) error {
	root = root.withMemo()
	var b strings.Builder
	b.WriteString("## keychainlint\n\n")
	var active []Finding
	for _, f := range fs {
		if f.Suppression == nil {
			active = append(active, f)
		}
	}
	if len(active) == 0 {
		b.WriteString("No findings.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	sev := map[string]int{}
	byRule := map[string]int{}
	var rules []string
	for _, f := range active {
		sev[f.Severity.String()]++
		if byRule[f.Rule] == 0 {
			rules = append(rules, f.Rule)
		}
		byRule[f.Rule]++
	}
	var parts []string
	for _, s := range []string{"error", "warning", "note"} {
		if n := sev[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, pluralize(n, s)))
		}
	}
	fmt.Fprintf(&b, "**%d %s** (%s)\n\n", len(active), pluralize(len(active), "finding"), strings.Join(parts, ", "))
	// Most findings first, then by name.
	slices.SortStableFunc(rules, func(x, y string) int {
		if c := cmp.Compare(byRule[y], byRule[x]); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	b.WriteString("| Rule | Findings |\n| --- | ---: |\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| `%s` | %d |\n", mdCode(r), byRule[r])
	}
	b.WriteString("\n| Severity | Location | Message | Rule |\n| --- | --- | --- | --- |\n")
	for i, f := range active {
		if i == MaxMarkdownRows {
			fmt.Fprintf(&b, "\n… and %d more (see the full report).\n", len(active)-i)
			break
		}
		loc := fmt.Sprintf("%s:%d:%d", githubPath(root, f.Pos.Filename), f.Pos.Line, f.Pos.Column)
		rule := "`" + mdCode(f.Rule) + "`"
		if f.URL != "" {
			rule = fmt.Sprintf("[%s](%s)", rule, mdURL(f.URL))
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", f.Severity, mdCode(loc), mdCell(f.Message), rule)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pluralize(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// mdCell escapes text for a table cell: one line, no cell separator, no
// HTML, no Markdown emphasis or links.
var mdCell = func(s string) string {
	return mdCellReplacer.Replace(Text(oneLine(s)))
}

var mdCellReplacer = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "&", "&amp;",
	"*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "`", "\\`", "#", `\#`, "~", `\~`,
)

// mdCode is text for inside a code span within a table cell: no backtick
// (it would end the span) and no cell separator.
func mdCode(s string) string {
	return strings.NewReplacer("`", "'", "|", `\|`).Replace(Text(oneLine(s)))
}

// mdURL keeps a link target from ending the link.
func mdURL(s string) string {
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "|", "%7C", "<", "%3C", ">", "%3E").Replace(s)
}
