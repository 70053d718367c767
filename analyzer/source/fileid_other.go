//go:build !unix

package source

import "io/fs"

// Without O_NOFOLLOW and inodes, Read opens the path as it is and cannot
// tell a replaced file.
const noFollow = 0

func idOf(fs.FileInfo) fileID { return fileID{} }

func isSymlink(string) bool { return false }
