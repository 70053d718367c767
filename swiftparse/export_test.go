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
