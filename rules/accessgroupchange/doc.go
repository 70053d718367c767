// Package accessgroupchange defines an Analyzer that reports entitlements
// changes that move the default keychain access group or remove a group.
//
// # Analyzer accessgroupchange
//
// accessgroupchange: entitlements change moves the default access group or removes a group
//
// An item added without kSecAttrAccessGroup goes to the app's default
// access group: the first entry of keychain-access-groups, or, without
// that entitlement, the application identifier (app ID prefix and bundle
// identifier). Items stay in the group they were added to. A new version
// whose entitlements put another group first therefore adds its items to
// the new group while those of earlier versions stay in the old one: an
// add of an item that exists creates a second copy instead of failing
// with errSecDuplicateItem, and reads that name no group may return
// either. A group the new version is no longer entitled to is worse:
// its items become invisible to it (reads find nothing, the user's
// tokens and passwords are lost to the app), though they are still on
// the device. This is Apple's "Lost Keychain Items" pitfall; nothing in
// the Swift code shows it.
//
// The analyzer compares each Xcode target's entitlements (every build
// configuration, with build settings expanded as for accessgroup) with
// those of an earlier version: the --diff revision (the projects,
// xcconfig and entitlements files read from that commit), or the
// entitlements a baseline recorded (--write-baseline records them,
// --baseline compares). It reports, at the line of the entitlements
// file:
//
//   - a different first keychain-access-groups entry, or a first entry
//     added where there was none, so that the default leaves the
//     application identifier;
//   - a keychain access group or application group that the earlier
//     version had and that no group of the new one (its
//     keychain-access-groups, application groups and application
//     identifier) can match. An item is in an application group only
//     when code named the group in kSecAttrAccessGroup (application
//     groups are mostly shared containers), so a removed application
//     group is reported only when a string in the scan's keychain code
//     names it; a removed keychain-access-groups entry always is (that
//     entitlement exists for the keychain alone, and a wrapper library
//     outside the scan may name the group). A removed old default is
//     part of the move's finding.
//
// A change that concerns only test hosts (applications a test bundle
// names in TEST_HOST and whose name says they are test applications,
// such as "TestHost", or applications called a test host in a project
// with test bundles; they hold no user's data) is reported at note.
//
// Appending a group, reordering groups after the first, and unchanged
// entitlements are not reported. A value with a build setting that
// cannot be expanded ($(AppIdentifierPrefix) is a wildcard) is compared
// as a pattern: the finding needs the two values to differ whatever the
// wildcard stands for, so "$(AppIdentifierPrefix)com.example.app" and
// "$(AppIdentifierPrefix)com.example.shared" differ, "$(TEAM).shared"
// and "ABCDE12345.shared" do not. A target, configuration or
// entitlements file that either side cannot read is not compared.
// Without --diff or a baseline that records entitlements there is
// nothing to compare and the analyzer is silent. A --diff scan reports
// the finding also when the change removed lines only (it is about the
// diff itself). An entitlements file holds no keychainlint:ignore
// comments: once the items are migrated, refresh the baseline, or
// disable the rule for the file in the configuration.
//
// Example:
//
//	// Vault.entitlements, before: keychain-access-groups = ($(AppIdentifierPrefix)com.example.vault)
//	<key>keychain-access-groups</key>
//	<array>
//		<string>$(AppIdentifierPrefix)com.example.shared</string> <!-- reported: the default moves -->
//		<string>$(AppIdentifierPrefix)com.example.vault</string>
//	</array>
//
// Fix: keep the old default group first (append new groups after it),
// or migrate the items explicitly (read each one, add it with the new
// kSecAttrAccessGroup, delete the old one) in the version that changes
// the entitlements; keep access to a group until its items are migrated.
package accessgroupchange
