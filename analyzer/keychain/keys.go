package keychain

import (
	"slices"
	"strings"
	"unicode/utf16"
)

// KeyKind classifies a dictionary key the way securityd sorts it.
type KeyKind int

const (
	KindUnknown KeyKind = iota
	KindClass           // kSecClass
	KindAttr            // kSecAttr* (item attributes)
	KindMatch           // kSecMatch*
	KindReturn          // kSecReturn*
	KindValue           // kSecValue*
	KindUse             // kSecUse*, including kSecUseDataProtectionKeychain ("nleg")
)

var kindNames = [...]string{
	KindUnknown: "unknown",
	KindClass:   "class",
	KindAttr:    "attr",
	KindMatch:   "match",
	KindReturn:  "return",
	KindValue:   "value",
	KindUse:     "use",
}

// String returns "class", "attr", "match", "return", "value", "use" or
// "unknown".
func (k KeyKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Key is a public SecItem dictionary key constant.
type Key struct {
	// Name is the constant name, e.g. "kSecAttrAccount".
	Name string
	// Short is the runtime string, e.g. "acct". It may be shared:
	// kSecAttrType and kSecAttrKeyType are both "type".
	Short string
	// Kind is the API category of the constant (by its name). Note that
	// securityd sorts "nleg" (kSecUseDataProtectionKeychain) as a 4-character
	// attribute; see SecuritydKind.
	Kind KeyKind
	// MacOSOnly: the key exists or works only on macOS, with the file
	// keychain (SecItem.cpp:4215-4229).
	MacOSOnly bool
	// ReadOnly: the header documents the attribute as read-only.
	ReadOnly bool
	// Note is a short remark for the few keys with a caveat, else "".
	Note string
}

// keys lists every public key constant named in the reference.
//
// Source: OSX/sec/Security/SecItemConstants.c :32 (class), :43-114 (attributes),
// :134-144 (match), :150-153 (return), :156-158 (value), :161-175 and :291 (use);
// macOS-only strings: OSX/libsecurity_keychain/lib/SecItemConstants.c :47, :85-87,
// :146-151, :172; declarations and read-only notes: keychain/headers/SecItem.h
// :53, :448-554, :896-926, :964-970, :991-995, :1041-1057;
// macOS-only list: OSX/libsecurity_keychain/lib/SecItem.cpp:4215-4229;
// via shared/reference/secitem-facts.md §1.1-1.4, §1.7, §2.
var keys = []Key{
	// Class key.
	{Name: "kSecClass", Short: "class", Kind: KindClass},

	// Attributes of the password classes.
	{Name: "kSecAttrAccessible", Short: "pdmn", Kind: KindAttr},
	{Name: "kSecAttrAccess", Short: "acls", Kind: KindAttr, MacOSOnly: true,
		Note: "macOS file keychain only; sends the call to the file keychain; unknown to securityd (errSecNoSuchAttr)"},
	{Name: "kSecAttrAccessControl", Short: "accc", Kind: KindAttr,
		Note: "virtual attribute kept in the encrypted blob; on macOS forces the DP keychain"},
	{Name: "kSecAttrAccessGroup", Short: "agrp", Kind: KindAttr},
	{Name: "kSecAttrSynchronizable", Short: "sync", Kind: KindAttr,
		Note: "part of every primary key; a query without it matches only non-synchronizable items"},
	{Name: "kSecAttrCreationDate", Short: "cdat", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrModificationDate", Short: "mdat", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrDescription", Short: "desc", Kind: KindAttr},
	{Name: "kSecAttrComment", Short: "icmt", Kind: KindAttr},
	{Name: "kSecAttrCreator", Short: "crtr", Kind: KindAttr},
	{Name: "kSecAttrType", Short: "type", Kind: KindAttr},
	{Name: "kSecAttrLabel", Short: "labl", Kind: KindAttr},
	{Name: "kSecAttrIsInvisible", Short: "invi", Kind: KindAttr},
	{Name: "kSecAttrIsNegative", Short: "nega", Kind: KindAttr},
	{Name: "kSecAttrAccount", Short: "acct", Kind: KindAttr},
	{Name: "kSecAttrService", Short: "svce", Kind: KindAttr},
	{Name: "kSecAttrGeneric", Short: "gena", Kind: KindAttr,
		Note: "not part of the primary key: does not make an item unique"},
	{Name: "kSecAttrSecurityDomain", Short: "sdmn", Kind: KindAttr},
	{Name: "kSecAttrServer", Short: "srvr", Kind: KindAttr},
	{Name: "kSecAttrProtocol", Short: "ptcl", Kind: KindAttr},
	{Name: "kSecAttrAuthenticationType", Short: "atyp", Kind: KindAttr},
	{Name: "kSecAttrPort", Short: "port", Kind: KindAttr},
	{Name: "kSecAttrPath", Short: "path", Kind: KindAttr},

	// Certificate attributes.
	{Name: "kSecAttrSubject", Short: "subj", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrIssuer", Short: "issr", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrSerialNumber", Short: "slnr", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrSubjectKeyID", Short: "skid", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrPublicKeyHash", Short: "pkhh", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrCertificateType", Short: "ctyp", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrCertificateEncoding", Short: "cenc", Kind: KindAttr, ReadOnly: true},

	// Key attributes.
	{Name: "kSecAttrKeyClass", Short: "kcls", Kind: KindAttr, ReadOnly: true},
	{Name: "kSecAttrApplicationLabel", Short: "klbl", Kind: KindAttr},
	{Name: "kSecAttrIsPermanent", Short: "perm", Kind: KindAttr},
	{Name: "kSecAttrIsSensitive", Short: "sens", Kind: KindAttr},
	{Name: "kSecAttrIsExtractable", Short: "extr", Kind: KindAttr},
	{Name: "kSecAttrApplicationTag", Short: "atag", Kind: KindAttr},
	{Name: "kSecAttrKeyType", Short: "type", Kind: KindAttr},
	{Name: "kSecAttrPRF", Short: "prf", Kind: KindAttr, MacOSOnly: true,
		Note: "macOS only; sent to securityd it gives errSecParam (not a 4-character key)"},
	{Name: "kSecAttrSalt", Short: "salt", Kind: KindAttr, MacOSOnly: true,
		Note: "macOS only; sent to securityd it gives errSecNoSuchAttr"},
	{Name: "kSecAttrRounds", Short: "rounds", Kind: KindAttr, MacOSOnly: true,
		Note: "macOS only; sent to securityd it gives errSecParam (not a 4-character key)"},
	{Name: "kSecAttrKeySizeInBits", Short: "bsiz", Kind: KindAttr},
	{Name: "kSecAttrEffectiveKeySize", Short: "esiz", Kind: KindAttr},
	{Name: "kSecAttrCanEncrypt", Short: "encr", Kind: KindAttr},
	{Name: "kSecAttrCanDecrypt", Short: "decr", Kind: KindAttr},
	{Name: "kSecAttrCanDerive", Short: "drve", Kind: KindAttr},
	{Name: "kSecAttrCanSign", Short: "sign", Kind: KindAttr},
	{Name: "kSecAttrCanVerify", Short: "vrfy", Kind: KindAttr},
	{Name: "kSecAttrCanWrap", Short: "wrap", Kind: KindAttr},
	{Name: "kSecAttrCanUnwrap", Short: "unwp", Kind: KindAttr},

	// Attributes of every stored class.
	{Name: "kSecAttrSyncViewHint", Short: "vwht", Kind: KindAttr},
	{Name: "kSecAttrTokenID", Short: "tkid", Kind: KindAttr,
		Note: "cannot be changed after the item is created; on macOS forces the DP keychain"},

	// Source: keychain/securityd/SecItemDb.c:689-690 (stripped from results),
	// via secitem-facts.md §1.7.
	{Name: "kSecAttrPersistentReference", Short: "persistref", Kind: KindAttr,
		Note: "returned-attribute name only; not a usable query attribute (securityd rejects it with errSecParam)"},

	// Match keys.
	{Name: "kSecMatchPolicy", Short: "m_Policy", Kind: KindMatch,
		Note: "certificate and identity queries only (else errSecUnimplemented)"},
	{Name: "kSecMatchItemList", Short: "m_ItemList", Kind: KindMatch, MacOSOnly: true},
	{Name: "kSecMatchSearchList", Short: "m_SearchList", Kind: KindMatch, MacOSOnly: true},
	{Name: "kSecMatchIssuers", Short: "m_Issuers", Kind: KindMatch,
		Note: "certificate and identity queries only (else errSecUnimplemented)"},
	{Name: "kSecMatchEmailAddressIfPresent", Short: "m_EmailAddressIfPresent", Kind: KindMatch},
	{Name: "kSecMatchSubjectContains", Short: "m_SubjectContains", Kind: KindMatch},
	{Name: "kSecMatchHostOrSubdomainOfHost", Short: "m_HostOrSubdomainOfHost", Kind: KindMatch,
		Note: "macOS 15 / iOS 18; internet passwords on the DP keychain only"},
	{Name: "kSecMatchSubjectStartsWith", Short: "m_SubjectStartsWith", Kind: KindMatch, MacOSOnly: true},
	{Name: "kSecMatchSubjectEndsWith", Short: "m_SubjectEndsWith", Kind: KindMatch, MacOSOnly: true},
	{Name: "kSecMatchSubjectWholeString", Short: "m_SubjectWholeString", Kind: KindMatch, MacOSOnly: true},
	{Name: "kSecMatchCaseInsensitive", Short: "m_CaseInsensitive", Kind: KindMatch},
	{Name: "kSecMatchDiacriticInsensitive", Short: "m_DiacriticInsensitive", Kind: KindMatch, MacOSOnly: true},
	{Name: "kSecMatchWidthInsensitive", Short: "m_WidthInsensitive", Kind: KindMatch, MacOSOnly: true},
	{Name: "kSecMatchTrustedOnly", Short: "m_TrustedOnly", Kind: KindMatch},
	{Name: "kSecMatchValidOnDate", Short: "m_ValidOnDate", Kind: KindMatch},
	{Name: "kSecMatchLimit", Short: "m_Limit", Kind: KindMatch,
		Note: "value kSecMatchLimitOne, kSecMatchLimitAll or a CFNumber"},

	// Return keys.
	{Name: "kSecReturnData", Short: "r_Data", Kind: KindReturn},
	{Name: "kSecReturnAttributes", Short: "r_Attributes", Kind: KindReturn},
	{Name: "kSecReturnRef", Short: "r_Ref", Kind: KindReturn},
	{Name: "kSecReturnPersistentRef", Short: "r_PersistentRef", Kind: KindReturn},

	// Value keys.
	{Name: "kSecValueData", Short: "v_Data", Kind: KindValue},
	{Name: "kSecValueRef", Short: "v_Ref", Kind: KindValue,
		Note: "expanded by the client into the reference's attributes; securityd itself rejects v_Ref"},
	{Name: "kSecValuePersistentRef", Short: "v_PersistentRef", Kind: KindValue},

	// Use keys.
	{Name: "kSecUseItemList", Short: "u_ItemList", Kind: KindUse, MacOSOnly: true,
		Note: "deprecated on iOS-family (not implemented); securityd rejects it with errSecParam; macOS only in practice"},
	{Name: "kSecUseKeychain", Short: "u_Keychain", Kind: KindUse, MacOSOnly: true},
	{Name: "kSecUseOperationPrompt", Short: "u_OpPrompt", Kind: KindUse},
	{Name: "kSecUseNoAuthenticationUI", Short: "u_NoAuthUI", Kind: KindUse},
	{Name: "kSecUseAuthenticationUI", Short: "u_AuthUI", Kind: KindUse},
	{Name: "kSecUseAuthenticationContext", Short: "u_AuthCtx", Kind: KindUse,
		Note: "the client turns it into u_CredRef before the call reaches securityd"},
	{Name: "kSecUseDataProtectionKeychain", Short: "nleg", Kind: KindUse,
		Note: "macOS 10.15 / iOS 13; selects the DP keychain on macOS; securityd treats \"nleg\" as a no-op attribute"},
	{Name: "kSecUseUserIndependentKeychain", Short: "u_UserIndependentKeychain", Kind: KindUse,
		Note: "tvOS 16 and later only"},
}

// keyAliases maps other names of a key constant to the canonical name that
// LookupKey returns.
var keyAliases = map[string]string{
	// Private alias. Source: OSX/sec/Security/SecItemConstants.c:81
	// (kSecAttrKeyCreator = "crtr"), via secitem-facts.md §1.4.
	"kSecAttrKeyCreator": "kSecAttrCreator",
	// Public misspelled twin, same string "persistref". Source:
	// keychain/headers/SecItem.h:552; OSX/sec/Security/SecItemConstants.c:113.
	"kSecAttrPersistantReference": "kSecAttrPersistentReference",
}

// preferredShort picks the key LookupShort returns for a runtime string
// shared by several constants: the more common public one.
// Source: OSX/sec/Security/SecItemConstants.c:50-51, :81-82.
var preferredShort = map[string]string{
	"type": "kSecAttrType",    // also kSecAttrKeyType
	"crtr": "kSecAttrCreator", // also private kSecAttrKeyCreator
}

// Indexes, built during package variable initialization (before any init
// function), so that other tables can depend on them.
var keysByName, keysByShort, sortedKeys = indexKeys()

func indexKeys() (byName, byShort map[string]*Key, sorted []*Key) {
	byName = map[string]*Key{}
	byShort = map[string]*Key{}
	for i := range keys {
		k := &keys[i]
		if _, dup := byName[k.Name]; dup {
			panic("keychain: duplicate key " + k.Name)
		}
		byName[k.Name] = k
		if _, taken := byShort[k.Short]; !taken || preferredShort[k.Short] == k.Name {
			byShort[k.Short] = k
		}
		sorted = append(sorted, k)
	}
	for alias, name := range keyAliases {
		k, ok := byName[name]
		if !ok {
			panic("keychain: alias " + alias + " of unknown key " + name)
		}
		byName[alias] = k
	}
	slices.SortFunc(sorted, func(a, b *Key) int { return strings.Compare(a.Name, b.Name) })
	return byName, byShort, sorted
}

// LookupKey finds a key by its constant name ("kSecAttrAccount"). The
// aliases kSecAttrKeyCreator (private) and kSecAttrPersistantReference
// (public misspelling) resolve to kSecAttrCreator and
// kSecAttrPersistentReference.
func LookupKey(name string) (*Key, bool) {
	k, ok := keysByName[name]
	return k, ok
}

// LookupShort finds a key by its runtime string ("acct", "class", "m_Limit",
// "r_Data", "v_Data", "nleg", ...). For a string shared by several constants
// it returns the more common public one: "type" gives kSecAttrType, "crtr"
// gives kSecAttrCreator.
func LookupShort(short string) (*Key, bool) {
	k, ok := keysByShort[short]
	return k, ok
}

// AllKeys returns every key, sorted by name. Aliases are not listed.
func AllKeys() []*Key {
	return slices.Clone(sortedKeys)
}

// SecuritydKind reports how securityd's query parser sorts a string key by
// its shape, whatever the key's API name: a 4-character string is an
// attribute (unknown ones give errSecNoSuchAttr, except "nleg", a no-op);
// otherwise the first character decides: 'c' class (only "class" is
// accepted), 'm' match, 'r' return, 'u' use, 'v' value. Anything else,
// including keys starting with 'f' (which securityd ignores), gives
// KindUnknown; such keys are rejected with errSecParam except the 'f' ones.
//
// Source: keychain/securityd/SecDbQuery.c:854-925 (query_applier), via
// secitem-facts.md §0.
func SecuritydKind(short string) KeyKind {
	n := 0 // CFStringGetLength counts UTF-16 units
	for _, r := range short {
		n += utf16.RuneLen(r)
	}
	if n == 4 {
		return KindAttr
	}
	if n < 2 {
		return KindUnknown
	}
	switch short[0] {
	case 'c':
		return KindClass
	case 'm':
		return KindMatch
	case 'r':
		return KindReturn
	case 'u':
		return KindUse
	case 'v':
		return KindValue
	}
	return KindUnknown
}
