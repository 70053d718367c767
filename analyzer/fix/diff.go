package fix

import (
	"bytes"
	"fmt"
)

// context is the number of unchanged lines around a hunk, as diff -u.
const context = 3

// Diff writes a unified diff (diff -u, git apply and patch read it) of
// the source after edits, which must not overlap. The hunks come from the
// edits themselves, not from comparing the texts, so the work is linear
// in the file's size. oldName and newName head the diff (a/x, b/x).
func Diff(oldName, newName string, src []byte, edits []Edit) ([]byte, error) {
	out, err := ApplyEdits(src, edits)
	if err != nil {
		return nil, err
	}
	if bytes.Equal(out, src) {
		return nil, nil
	}
	oldLines, newLines := splitLines(src), splitLines(out)
	// Each edit changes the old lines [a, b] (0-based, inclusive); the
	// line count difference tells where the new ones are.
	type change struct{ oldA, oldB, newA, newB int }
	var changes []change
	delta := 0
	for _, e := range sortEdits(edits) {
		a := lineOf(src, e.Start)
		b := lineOf(src, e.End)
		if e.End > e.Start && e.End > 0 && src[e.End-1] == '\n' && e.End < len(src) {
			b = lineOf(src, e.End-1)
		}
		// An insertion after the last newline belongs to the last line.
		a, b = min(a, len(oldLines)-1), min(b, len(oldLines)-1)
		removed := b - a + 1
		added := removed + bytes.Count([]byte(e.New), []byte("\n")) - bytes.Count(src[e.Start:e.End], []byte("\n"))
		c := change{oldA: a, oldB: b, newA: a + delta, newB: a + delta + added - 1}
		if n := len(changes); n > 0 && changes[n-1].oldB >= a {
			// Two edits on one line: one change.
			p := &changes[n-1]
			p.oldB = max(p.oldB, b)
			p.newB = c.newB
		} else {
			changes = append(changes, c)
		}
		delta += added - removed
	}
	var w bytes.Buffer
	fmt.Fprintf(&w, "--- %s\n+++ %s\n", oldName, newName)
	for i := 0; i < len(changes); {
		j := i
		for j+1 < len(changes) && changes[j+1].oldA-changes[j].oldB-1 <= 2*context {
			j++
		}
		first, last := changes[i], changes[j]
		oa := max(0, first.oldA-context)
		ob := min(len(oldLines)-1, last.oldB+context)
		na := first.newA - (first.oldA - oa)
		nb := last.newB + (ob - last.oldB)
		fmt.Fprintf(&w, "@@ -%s +%s @@\n", hunkRange(oa, ob), hunkRange(na, nb))
		at := oa
		for k := i; k <= j; k++ {
			c := changes[k]
			for ; at < c.oldA; at++ {
				writeLine(&w, ' ', oldLines[at])
			}
			for l := c.oldA; l <= c.oldB; l++ {
				writeLine(&w, '-', oldLines[l])
			}
			for l := c.newA; l <= c.newB; l++ {
				writeLine(&w, '+', newLines[l])
			}
			at = c.oldB + 1
		}
		for ; at <= ob; at++ {
			writeLine(&w, ' ', oldLines[at])
		}
		i = j + 1
	}
	return w.Bytes(), nil
}

// hunkRange is a hunk header's start,count for the 0-based lines [a, b].
func hunkRange(a, b int) string {
	n := b - a + 1
	if n == 0 {
		return fmt.Sprintf("%d,0", a)
	}
	return fmt.Sprintf("%d,%d", a+1, n)
}

func writeLine(w *bytes.Buffer, mark byte, line []byte) {
	w.WriteByte(mark)
	w.Write(line)
	if len(line) == 0 || line[len(line)-1] != '\n' {
		w.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits after each newline; the last line may lack one.
func splitLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, b)
			break
		}
		lines = append(lines, b[:i+1])
		b = b[i+1:]
	}
	return lines
}

// lineOf is the 0-based line of a byte offset.
func lineOf(src []byte, off int) int {
	return bytes.Count(src[:off], []byte("\n"))
}
