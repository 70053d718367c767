package swiftparse

import "time"

// SetParseTimeLimit replaces the parse time limit for a test and returns
// a function that restores it.
func SetParseTimeLimit(f func(n int) time.Duration) (restore func()) {
	old := parseTimeLimit
	parseTimeLimit = f
	return func() { parseTimeLimit = old }
}
