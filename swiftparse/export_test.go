package swiftparse

import "time"

// SetParseTimeLimit replaces the parse time limit for a test and returns
// a function that restores it.
func SetParseTimeLimit(f func(n int) time.Duration) (restore func()) {
	old := parseTimeLimit
	parseTimeLimit = f
	return func() { parseTimeLimit = old }
}

// ChunkParses returns how many chunks of timed-out files were parsed.
func ChunkParses() int64 { return chunkParses.Load() }

// MaxModelDepth is the deepest a lowered model nests (see maxDepth).
const MaxModelDepth = 2*maxDepth + 10

// ForceChunkedParse makes every whole-file parse give up at once and
// every chunk parse succeed, so that the per-declaration recovery lowers
// each file; it returns a function that restores the limits.
func ForceChunkedParse() (restore func()) {
	oldFile, oldChunk, oldBudget := parseTimeLimit, chunkTimeLimit, recoveryBudget
	parseTimeLimit = func(int) time.Duration { return time.Microsecond }
	chunkTimeLimit = func(int) time.Duration { return time.Minute }
	recoveryBudget = func(int) time.Duration { return time.Hour }
	return func() { parseTimeLimit, chunkTimeLimit, recoveryBudget = oldFile, oldChunk, oldBudget }
}
