package gitdiff

import (
	"context"
	"strconv"
	"strings"
)

// Revision reads files as they are in a commit, for the rules that
// compare project files with the --diff revision (accessgroupchange).
// It runs `git ls-tree` and `git cat-file blob`, which print what the
// object database holds: no filter, textconv or diff driver applies to
// them, and the safety options of every git call here are given too.
type Revision struct {
	ctx context.Context
	top string
	rev string
}

// At returns a reader of the files of rev in the work tree whose root is
// c.Top (the revision Changed verified).
func (c *Changes) At(ctx context.Context, rev string) *Revision {
	return &Revision{ctx: ctx, top: c.Top, rev: rev}
}

// Read returns the content at the revision of the file at path (absolute,
// or relative to the working directory), false when the revision has no
// regular file there (absent, a symbolic link, a submodule), when it is
// outside the work tree, larger than limit bytes (limit > 0), or git
// fails.
func (r *Revision) Read(path string, limit int64) ([]byte, bool) {
	rel, ok := (&Changes{Top: r.top}).rel(path)
	if !ok || rel == "." {
		return nil, false
	}
	// ls-tree -l prints "<mode> <type> <object> <size>\t<path>" for the
	// one entry the literal path names.
	out, err := git(r.ctx, r.top, "ls-tree", "-l", "-z", "--full-tree", "--end-of-options", r.rev, "--", rel)
	if err != nil {
		return nil, false
	}
	meta, name, ok := strings.Cut(strings.TrimSuffix(string(out), "\x00"), "\t")
	fields := strings.Fields(meta)
	if !ok || name != rel || len(fields) != 4 || fields[1] != "blob" || (fields[0] != "100644" && fields[0] != "100755") {
		return nil, false
	}
	size, err := strconv.ParseInt(fields[3], 10, 64)
	if err != nil || (limit > 0 && size > limit) {
		return nil, false
	}
	blob, err := git(r.ctx, r.top, "cat-file", "blob", fields[2])
	if err != nil || int64(len(blob)) != size {
		return nil, false
	}
	return blob, true
}
