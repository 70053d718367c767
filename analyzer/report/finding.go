package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/keychainlint/keychainlint/analyzer/driver"
)

// Finding is a diagnostic as the outputs see it.
type Finding struct {
	driver.Diagnostic
	// Fingerprint identifies the finding across edits elsewhere in its
	// file; see Fingerprints.
	Fingerprint string
	// Suppression is set when an inline keychainlint:ignore directive
	// silences the finding (such findings are only written with
	// --show-suppressed).
	Suppression *Suppression
}

// Suppression is the in-source directive that silences a finding.
type Suppression struct {
	// Justification is the reason given after "--".
	Justification string
	// Pos and End locate the directive's comment.
	Pos, End token.Position
	// FileLevel marks a keychainlint:file-ignore directive.
	FileLevel bool
}

// Sort orders findings like the driver does: by file, offset, rule and
// message.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Filename, b.Pos.Filename),
			cmp.Compare(a.Pos.Offset, b.Pos.Offset),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Root is the directory SARIF URIs and fingerprints are relative to
// (%SRCROOT%).
type Root struct {
	// Dir is an absolute, clean directory.
	Dir string
	// memo, when set (withMemo), remembers Rel's answers: filepath.Abs
	// asks the system for the working directory on every relative path,
	// which was a third of writing a log of 100,000 findings.
	memo *relMemo
}

type relMemo struct {
	rel map[string]relAnswer
}

type relAnswer struct {
	path  string
	below bool
}

// withMemo returns r with a memo for Rel, for one report written by one
// goroutine (the working directory does not change while it is written).
func (r Root) withMemo() Root {
	r.memo = &relMemo{rel: map[string]relAnswer{}}
	return r
}

// NewRoot makes a Root of dir (made absolute).
func NewRoot(dir string) (Root, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Root{}, err
	}
	return Root{Dir: abs}, nil
}

// Rel returns path (as diagnostics print it: relative to the working
// directory, or absolute) as a slash-separated path relative to the root,
// and false when the file is not below the root.
func (r Root) Rel(path string) (string, bool) {
	if r.memo == nil {
		return r.rel(path)
	}
	if a, ok := r.memo.rel[path]; ok {
		return a.path, a.below
	}
	p, below := r.rel(path)
	r.memo.rel[path] = relAnswer{p, below}
	return p, below
}

func (r Root) rel(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil || r.Dir == "" {
		return filepath.ToSlash(path), false
	}
	rel, err := filepath.Rel(r.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(os.PathSeparator)) {
		return filepath.ToSlash(abs), false
	}
	return filepath.ToSlash(rel), true
}

// FingerprintKey names keychainlint's fingerprint in SARIF
// partialFingerprints; the version changes when the computation does.
const FingerprintKey = "keychainlint/v1"

// Fingerprints sets the Fingerprint of every finding. A fingerprint hashes
// what identifies a finding and stays put when lines are inserted or
// removed elsewhere in the file:
//
//   - the rule,
//   - the file, relative to the root,
//   - the enclosing function (owner and signature),
//   - the source line of the primary location with all white space removed
//     (not the line number),
//   - the text of the primary location on that line (which key of the line
//     is meant).
//
// Findings that hash alike (the same line copied within a function) are
// told apart by their order of occurrence: the hash is followed by ":1",
// ":2" and so on, counted in position order. Call Fingerprints on every
// finding of the scan, suppressed ones included, so that the counts do not
// depend on what is reported.
func Fingerprints(fs []Finding, src *Sources, root Root) {
	root = root.withMemo()
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := fs[i], fs[j]
		return cmp.Or(cmp.Compare(a.Pos.Filename, b.Pos.Filename), cmp.Compare(a.Pos.Offset, b.Pos.Offset))
	})
	seen := map[string]int{}
	for _, i := range order {
		h := fingerprintHash(fs[i].Diagnostic, src, root)
		seen[h]++
		fs[i].Fingerprint = fmt.Sprintf("%s:%d", h, seen[h])
	}
}

func fingerprintHash(d driver.Diagnostic, src *Sources, root Root) string {
	rel, _ := root.Rel(d.Pos.Filename)
	var line, at, fn string
	if f := src.File(d.Pos.Filename); f != nil && d.Pos.Offset >= 0 && d.Pos.Offset <= len(f.Src) {
		start, end := lineBounds(f.Src, d.Pos.Offset)
		line = string(f.Src[start:end])
		stop := min(max(d.End.Offset, d.Pos.Offset), end)
		at = string(f.Src[d.Pos.Offset:stop])
		fn = FuncName(src.enclosing(d.Pos.Filename, d.Pos.Offset))
	} else {
		// Not expected: every finding lies in a parsed file. Fall back
		// on the message, which is as stable as the rule makes it.
		line = d.Message
	}
	h := sha256.New()
	for _, part := range []string{d.Rule, rel, fn, squeeze(line), squeeze(at)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// squeeze removes all white space, so that re-indenting a line or
// reformatting it does not change a fingerprint.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
