package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// writeVersion prints the version and what the Go toolchain recorded in
// the binary: the module version (v1.2.3 after `go install …@v1.2.3`,
// "(devel)" for a build from a checkout) and the VCS revision the
// checkout was at, with "(modified)" when it had uncommitted changes.
func writeVersion(w io.Writer) {
	info, ok := debug.ReadBuildInfo()
	io.WriteString(w, versionText(info, ok))
}

func versionText(info *debug.BuildInfo, ok bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "keychainlint %s\n", version)
	if !ok || info == nil {
		return b.String()
	}
	if info.Main.Path != "" {
		v := info.Main.Version
		if v == "" {
			v = "(devel)"
		}
		fmt.Fprintf(&b, "module %s %s\n", info.Main.Path, v)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		line := "revision " + rev
		if t := settings["vcs.time"]; t != "" {
			line += " " + t
		}
		if settings["vcs.modified"] == "true" {
			line += " (modified)"
		}
		b.WriteString(line + "\n")
	}
	if info.GoVersion != "" {
		fmt.Fprintf(&b, "built with %s\n", info.GoVersion)
	}
	return b.String()
}
