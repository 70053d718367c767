// Package source collects and reads the files a keychainlint scan covers.
//
// Collect expands the roots given on the command line into source files
// (.swift, .m, .mm, .h, .c, see model.LangForPath); Read reads one of them
// with the size and binary checks (Walk is Collect that streams the files
// as it finds them); MayHaveKeychainCode is the cheap textual
// filter that decides whether a file is worth parsing, and ScanNames the
// token scan that picks the helper files keychain code needs (the
// prefilter's second round, in analyzer/driver).
//
// # Roots
//
// A root is a file or a directory. A root that does not exist is the only
// error Collect returns ("keychainlint: <path>: no such file or
// directory"); all roots are checked before anything is walked. Everything
// else that prevents a file from being scanned is reported as a Skipped
// entry with a short reason, for a note on stderr.
//
// A file named as a root is always scanned when its extension is known,
// even if it is ignored by .gitignore, hidden or inside a skipped
// directory; with an unknown extension it is reported as skipped. A
// directory named as a root is always walked, even if it is hidden, has a
// skipped name (keychainlint Pods/Foo) or is ignored; the ignore rules
// still apply to what is inside it (a pattern like "build/" names the
// directory, not its contents, so `keychainlint build` scans build/x.swift
// while `keychainlint .` does not). Roots that are symbolic links are
// followed.
//
// # Walking directories
//
// Directories are walked recursively in sorted order. The walk does not
// enter hidden directories (a name starting with "."; this covers .git,
// .build, .swiftpm, .idea, ...) nor directories named Pods, Carthage,
// DerivedData, build or node_modules: these hold version control data,
// dependency checkouts and build products, not the project's code. The
// skipped names win over .gitignore negations. Hidden files are scanned
// (only directories are skipped). Files with an unknown extension are left
// out silently; skipped directories and ignored files are not reported
// either.
//
// # Ignore files
//
// The walk honours git's ignore files without running git (gitignore.go
// describes the pattern syntax implemented): the .gitignore files of the
// repository and .git/info/exclude. The repository root is found by
// walking up from each directory root to the nearest directory containing
// .git (a directory, or a file as in worktrees and submodules, whose
// "gitdir:" line is followed to find info/exclude). The .gitignore files
// from the repository root down to the scan root apply, and so do those
// found on the way down; a pattern is relative to the directory of its
// .gitignore. Outside a repository only the .gitignore files from the root
// directory down are used. A directory inside the walk that contains .git
// is a nested repository (submodule or clone): the enclosing repository's
// rules stop applying there and its own take over, as in git. An ignored
// directory is not entered, so nothing inside it can be re-included (git's
// rule). The user's global excludes (core.excludesFile) are not read, so
// that results do not depend on the machine, and matching is
// case-sensitive (core.ignorecase is not read). An ignore file that exists
// but cannot be read (permission denied, ...) is reported as skipped
// ("permission denied, its ignore patterns are not applied"), as git warns
// about it; one that is not a regular file (a symbolic link, a pipe) is not
// read. Matching takes time bounded by the product of the pattern and path
// lengths, whatever the patterns.
//
// # Symbolic links
//
// Symbolic links to directories are never followed by the walk (no loops,
// no scanning outside the tree); they are reported as skipped unless their
// name would be skipped anyway. A symbolic link to a file is followed when
// the target is inside the directory root being walked (after resolving
// links); a link pointing elsewhere is reported as skipped, so a scan never
// leaves the tree the user named. Broken links and link loops are reported
// as skipped. Like git, ignore patterns match a link as a file.
//
// The tree may change between the walk and Read. Read never follows a link
// the walk did not check: on unix it opens with O_NOFOLLOW, except for a
// link the walk followed, and requires the open file to be the one the
// walk saw (same device and inode). A file that became a symbolic link is
// reported as "replaced by a symbolic link after the walk found it (not
// followed)"; one that is another file now (a directory on its path or a
// followed link changed to lead elsewhere, or the file replaced) as
// "replaced by another file after the walk found it (not read)".
//
// # Duplicates and order
//
// Files are returned sorted by Path. A physical file reached more than once
// (overlapping roots, or a link and its target) is returned once, under its
// own name rather than a link's. File.Path is relative to the working
// directory when the file is below it, and otherwise keeps the form the
// root was given in: an absolute root outside the working directory gives
// absolute paths, never "../../.." noise.
//
// # Checks
//
// Collect skips files larger than Options.MaxFileSize ("larger than 5.0 MB
// (limit --max-file-size)") and special files (pipes, sockets, devices:
// "not a regular file", never opened), from what the directory listing
// says; it opens no source file. Read opens each file once: it checks on
// the open file that it is regular and within the limit (files can change
// after Collect), reads exactly its size and refuses binary content (a
// NUL byte in the first 8000 bytes); SkipReason turns its errors into the
// reasons above, and "binary file" or "permission denied".
//
// Walk is Collect that hands each file to a callback as soon as the walk
// reaches it, so that reading and parsing overlap the walk; it returns the
// same sorted, deduplicated list at the end.
package source
