package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// DefaultMaxFileSize is the CLI's default for Options.MaxFileSize (5 MB).
const DefaultMaxFileSize int64 = 5 << 20

// binarySniffLen is how many leading bytes are checked for a NUL byte (the
// same heuristic as git and grep).
const binarySniffLen = 8000

// HardMaxFileSize is the most keychainlint reads of one file, whatever
// --max-file-size says (also with 0, "no limit"): tree-sitter's memory grows
// far faster than the input (a 200 MB file took it past 16 GB), and no
// real source file comes near this size.
const HardMaxFileSize int64 = 64 << 20

// Options configures Collect and Read.
type Options struct {
	// MaxFileSize is the size limit in bytes; larger files are skipped.
	// Zero or negative means no limit below HardMaxFileSize.
	MaxFileSize int64
}

// limit is the size limit in force: MaxFileSize, capped at HardMaxFileSize.
func (o Options) limit() int64 {
	if o.MaxFileSize <= 0 || o.MaxFileSize > HardMaxFileSize {
		return HardMaxFileSize
	}
	return o.MaxFileSize
}

// File is a source file to scan.
type File struct {
	// Path is the path as it should be printed: relative to the current
	// working directory when the file is below it, otherwise the path as
	// found from the root the user gave (an absolute root outside the
	// working directory stays absolute).
	Path string
	// Abs is the cleaned absolute path (symbolic links are not resolved).
	Abs  string
	Lang model.Lang

	// id is the file the walk saw at Abs, which Read requires to find
	// there; zero for a File the walk did not make.
	id fileID
}

// fileID is a file's identity as the walk saw it (lstat, or stat for a
// link it followed).
type fileID struct {
	dev, ino uint64
	known    bool // dev and ino are set (unix)
	// link is set when Abs is a symbolic link the walk followed (to a
	// file inside the tree): Read follows it too, and the identity tells
	// whether it still leads to that file.
	link bool
}

// Skipped is a file or directory that was not scanned although the user
// might expect it to be, with a short reason for a note on stderr.
type Skipped struct {
	Path   string
	Reason string
}

// Skip reasons.
const (
	ReasonBinary      = "binary file"
	ReasonPermission  = "permission denied"
	ReasonUnknownLang = "not a Swift, Objective-C or C file"
	ReasonLoop        = "symbolic link loop"
	ReasonDirLink     = "symbolic link to a directory (not followed)"
	ReasonOutsideLink = "symbolic link to a file outside the scanned tree"
	ReasonBrokenLink  = "broken symbolic link"
	ReasonNotRegular  = "not a regular file"
	ReasonNotExist    = "no such file or directory"
	// ReasonBecameLink and ReasonReplaced are for a file that changed
	// between the walk and the read (Read's ErrBecameLink, ErrReplaced).
	ReasonBecameLink  = "replaced by a symbolic link after the walk found it (not followed)"
	ReasonReplaced    = "replaced by another file after the walk found it (not read)"
	reasonTooLargeFmt = "larger than %s (limit --max-file-size)"
	// reasonTooLargeHardFmt is the reason at the hard ceiling.
	reasonTooLargeHardFmt = "larger than %s, the most keychainlint reads of one file"
	// ReasonIgnoreFileLink is the reason for an ignore file that is a
	// symbolic link (followed by ReasonIgnoreFileSuffix).
	ReasonIgnoreFileLink = "symbolic link (not followed)"
	// ReasonIgnoreFileSuffix ends the reason for a .gitignore (or
	// .git/info/exclude) that exists but cannot be read: "permission
	// denied, its ignore patterns are not applied".
	ReasonIgnoreFileSuffix = ", its ignore patterns are not applied"
)

var (
	// ErrTooLarge is returned (wrapped, with the size and the limit) by Read
	// for a file larger than Options.MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrBinary is returned by Read for a file whose first 8000 bytes
	// contain a NUL byte.
	ErrBinary = errors.New("binary file")
	// ErrBecameLink is returned (in a *fs.PathError) by Read for a file
	// that the walk saw as a regular file and that is now a symbolic link:
	// it is not followed, wherever it points.
	ErrBecameLink = errors.New(ReasonBecameLink)
	// ErrReplaced is returned (in a *fs.PathError) by Read when the file it
	// opened is not the one the walk saw (another device or inode): a
	// directory on the path, or a link the walk followed, was changed to
	// lead elsewhere, or the file was replaced.
	ErrReplaced = errors.New(ReasonReplaced)
)

// tooLargeError is the error Read returns for a file over the limit.
type tooLargeError struct {
	path        string
	size, limit int64
}

func (e *tooLargeError) Error() string {
	if e.limit == HardMaxFileSize {
		return fmt.Sprintf("%s: %v: %s (%d bytes), over %s, the most keychainlint reads of one file",
			e.path, ErrTooLarge, formatSize(e.size), e.size, formatSize(e.limit))
	}
	return fmt.Sprintf("%s: %v: %s (%d bytes), limit %s (%d bytes, --max-file-size)",
		e.path, ErrTooLarge, formatSize(e.size), e.size, formatSize(e.limit), e.limit)
}

func (e *tooLargeError) Unwrap() error { return ErrTooLarge }

// tooLargeReason is the Skipped reason for a file over limit.
func tooLargeReason(limit int64) string {
	if limit == HardMaxFileSize {
		return fmt.Sprintf(reasonTooLargeHardFmt, formatSize(limit))
	}
	return fmt.Sprintf(reasonTooLargeFmt, formatSize(limit))
}

// formatSize formats a byte count for humans: "5.0 MB", "12.5 KB",
// "100 bytes" (1 KB = 1024 bytes).
func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// SkipReason turns an error from Read into a short reason for Skipped, so
// that files skipped at read time are reported like those skipped by
// Collect.
func SkipReason(err error) string {
	var tl *tooLargeError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &tl):
		return tooLargeReason(tl.limit)
	case errors.Is(err, ErrBinary):
		return ReasonBinary
	case errors.Is(err, ErrBecameLink):
		return ReasonBecameLink
	case errors.Is(err, ErrReplaced):
		return ReasonReplaced
	}
	return reasonFor(err)
}

// reasonFor maps a file system error to a short reason.
func reasonFor(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return ReasonPermission
	case errors.Is(err, syscall.ELOOP):
		return ReasonLoop
	case errors.Is(err, fs.ErrNotExist):
		return ReasonNotExist
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Read reads a collected file: it opens it once, checks on the open file
// that it is a regular file within the size limit (the file may have
// changed since Collect), reads exactly its size and checks the bytes
// read. A file over opt.MaxFileSize gives an error wrapping ErrTooLarge; a
// NUL byte in the first 8000 bytes gives ErrBinary; other errors
// (permission denied, ...) are returned as they come from the file
// system.
//
// The tree may change between the walk and the read; Read never follows
// a link the walk did not check. On unix it opens with O_NOFOLLOW (a file
// now a symbolic link gives ErrBecameLink) unless the walk found the file
// through a link it followed, and it requires the open file to be the one
// the walk saw, by device and inode (ErrReplaced otherwise): a directory
// or a followed link changed to lead out of the tree is caught there.
func Read(f File, opt Options) ([]byte, error) { return read(f, opt, false) }

// ReadData is Read for a data file that may be binary (a binary property
// list): the same limits and link rules, no binary check.
func ReadData(f File, opt Options) ([]byte, error) { return read(f, opt, true) }

func read(f File, opt Options, binary bool) ([]byte, error) {
	name := f.Abs
	if name == "" {
		name = f.Path
	}
	flag := os.O_RDONLY
	if !f.id.link {
		flag |= noFollow
	}
	fh, err := openFile(name, flag, 0)
	if err != nil {
		if flag&noFollow != 0 && isSymlink(name) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: ErrBecameLink}
		}
		return nil, err
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if f.id.known {
		if id := idOf(fi); id.known && (id.dev != f.id.dev || id.ino != f.id.ino) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: ErrReplaced}
		}
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New(ReasonNotRegular)}
	}
	size := fi.Size()
	limit := opt.limit()
	if size > limit {
		return nil, &tooLargeError{path: f.Path, size: size, limit: limit}
	}
	data, err := readSize(fh, size, limit)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		size = int64(len(data))
		if fi, err := fh.Stat(); err == nil && fi.Size() > size {
			size = fi.Size()
		}
		return nil, &tooLargeError{path: f.Path, size: size, limit: limit}
	}
	if !binary && isBinary(data) {
		return nil, ErrBinary
	}
	return data, nil
}

// openFile opens a file for reading; a variable so that a test can count
// the opens.
var openFile = os.OpenFile

// readSize reads r, a file of size bytes (at most limit), into a buffer of
// exactly that size: a parsed file's source lives as long as its model,
// so no slack is allocated. A file that shrank gives
// what it holds; one that grew is read on, up to limit+1 bytes, so that
// the caller sees it is over the limit.
func readSize(r io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, size)
	n, err := io.ReadFull(r, buf)
	switch err {
	case nil:
	case io.EOF, io.ErrUnexpectedEOF:
		return buf[:n], nil
	default:
		return nil, err
	}
	var probe [1]byte
	m, err := r.Read(probe[:])
	if m == 0 {
		if err != nil && err != io.EOF {
			return nil, err
		}
		return buf, nil
	}
	// It grew while being read (rare): the rest, bounded.
	rest, err := io.ReadAll(io.LimitReader(r, limit-size))
	if err != nil {
		return nil, err
	}
	return append(append(buf, probe[0]), rest...), nil
}

// isBinary reports whether the head of data contains a NUL byte.
func isBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), binarySniffLen)], 0) >= 0
}
