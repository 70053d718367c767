package flow

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// UsesFileKeychainAPI reports whether a file's code names an API of the
// macOS file keychain that has no data-protection counterpart (SecKeychain*,
// SecAccess*, SecTrustedApplication*, kSecUseKeychain, kSecMatchSearchList),
// anywhere, #if regions included: such code works with the file keychain
// on purpose (filekeychain stays silent).
func UsesFileKeychainAPI(f *model.File) bool {
	found := false
	for _, fn := range f.Funcs {
		scanScope(fn.Body, model.AllPlatforms, func(name string, _ model.Platform) {
			if found {
				return
			}
			for _, p := range []string{"SecKeychain", "SecAccess", "SecTrustedApplication"} {
				if strings.HasPrefix(name, p) {
					found = true
				}
			}
			if name == "kSecUseKeychain" || name == "kSecMatchSearchList" {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}
