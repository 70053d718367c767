//go:build !unix

package corpusgen

import "time"

// ProcessCPUTime is not available on this system.
func ProcessCPUTime() (d time.Duration, ok bool) { return 0, false }
