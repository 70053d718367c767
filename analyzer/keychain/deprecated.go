package keychain

// Deprecation describes a deprecated key or value constant.
type Deprecation struct {
	Name  string // the constant
	Since string // e.g. "iOS 12, macOS 10.14"; "" when DocOnly
	// Replacement is the constant to use instead when the replacement is one
	// drop-in constant, else "".
	Replacement string
	// Advice is one sentence for an iOS developer.
	Advice string
	// IOSFamilyOnly: deprecated only on iOS-family platforms; still valid on
	// macOS (kSecUseItemList).
	IOSFamilyOnly bool
	// DocOnly: the header calls it legacy or deprecated in a doc comment but
	// declares no API_DEPRECATED, so the compiler does not warn.
	DocOnly bool
	// ReplacementSince is when what Advice recommends became available,
	// per platform (see availability.go); nil when it always exists (a
	// constant to remove). Code that runs only on older versions (the
	// fallback of an availability check) has to keep the deprecated
	// constant.
	ReplacementSince Versions
}

// deprecations lists the deprecated constants.
//
// Source: keychain/headers/SecItem.h :609-610, :617-618, :1041-1044,
// :1047-1050, :1076-1079 (API_DEPRECATED); :774, :781 (doc comments);
// client conversions OSX/sec/Security/SecItem.m:1578-1625;
// via shared/reference/secitem-facts.md §2 "Deprecations".
var deprecations = []Deprecation{
	{
		Name:             "kSecAttrAccessibleAlways",
		Since:            "iOS 12, macOS 10.14",
		Replacement:      "kSecAttrAccessibleAfterFirstUnlock",
		Advice:           "use kSecAttrAccessibleAfterFirstUnlock, which stays readable in the background after the first unlock",
		ReplacementSince: introduced["kSecAttrAccessibleAfterFirstUnlock"],
	},
	{
		Name:             "kSecAttrAccessibleAlwaysThisDeviceOnly",
		Since:            "iOS 12, macOS 10.14",
		Replacement:      "kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly",
		Advice:           "use kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, which stays readable in the background after the first unlock",
		ReplacementSince: introduced["kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly"],
	},
	{
		Name:             "kSecUseOperationPrompt",
		Since:            "iOS 14, macOS 11 (10.16)",
		Advice:           "use kSecUseAuthenticationContext with an LAContext whose localizedReason is set",
		ReplacementSince: laLocalizedReason,
	},
	{
		// The header says "use kSecUseAuthenticationUI", but the value that
		// reproduces this key, kSecUseAuthenticationUIFail, is deprecated too.
		Name:             "kSecUseNoAuthenticationUI",
		Since:            "iOS 9, macOS 10.11",
		Advice:           "use kSecUseAuthenticationContext with an LAContext whose interactionNotAllowed is true, so the call fails with errSecInteractionNotAllowed instead of prompting",
		ReplacementSince: laInteractionNotAllowed,
	},
	{
		Name:   "kSecUseAuthenticationUIAllow",
		Since:  "iOS 14, macOS 11 (10.16)",
		Advice: "remove kSecUseAuthenticationUI (allowing authentication UI is the default) or pass an LAContext through kSecUseAuthenticationContext",
	},
	{
		Name:             "kSecUseAuthenticationUIFail",
		Since:            "iOS 14, macOS 11 (10.16)",
		Advice:           "use kSecUseAuthenticationContext with an LAContext whose interactionNotAllowed is true",
		ReplacementSince: laInteractionNotAllowed,
	},
	{
		Name:          "kSecUseItemList",
		Since:         "iOS 12, tvOS 12, watchOS 5, Mac Catalyst 13",
		Advice:        "remove kSecUseItemList: it is not implemented on iOS, tvOS, watchOS or Mac Catalyst and the call fails with errSecParam (-50); name the item by its attributes, kSecValueRef or kSecValuePersistentRef",
		IOSFamilyOnly: true,
	},
	{
		Name:        "kSecAttrKeyTypeEC",
		Replacement: "kSecAttrKeyTypeECSECPrimeRandom",
		Advice:      "use kSecAttrKeyTypeECSECPrimeRandom, the current name of the same key type",
		DocOnly:     true,
	},
	{
		Name:        "kSecAttrKeyTypeECDSA",
		Replacement: "kSecAttrKeyTypeECSECPrimeRandom",
		Advice:      "use kSecAttrKeyTypeECSECPrimeRandom, which also exists on iOS",
		DocOnly:     true,
	},
}

var deprecationsByName = indexDeprecations()

func indexDeprecations() map[string]*Deprecation {
	m := make(map[string]*Deprecation, len(deprecations))
	for i := range deprecations {
		d := &deprecations[i]
		if _, dup := m[d.Name]; dup {
			panic("keychain: duplicate deprecation " + d.Name)
		}
		m[d.Name] = d
	}
	return m
}

// LookupDeprecated reports whether a key or value constant is deprecated.
func LookupDeprecated(name string) (*Deprecation, bool) {
	d, ok := deprecationsByName[name]
	return d, ok
}

// Deprecations returns every deprecated constant, in table order. Filter
// out DocOnly entries to keep only what the compiler also flags.
func Deprecations() []*Deprecation {
	out := make([]*Deprecation, len(deprecations))
	for i := range deprecations {
		out[i] = &deprecations[i]
	}
	return out
}
