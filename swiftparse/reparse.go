package swiftparse

import (
	"context"
	"errors"
	"sort"
	"sync/atomic"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// chunkTimeLimit bounds the parse of one chunk of n bytes of a file whose
// whole parse gave up: a fifth of a file's limit (well-formed code still
// parses a thousand times faster).
var chunkTimeLimit = func(n int) time.Duration { return parseTimeLimit(n) / 5 }

// recoveryBudget bounds the time all the chunks of a file of n bytes may
// take together: the file's own limit again.
var recoveryBudget = func(n int) time.Duration { return parseTimeLimit(n) }

// maxParses bounds the tree-sitter parses of one file's recovery, chunks
// split again included.
const maxParses = 2 * maxChunks

// chunkParses counts the parses of chunks, for the tests of the bound.
var chunkParses atomic.Int64

// wholeDocument is tree-sitter's default included range: all of the input.
var wholeDocument = []sitter.Range{{EndByte: ^uint32(0), EndPoint: sitter.Point{Row: ^uint32(0), Column: ^uint32(0)}}}

// reparse lowers a file whose whole parse gave up at the time limit by
// parsing it again one top-level declaration at a time (chunks.go), each
// chunk in its own tree-sitter parse restricted to the chunk's bytes
// (an included range, so every node keeps its offset in the file), with
// its own time budget. A chunk that gives up again is split at its
// column-0 declaration starts whatever their depth, and what still gives
// up is recorded in File.TimedOutRegions. The whole recovery spends at
// most the file's time limit again, in at most maxParses parses; when the
// file holds a single declaration it is lost whole without a retry.
func (l *lowerer) reparse(ctx context.Context, parser *sitter.Parser, src []byte) error {
	f := l.file
	swift := f.Lang == model.Swift
	chunks := topLevelChunks(src, swift)
	if len(chunks) < 2 {
		l.lostToTime(chunk{0, len(src)})
		return nil
	}
	defer parser.SetIncludedRanges(wholeDocument)
	newlines := newlineOffsets(src)
	budget := recoveryBudget(len(src))
	var top *swiftTop
	if swift {
		top = l.swiftBegin(model.Span{Start: chunks[0].start, End: chunks[0].start})
	}
	for parses := 0; len(chunks) > 0; parses++ {
		c := chunks[0]
		chunks = chunks[1:]
		limit := min(chunkTimeLimit(c.end-c.start), budget)
		if limit <= 0 || parses >= maxParses {
			l.lostToTime(c)
			continue
		}
		row, col := pointAt(newlines, c.start)
		parser.SetIncludedRanges([]sitter.Range{{
			StartByte: uint32(c.start), EndByte: uint32(c.end),
			StartPoint: sitter.Point{Row: uint32(row), Column: uint32(col)},
			EndPoint:   sitter.Point{Row: ^uint32(0), Column: ^uint32(0)},
		}})
		parser.SetOperationLimit(int(limit.Microseconds()))
		chunkParses.Add(1)
		began := time.Now()
		// ParseInput reads the chunk's bytes only (ParseCtx would copy
		// the whole file for every chunk).
		tree, err := parser.ParseInputCtx(uncancellable(ctx), nil, sitter.Input{Encoding: sitter.InputEncodingUTF8, Read: func(off uint32, _ sitter.Point) []byte {
			if int(off) >= c.end {
				return nil
			}
			return src[off:min(c.end, int(off)+64<<10)]
		}})
		budget -= time.Since(began)
		if err != nil || tree == nil {
			parser.Reset()
		}
		if ctx.Err() != nil {
			if tree != nil {
				tree.Close()
			}
			return ctx.Err()
		}
		if errors.Is(err, sitter.ErrOperationLimit) {
			if sub := splitAnyDepth(src, c, swift); len(sub) > 1 {
				chunks = append(sub, chunks...)
			} else {
				l.lostToTime(c)
			}
			continue
		}
		if err != nil {
			return err
		}
		if tree == nil {
			return errors.New("no syntax tree")
		}
		// A fresh flat copy per chunk (nil scratch): the chunk's tree is
		// lowered and closed before the next is parsed.
		root := flatten(tree, treeLang(f.Lang), nil).root()
		if swift {
			l.swiftDecls(top, root, c.start, c.end)
			(&availRecorder{f: f}).swiftAttributesIn(root, c.start, c.end, row)
		} else {
			l.objcFile(root)
		}
		tree.Close()
	}
	if swift {
		l.swiftEnd(top)
	}
	return nil
}

// lostToTime records chunk c, less its trailing white space, as lost to
// the time limit.
func (l *lowerer) lostToTime(c chunk) {
	end := c.end
	for end > c.start && isSpace(l.file.Src[end-1]) {
		end--
	}
	l.file.TimedOut = true
	l.file.TimedOutRegions = append(l.file.TimedOutRegions, model.Span{Start: c.start, End: end})
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// newlineOffsets returns the offsets of the newlines of src.
func newlineOffsets(src []byte) []int {
	var out []int
	for i, b := range src {
		if b == '\n' {
			out = append(out, i)
		}
	}
	return out
}

// pointAt is the 0-based row and byte column of offset off.
func pointAt(newlines []int, off int) (row, col int) {
	row = sort.SearchInts(newlines, off)
	if row == 0 {
		return 0, off
	}
	return row, off - newlines[row-1] - 1
}
