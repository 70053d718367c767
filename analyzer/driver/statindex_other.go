//go:build !linux && !darwin

package driver

// lstatFile: without a change time and an inode (Windows, and the unix
// systems not tested), there is no stat index and every file is read.
var lstatFile = func(abs string) (fileStat, bool) { return fileStat{}, false }
