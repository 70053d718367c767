// Command keychainlint finds mistakes in Apple keychain (SecItem) code in
// Swift, Objective-C and C.
//
// Usage:
//
//	keychainlint [flags] [path ...]   scan files and directories (default .)
//	keychainlint --fix [path ...]     apply the safe suggested fixes, then report what remains
//	keychainlint help                 print this usage
//	keychainlint rules [--format json] list the rules
//	keychainlint explain RULE...      print rules' documentation
//	keychainlint version              print the version
//	keychainlint dump --project DIR   print the project facts of each keychain file
//	keychainlint config [PATH]        print the effective configuration of PATH
//	keychainlint lsp                  run the language server on stdio
//	keychainlint inventory [path ...] list the keychain items the code creates
//
// Findings are printed as text (path:line:column: severity: message [rule]),
// as JSON (--format json), as GitHub Actions annotations (--format github)
// or as SARIF 2.1.0 (--format sarif, or
// --sarif-output FILE next to the text). keychainlint:ignore comments
// silence findings in source, --baseline FILE leaves out recorded findings
// and --diff REV those outside the lines changed since a git revision.
//
// Exit status: 0 when nothing at or above the failing severity was found
// (or --exit-zero, or --write-baseline), 1 when something was, 2 on a
// usage or internal error.
package main

import (
	"io"
	"os"
)

// version is the release version; set with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return cmdRules(args[1:], stdout, stderr)
		case "explain":
			return cmdExplain(args[1:], stdout, stderr)
		case "help":
			// The usage, on stdout as asked for; not a path to scan.
			cmdScan([]string{"-h"}, stdout, stdout)
			return 0
		case "version":
			writeVersion(stdout)
			return 0
		case "config":
			return cmdConfig(args[1:], stdout, stderr)
		case "dump":
			return cmdDump(args[1:], stdout, stderr)
		case "inventory":
			return cmdInventory(args[1:], stdout, stderr)
		case "lsp":
			return cmdLSP(args[1:], os.Stdin, stdout, stderr)
		case "scan":
			args = args[1:]
		}
	}
	return cmdScan(args, stdout, stderr)
}
