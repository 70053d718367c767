package report

import (
	"bytes"
	"go/token"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Scan is what the JSON and SARIF writers describe: one run of
// keychainlint.
type Scan struct {
	// ToolVersion is keychainlint's version (semantic versioning).
	ToolVersion string
	// Rules are every rule, pseudo-rules included, in the order of
	// `keychainlint rules`.
	Rules []Rule
	// Findings are the reported findings and, with --show-suppressed, the
	// suppressed ones (Suppression set), sorted.
	Findings []Finding
	Sources  *Sources
	Root     Root
	// ExitCode is the exit status the command returns.
	ExitCode int
	// Failed reports an internal error: the findings may be incomplete.
	Failed bool
	// Notifications are what the tool says besides findings: skipped
	// files, internal errors.
	Notifications []Notification
	// Partial are the files with keychain code that were parsed only in
	// part (syntax errors, depth or time limit).
	Partial []PartialParse
	Stats   Stats
}

// Notification is a message about the run, not about the code.
type Notification struct {
	Level   driver.Severity
	Path    string // the file it concerns, "" for none
	Message string
	// Spans are regions of Path it concerns (the lost regions of a
	// partial parse), none for the whole file.
	Spans []model.Span
}

// Stats are the counts of the run.
type Stats struct {
	FilesSeen     int
	FilesKeychain int
	// Suppressed counts findings silenced in source, Baselined those in
	// the --baseline file, OutsideDiff those not on lines changed since
	// the --diff revision. None of them is reported.
	Suppressed  int
	Baselined   int
	OutsideDiff int
}

// bytePoint is the 1-based line and 1-based byte column of offset.
func bytePoint(src []byte, offset int) (line, col int) {
	offset = max(0, min(offset, len(src)))
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return bytes.Count(src[:start], []byte{'\n'}) + 1, offset - start + 1
}

// PositionAt builds the token.Position of a byte offset in a file, as the
// driver reports positions (1-based line, 1-based byte column).
func PositionAt(path string, src []byte, offset int) token.Position {
	line, col := bytePoint(src, offset)
	return token.Position{Filename: path, Offset: max(0, min(offset, len(src))), Line: line, Column: col}
}
