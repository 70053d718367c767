package main

import (
	"context"
	"flag"
	"io"
	"os"

	"github.com/keychainlint/keychainlint/analyzer/lsp"
)

// cmdLSP runs the language server on stdin and stdout (keychainlint lsp):
// stdout carries only protocol traffic, so the server logs to the client
// (window/logMessage) and, with --log, copies the log to stderr.
func cmdLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keychainlint lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	logToStderr := fs.Bool("log", false, "copy the server's log messages to stderr")
	fs.Bool("stdio", true, "speak LSP on stdin and stdout (the only transport; accepted for clients that pass it)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opt := lsp.Options{}
	if *logToStderr {
		opt.Log = stderr
	}
	lsp.Version = version
	return lsp.Serve(context.Background(), stdio{stdin, stdout}, opt)
}

// stdio is the server's stream: stdin and stdout.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return os.Stdin.Close() }
