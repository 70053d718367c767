package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteGitHub prints findings as GitHub Actions workflow commands, which
// the runner turns into annotations on the pull request:
//
//	::error file=path,line=L,col=C,endLine=EL,endColumn=EC,title=rule::message
//
// with warning for warnings and notice for notes (and for suppressed
// findings, written only with --show-suppressed). Paths are relative to
// the root (--srcroot, by default the git work tree: the paths GitHub
// knows the files by); columns count bytes and endColumn is the column
// just after the span, as in the JSON output. Related locations follow
// the message on lines of their own, inside the annotation.
//
// Every line is exactly one command: the values are escaped as the
// runner unescapes them (data: "%", CR and LF; properties also ":" and
// ","), so no file name or message can end the command early, add a
// property or start a command of its own (::add-mask::, ::stop-commands::).
// Other control characters, and bytes that are not UTF-8, never reach
// the log raw: in the message they are escaped as in the text output
// (Text, Path); in a property, which the runner reads as it is, they are
// percent-encoded (a file so named is then annotated under its escaped
// name, which GitHub does not find).
func WriteGitHub(w io.Writer, fs []Finding, root Root) error {
	root = root.withMemo()
	for _, f := range fs {
		cmd, msg := "warning", Text(f.Message)
		switch f.Severity.String() {
		case "error":
			cmd = "error"
		case "note":
			cmd = "notice"
		}
		if f.Suppression != nil {
			cmd, msg = "notice", fmt.Sprintf("suppressed (%s): %s", Text(f.Suppression.Justification), msg)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d", cmd, githubProperty(githubPath(root, f.Pos.Filename)), f.Pos.Line, f.Pos.Column)
		if f.End.Line > 0 {
			fmt.Fprintf(&b, ",endLine=%d,endColumn=%d", f.End.Line, f.End.Column)
		}
		fmt.Fprintf(&b, ",title=%s::", githubProperty(f.Rule))
		for _, r := range f.Related {
			msg += fmt.Sprintf("\n%s:%d:%d: %s", Path(githubPath(root, r.Pos.Filename)), r.Pos.Line, r.Pos.Column, Text(r.Message))
		}
		b.WriteString(githubData(msg))
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// githubPath is a path relative to the root when it is below it.
func githubPath(root Root, path string) string {
	if rel, ok := root.Rel(path); ok {
		return rel
	}
	return path
}

// githubData escapes the message of a workflow command as the runner
// unescapes it.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a property value of a workflow command: as data,
// plus ":" and ",", which end a property; any other unprintable rune or
// invalid byte is percent-encoded byte by byte.
func githubProperty(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '%' || r == '\r' || r == '\n' || r == ':' || r == ',',
			r == utf8.RuneError && size == 1,
			needsEscape(string(r)):
			for _, c := range []byte(s[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	// The runner reads the command from the start of the line, so it
	// never looks for an older "##[command]" in it; but a notice the
	// runner does not take is printed as it is.
	return strings.NewReplacer("##[", "##%5B", "##vso[", "##vso%5B").Replace(b.String())
}
