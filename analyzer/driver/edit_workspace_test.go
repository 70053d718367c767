package driver_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/all"
)

// TestEditPutRemove: Put changes the program as Change does (the caller's
// finding follows the helper's edit), Remove takes a file out of it, and
// the remaining files are analysed in the program without it.
func TestEditPutRemove(t *testing.T) {
	helper := "import Security\nfunc itemClass() -> CFString {\n    return kSecClass%s\n}\n"
	caller := "import Security\nfunc load() {\n    let q: [String: Any] = [kSecClass as String: itemClass(), kSecAttrServer as String: \"example.com\"]\n    SecItemCopyMatching(q as CFDictionary, nil)\n}\n"
	ctx := context.Background()
	e, err := driver.NewEdit(driver.Config{Analyzers: all.Analyzers()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	count := func() int {
		t.Helper()
		ds, err := e.Findings(ctx, "Caller.swift")
		if err != nil {
			t.Fatal(err)
		}
		return len(ds)
	}
	if err := e.Put(ctx, "Caller.swift", []byte(caller)); err != nil {
		t.Fatal(err)
	}
	if err := e.Put(ctx, "Helper.swift", []byte(fmt.Sprintf(helper, "GenericPassword"))); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Fatalf("caller with a generic-password helper: %d findings, want 1", n)
	}
	if err := e.Put(ctx, "Helper.swift", []byte(fmt.Sprintf(helper, "InternetPassword"))); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Fatalf("after Put of the helper: %d findings, want 0", n)
	}
	if err := e.Put(ctx, "Helper.swift", []byte(fmt.Sprintf(helper, "GenericPassword"))); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Fatalf("after the helper's second Put: %d findings, want 1", n)
	}
	if !e.Remove("Helper.swift") || e.Remove("Helper.swift") {
		t.Fatal("Remove: want true once, then false")
	}
	if e.File("Helper.swift") != nil || len(e.Paths()) != 1 {
		t.Fatalf("after Remove: paths %q", e.Paths())
	}
	if n := count(); n != 0 {
		t.Fatalf("without the helper (its class unknown): %d findings, want 0", n)
	}
	if _, err := e.Findings(ctx, "Helper.swift"); err == nil {
		t.Fatal("Findings of a removed file: want an error")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := e.Put(cancelled, "Caller.swift", []byte(caller)); err == nil {
		t.Fatal("Put with a cancelled context: want its error")
	}
}
