//go:build unix

package source

import (
	"io/fs"
	"os"
	"syscall"
)

// noFollow makes open refuse a symbolic link as the last element of the
// path, so that a file replaced by a link after the walk saw it is not
// followed out of the tree.
const noFollow = syscall.O_NOFOLLOW

// idOf is the device and inode of the file fi describes.
func idOf(fi fs.FileInfo) fileID {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino), known: true}
	}
	return fileID{}
}

// isSymlink reports whether name is a symbolic link now.
func isSymlink(name string) bool {
	fi, err := os.Lstat(name)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}
