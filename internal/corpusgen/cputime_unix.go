//go:build unix

package corpusgen

import (
	"syscall"
	"time"
)

// ProcessCPUTime returns the user and system CPU time the process has used
// so far, for benchmarks that want a figure less sensitive to other load
// on the machine than wall-clock time; ok is false where it is not
// available.
func ProcessCPUTime() (d time.Duration, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
