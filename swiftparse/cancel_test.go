package swiftparse

import (
	"context"
	"testing"
	"time"
)

// A context cancelled while a file is parsed (a language server's newer
// edit) must not leave the parser cancelled for the next file: the next
// parse with a live context gets the whole model, every time.
func TestCancelledParseDoesNotCancelTheNext(t *testing.T) {
	src := []byte("import Security\nfunc load() -> OSStatus {\n    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]\n    return SecItemCopyMatching(q as CFDictionary, nil)\n}\n")
	p := NewParser()
	defer p.Close()
	want, err := p.Parse(context.Background(), "A.swift", src)
	if err != nil || len(want.Funcs) == 0 {
		t.Fatalf("parse: %v, %d functions", err, len(want.Funcs))
	}
	for i := 0; i < 300; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			time.Sleep(time.Duration(i%20) * time.Microsecond)
			cancel()
		}()
		p.Parse(ctx, "A.swift", src) // cancelled or not: either is fine
		cancel()
		time.Sleep(50 * time.Microsecond) // a late cancellation has landed
		got, err := p.Parse(context.Background(), "A.swift", src)
		if err != nil || len(got.Funcs) != len(want.Funcs) {
			t.Fatalf("round %d: the parse after a cancelled one: %v, %d functions, want %d", i, err, len(got.Funcs), len(want.Funcs))
		}
	}
}
