package source

import "bytes"

var (
	secItem = []byte("SecItem")
	kSec    = []byte("kSec")
)

// MayHaveKeychainCode reports whether src holds a keychain token: an
// identifier that begins with "SecItem" or "kSec" followed by an
// upper-case letter (SecItemAdd, kSecClass). The scan parses such files
// (and the helpers they need, see analyzer/driver). A mere substring is
// not enough: errSecItemNotFound, kSecret, SettingsDeepLinkSection and
// trackSecondSite are other identifiers, and files holding only those
// made up about a third of the bytes parsed on real projects.
//
// The test is on bytes, not tokens: a keychain token in a comment or a
// string literal also passes, as it did when any substring did.
func MayHaveKeychainCode(src []byte) bool {
	return hasIdentPrefix(src, secItem) || hasIdentPrefix(src, kSec)
}

// hasIdentPrefix reports whether an identifier in src begins with prefix
// and goes on with an upper-case ASCII letter. prefix must not overlap
// itself (no proper prefix of it is also a suffix), so that the search
// may resume after a match.
func hasIdentPrefix(src, prefix []byte) bool {
	for from := 0; ; {
		i := bytes.Index(src[from:], prefix)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(prefix)
		if end < len(src) && 'A' <= src[end] && src[end] <= 'Z' && (i == 0 || !identByte(src[i-1])) {
			return true
		}
		from = end
	}
}

// identByte reports whether b can be part of an identifier in Swift,
// Objective-C or C: an ASCII letter, digit, '_' or '$', or a byte of a
// multi-byte UTF-8 character (Swift identifiers may hold them).
func identByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_' || b == '$' || b >= 0x80
}
