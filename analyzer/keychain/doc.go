// Package keychain holds the facts about Apple's SecItem API that
// keychainlint's rules reason with: the dictionary keys and their runtime
// strings, the attributes of each item class with their primary-key
// membership, the values some keys take, the deprecated constants and the
// OSStatus codes.
//
// The tables are hand-written Go literals. They come from Apple's
// open-source Security framework, repository apple-oss-distributions/Security
// at commit db15acbe6a7f257a859ad9a3bb86097bfe0679d9 (tag
// Security-61901.0.87.0.1), through the project's summaries
// shared/reference/secitem-facts.md and shared/reference/secitem-schema.json.
// Each table cites the Apple file (and lines where known) it transcribes.
// Nothing is parsed at run time; a test cross-checks the class tables
// against secitem-schema.json when that file is present.
//
// Vocabulary, as in the reference:
//
//   - DP keychain: the data-protection keychain kept by securityd. The only
//     keychain on iOS, tvOS, watchOS, visionOS and Mac Catalyst; on macOS used
//     with kSecUseDataProtectionKeychain=true or kSecAttrSynchronizable=true.
//   - File keychain: the legacy macOS keychain (.keychain-db files).
//   - Short string: the runtime value of a constant, e.g. kSecAttrAccount is
//     the CFString "acct". securityd sorts a dictionary key by the shape of
//     this string (see SecuritydKind).
//
// Operations and platforms are modelled elsewhere (analyzer/model); this
// package has no notion of either beyond the platform labels of an
// attribute ("all", "dp-keychain", "macos-file-keychain").
package keychain
