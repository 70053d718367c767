package swiftparse

// When tree-sitter gives up on a whole file at its time limit (a few bytes
// of broken code can make its error recovery run for minutes), the file is
// parsed again one top-level declaration at a time (reparse.go), so that
// the broken declaration costs itself, not the file. This file finds where
// the top-level declarations start, from the source text alone: the parse
// that would say it is what failed.
//
// A declaration starts at a line that begins in column 0 with a word, an
// attribute or (C) a preprocessor directive, outside comments and
// multi-line strings, at bracket depth 0, after a line that ends the
// previous declaration. Real code indents what is nested, so the column
// alone is almost always right; the bracket depth guards unindented
// members, and the other conditions keep a declaration's attribute or
// return-type line with it. Broken code that leaves a bracket open (or
// closes one too many) makes the depth meaningless after it: a chunk that
// does not balance is split again at its column-0 starts whatever their
// depth.

// chunk is a byte range [start, end) of the source parsed on its own.
type chunk struct{ start, end int }

// maxChunks bounds the chunks a file is parsed in (each parse has its own
// time budget, and the copies of the source it reads): consecutive
// declarations are grouped beyond it.
const maxChunks = 512

// srcLine is what the chunker knows about one line of the source.
type srcLine struct {
	start int
	depth int  // bracket depth at the line start, never below 0
	neg   bool // a closing bracket on the line had no opening one
	quiet bool // the line starts inside a block comment or multi-line string
	// block: (Objective-C) inside @implementation, @interface or @protocol
	// … @end; cond: preprocessor conditional nesting at the line start.
	block bool
	cond  int
	first byte // byte in column 0
	lead  byte // first byte that is not a space or tab
	last  byte // last significant byte outside comments ('"' for a string), 0 if none
	pp    bool // a preprocessor line (C), continuation lines included
}

// scanLines lexes src just enough to fill one srcLine per line: comments,
// string literals and brackets (Swift nests block comments and has
// multi-line and raw strings; C has character literals and preprocessor
// lines).
func scanLines(src []byte, swift bool) (out []srcLine, endDepth int) {
	depth, cond := 0, 0
	comment := 0         // block comment nesting
	inMulti := false     // inside a Swift """ string
	multiHashes := 0     // # count of the raw multi-line string
	block := false       // Objective-C @implementation … @end
	ppContinued := false // the previous line ended a preprocessor line with '\'
	for i := 0; i < len(src); {
		ln := srcLine{start: i, depth: depth, quiet: comment > 0 || inMulti, block: block, cond: cond, first: src[i]}
		end := i
		for end < len(src) && src[end] != '\n' {
			end++
		}
		j := i
		for j < end && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j < end {
			ln.lead = src[j]
		}
		if !swift && !ln.quiet && (ppContinued || ln.lead == '#') {
			// A preprocessor line takes no part in the brackets.
			ln.pp = true
			if !ppContinued {
				cond = max(0, cond+condDelta(src[j:end]))
			}
			ppContinued = end > i && src[end-1] == '\\' || end > i+1 && src[end-1] == '\r' && src[end-2] == '\\'
			ln.last = '#'
			out = append(out, ln)
			i = end + 1
			continue
		}
		ppContinued = false
		if !swift && !ln.quiet && ln.first == '@' {
			switch w := word(src[i+1 : end]); w {
			case "implementation", "interface", "protocol":
				// `@protocol P;` is a forward declaration.
				if last := lastNonSpace(src[i:end]); w != "protocol" || last != ';' {
					block = true
				}
			case "end":
				block = false
			}
		}
		for k := i; k < end; {
			c := src[k]
			switch {
			case comment > 0:
				if c == '*' && k+1 < end && src[k+1] == '/' {
					comment--
					k += 2
					continue
				}
				if swift && c == '/' && k+1 < end && src[k+1] == '*' {
					comment++
					k += 2
					continue
				}
				k++
				continue
			case inMulti:
				if c == '\\' {
					k += 2
					continue
				}
				if hasAt(src[k:end], `"""`) && hashesAt(src[k+3:end]) >= multiHashes {
					inMulti = false
					k += 3 + multiHashes
					ln.last = '"'
					continue
				}
				k++
				continue
			}
			switch {
			case c == '/' && k+1 < end && src[k+1] == '/':
				k = end
			case c == '/' && k+1 < end && src[k+1] == '*':
				comment = 1
				k += 2
			case swift && (c == '"' || c == '#' && hashesAt(src[k:end]) > 0 && k+hashesAt(src[k:end]) < end && src[k+hashesAt(src[k:end])] == '"'):
				h := 0
				if c == '#' {
					h = hashesAt(src[k:end])
				}
				if hasAt(src[k+h:end], `"""`) {
					inMulti, multiHashes = true, h
					k += h + 3
					continue
				}
				k = skipString(src, k+h+1, end, '"', h)
				ln.last = '"'
			case !swift && (c == '"' || c == '\''):
				k = skipString(src, k+1, end, c, 0)
				ln.last = c
			default:
				switch c {
				case '(', '[', '{':
					depth++
				case ')', ']', '}':
					if depth == 0 {
						ln.neg = true
					} else {
						depth--
					}
				}
				if c != ' ' && c != '\t' && c != '\r' {
					ln.last = c
				}
				k++
			}
		}
		out = append(out, ln)
		i = end + 1
	}
	return out, depth
}

// skipString returns the offset after the string literal whose body
// starts at k (its quote is q, its raw-string # count h), or end when it
// does not close on its line.
func skipString(src []byte, k, end int, q byte, h int) int {
	for k < end {
		switch {
		case src[k] == '\\' && h == 0:
			k += 2
		case src[k] == q && hashesAt(src[k+1:end]) >= h:
			return k + 1 + h
		default:
			k++
		}
	}
	return end
}

func hasAt(b []byte, s string) bool { return len(b) >= len(s) && string(b[:len(s)]) == s }

// hashesAt counts the '#' bytes b starts with.
func hashesAt(b []byte) int {
	n := 0
	for n < len(b) && b[n] == '#' {
		n++
	}
	return n
}

// word returns the identifier b starts with.
func word(b []byte) string {
	n := 0
	for n < len(b) && isWordByte(b[n]) {
		n++
	}
	return string(b[:n])
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func lastNonSpace(b []byte) byte {
	for k := len(b) - 1; k >= 0; k-- {
		if c := b[k]; c != ' ' && c != '\t' && c != '\r' {
			return c
		}
	}
	return 0
}

// condDelta is how a preprocessor line (from its '#') changes the
// conditional nesting.
func condDelta(line []byte) int {
	k := 1
	for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	switch word(line[k:]) {
	case "if", "ifdef", "ifndef":
		return 1
	case "endif":
		return -1
	}
	return 0
}

// starts reports the lines of lines[lo:hi] where a top-level declaration
// starts (see the top of this file); anyDepth ignores the bracket depth.
// The first line is never one: a chunk starts there anyway.
func starts(lines []srcLine, lo, hi int, swift, anyDepth bool) []int {
	var out []int
	prev := -1 // the last line before the current one with significant bytes
	for k := lo; k < hi; k++ {
		ln := lines[k]
		if k > lo && prev >= 0 && isStart(ln, lines[prev], swift, anyDepth) {
			out = append(out, k)
		}
		if ln.last != 0 {
			prev = k
		}
	}
	return out
}

func isStart(ln, prev srcLine, swift, anyDepth bool) bool {
	if ln.quiet || (!anyDepth && ln.depth != 0) || !isWordByte(ln.first) && ln.first != '@' && (swift || ln.first != '#') {
		return false
	}
	if ln.first >= '0' && ln.first <= '9' {
		return false
	}
	if swift {
		// An attribute line belongs to the declaration below it, and a
		// line ending in an operator or a comma continues below.
		if prev.lead == '@' && prev.last != '}' && prev.last != ';' {
			return false
		}
		switch prev.last {
		case '=', ',', '.', '+', '-', '*', '/', '&', '|', '^', '?', ':', '(', '[':
			return false
		}
		return true
	}
	if ln.block || ln.cond != 0 || ln.pp && ln.first != '#' {
		return false
	}
	// A C declaration ends with '}' or ';' (a return type on a line of its
	// own does not); a preprocessor line or @end stands alone.
	return prev.last == '}' || prev.last == ';' || prev.pp || prev.first == '@'
}

// topLevelChunks splits src into chunks that each start at a top-level
// declaration (the first one also holds what precedes it), at most
// maxChunks of them. It returns one chunk for the whole file when it
// finds no declaration start.
func topLevelChunks(src []byte, swift bool) []chunk {
	lines, endDepth := scanLines(src, swift)
	if len(lines) == 0 {
		return []chunk{{0, len(src)}}
	}
	var out []chunk
	bounds := append([]int{0}, starts(lines, 0, len(lines), swift, false)...)
	bounds = append(bounds, len(lines))
	for b := 0; b+1 < len(bounds); b++ {
		lo, hi := bounds[b], bounds[b+1]
		if !balanced(lines, lo, hi, endDepth) {
			sub := append([]int{lo}, starts(lines, lo, hi, swift, true)...)
			for s := range sub {
				out = append(out, lineChunk(lines, sub[s], boundAfter(sub, s, hi), len(src)))
			}
			continue
		}
		out = append(out, lineChunk(lines, lo, hi, len(src)))
	}
	return group(out, maxChunks)
}

// splitAnyDepth splits one chunk at its column-0 declaration starts
// whatever their bracket depth: the recovery for a chunk whose parse gave
// up though its brackets balance.
func splitAnyDepth(src []byte, c chunk, swift bool) []chunk {
	lines, _ := scanLines(src[:c.end], swift)
	lo := 0
	for lo < len(lines) && lines[lo].start < c.start {
		lo++
	}
	sub := append([]int{lo}, starts(lines, lo, len(lines), swift, true)...)
	var out []chunk
	for s := range sub {
		out = append(out, lineChunk(lines, sub[s], boundAfter(sub, s, len(lines)), c.end))
	}
	return group(out, maxChunks)
}

func boundAfter(bounds []int, s, hi int) int {
	if s+1 < len(bounds) {
		return bounds[s+1]
	}
	return hi
}

// lineChunk is the chunk of lines [lo, hi).
func lineChunk(lines []srcLine, lo, hi, end int) chunk {
	c := chunk{start: lines[lo].start, end: end}
	if hi < len(lines) {
		c.end = lines[hi].start
	}
	return c
}

// balanced reports that the brackets of lines [lo, hi) close what they
// open (endDepth is the depth at the end of the file).
func balanced(lines []srcLine, lo, hi, endDepth int) bool {
	for k := lo; k < hi; k++ {
		if lines[k].neg {
			return false
		}
	}
	if hi < len(lines) {
		return lines[hi].depth == 0
	}
	return endDepth == 0
}

// group merges consecutive chunks so that there are at most n.
func group(cs []chunk, n int) []chunk {
	if len(cs) <= n {
		return cs
	}
	per := (len(cs) + n - 1) / n
	var out []chunk
	for k := 0; k < len(cs); k += per {
		out = append(out, chunk{cs[k].start, cs[min(k+per, len(cs))-1].end})
	}
	return out
}
