package swiftparse_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// TestSwiftGrammarGaps checks the constructs the Swift grammar mis-parses
// and the front end works around (grammargaps.go): no syntax errors, every
// method lowered with its owner, instance methods not read as static, and
// the SecItem calls in their bodies modelled.
func TestSwiftGrammarGaps(t *testing.T) {
	cases := map[string]string{
		"typed throws": `
enum KeychainError: Error { case failed(OSStatus) }
struct Store {
    static func read(account: String) throws(KeychainError) -> Data? {
        let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account]
        let status = SecItemCopyMatching(q as CFDictionary, nil)
        guard status == errSecSuccess else { throw .failed(status) }
        return nil
    }
    func delete(account: String) async throws(KeychainError) {
        let run: () throws(KeychainError) -> Void = { }
        try run()
        SecItemDelete([kSecClass: kSecClassGenericPassword, kSecAttrAccount: account] as CFDictionary)
    }
    func after() { SecItemDelete([kSecClass: kSecClassKey] as CFDictionary) }
}
`,
		"actor with try await in conditions": `
actor Store {
    private let repository: Repository
    func remove(id: UUID) async throws {
        if let dto = try await self.repository.fetch(id: id) {
            do {
                try self.delete(account: dto.account)
            } catch {
                print(error)
            }
        }
        try await self.repository.delete(id: id)
    }
    func fetch(id: UUID) async throws -> Item? {
        guard let dto = try? await self.repository.fetch(id: id) else { return nil }
        if try await self.repository.exists(id: id) { return dto }
        while let next = try await self.repository.next() { print(next) }
        return nil
    }
    func delete(account: String) throws {
        SecItemDelete([kSecClass: kSecClassGenericPassword, kSecAttrAccount: account] as CFDictionary)
    }
    func after() { SecItemDelete([kSecClass: kSecClassKey] as CFDictionary) }
}
`,
		"unsafe expressions and nonisolated(unsafe)": `
struct Store {
    nonisolated(unsafe) static var cache: [String: Any] = [:]
    let unsafe = 1
    func read(q: CFDictionary) -> OSStatus {
        var untyped: CFTypeRef?
        let status = unsafe SecItemCopyMatching(q, &untyped)
        if let e = unsafe error { print(e) }
        return status
    }
    func delete(account: String) throws {
        unsafe SecItemDelete([kSecClass: kSecClassGenericPassword, kSecAttrAccount: account] as CFDictionary)
        print(unsafe + 1, self.unsafe)
    }
    func after() { SecItemDelete([kSecClass: kSecClassKey] as CFDictionary) }
}
`,
		"empty tuple as a case body": `
struct Store {
    func delete(account: String, mode: Int) {
        switch mode {
        case 0: ()
        case 1:
            SecItemDelete([kSecClass: kSecClassGenericPassword, kSecAttrAccount: account] as CFDictionary)
        @unknown default: () // nothing to do
        }
        switch SecItemDelete([kSecClass: kSecClassKey] as CFDictionary) {
        case errSecSuccess: ()
        default: ()
        }
    }
    func after() { SecItemDelete([kSecClass: kSecClassKey] as CFDictionary) }
}
`,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			f := parse(t, "swift", src)
			if len(f.Errors) != 0 {
				for _, sp := range f.Errors {
					t.Errorf("syntax error at %v: %q", sp, src[sp.Start:sp.End])
				}
			}
			for _, fn := range f.Funcs {
				if fn.Owner != "Store" && fn.Name != "KeychainError" {
					t.Errorf("%s lowered outside Store (owner %q)", fn.Name, fn.Owner)
				}
			}
			after := funcNamed(t, f, "after")
			if after.Static || after.Owner != "Store" {
				t.Errorf("after(): static %v, owner %q; want an instance method of Store", after.Static, after.Owner)
			}
			if strings.Contains(src, "func read") {
				if d := model.Dump(funcNamed(t, f, "read")); !strings.Contains(d, "SecItemCopyMatching(") {
					t.Errorf("read() lost its SecItemCopyMatching:\n%s", d)
				}
			}
			del := funcNamed(t, f, "delete")
			if d := dumpFile(f); !strings.Contains(d, "SecItemDelete") || del.Static {
				t.Errorf("delete() lost its SecItemDelete or reads as static:\n%s", d)
			}
		})
	}
}
