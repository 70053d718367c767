//go:build linux || darwin

package driver

import (
	"os"
	"syscall"
)

// lstatFile is what the stat index compares of the file at abs; ok is
// false when it cannot be had, and the file is then read as without an
// index. A variable so that a test can make two contents look alike.
var lstatFile = func(abs string) (fileStat, bool) {
	fi, err := os.Lstat(abs)
	if err != nil || !fi.Mode().IsRegular() {
		// Not a regular file: for a symbolic link the walk followed,
		// the link's own stat says nothing of its target's content.
		return fileStat{}, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStat{}, false
	}
	return fileStat{
		size:  st.Size,
		mtime: fi.ModTime().UnixNano(),
		ctime: ctimeOf(st),
		ino:   uint64(st.Ino),
		dev:   uint64(st.Dev),
		mode:  uint32(st.Mode),
	}, true
}
