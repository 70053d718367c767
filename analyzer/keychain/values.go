package keychain

// Value is a constant that is a value of a key, e.g. kSecAttrAccessibleAlways
// ("dk") for kSecAttrAccessible.
type Value struct {
	Name  string // "kSecAttrAccessibleAlways"
	Short string // "dk"
	For   string // the key constant it is a value of, e.g. "kSecAttrAccessible"
	// MacOSOnly: the constant is declared ios(NA) (macOS-only key types).
	MacOSOnly bool
}

// values lists the value constants. Where several constants share a string
// for the same key, the first one listed is the one LookupValueShort returns.
var values = []Value{
	// Source: OSX/sec/Security/SecItemConstants.c:35-40; keychain/headers/SecItem.h:68-76;
	// via shared/reference/secitem-facts.md §2.
	{Name: "kSecClassGenericPassword", Short: "genp", For: "kSecClass"},
	{Name: "kSecClassInternetPassword", Short: "inet", For: "kSecClass"},
	{Name: "kSecClassCertificate", Short: "cert", For: "kSecClass"},
	{Name: "kSecClassKey", Short: "keys", For: "kSecClass"},
	{Name: "kSecClassIdentity", Short: "idnt", For: "kSecClass"},

	// Source: OSX/sec/Security/SecItemConstants.c:178-184; keychain/headers/SecItem.h:605-617;
	// via shared/reference/secitem-facts.md §2.
	{Name: "kSecAttrAccessibleWhenUnlocked", Short: "ak", For: "kSecAttrAccessible"},
	{Name: "kSecAttrAccessibleAfterFirstUnlock", Short: "ck", For: "kSecAttrAccessible"},
	{Name: "kSecAttrAccessibleAlways", Short: "dk", For: "kSecAttrAccessible"},
	{Name: "kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly", Short: "akpu", For: "kSecAttrAccessible"},
	{Name: "kSecAttrAccessibleWhenUnlockedThisDeviceOnly", Short: "aku", For: "kSecAttrAccessible"},
	{Name: "kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly", Short: "cku", For: "kSecAttrAccessible"},
	{Name: "kSecAttrAccessibleAlwaysThisDeviceOnly", Short: "dku", For: "kSecAttrAccessible"},

	// Source: OSX/sec/Security/SecItemConstants.c:146-147; keychain/headers/SecItem.h:928-930;
	// via shared/reference/secitem-facts.md §2. kSecMatchLimit also takes a CFNumber.
	{Name: "kSecMatchLimitOne", Short: "m_LimitOne", For: "kSecMatchLimit"},
	{Name: "kSecMatchLimitAll", Short: "m_LimitAll", For: "kSecMatchLimit"},

	// Source: OSX/sec/Security/SecItemConstants.c:288-290; keychain/headers/SecItem.h:1076-1080;
	// Skip only in SecItemCopyMatching (OSX/sec/Security/SecItem.m:1678-1682);
	// via shared/reference/secitem-facts.md §2.
	{Name: "kSecUseAuthenticationUIAllow", Short: "u_AuthUIA", For: "kSecUseAuthenticationUI"},
	{Name: "kSecUseAuthenticationUIFail", Short: "u_AuthUIF", For: "kSecUseAuthenticationUI"},
	{Name: "kSecUseAuthenticationUISkip", Short: "u_AuthUIS", For: "kSecUseAuthenticationUI"},

	// Source: OSX/sec/Security/SecItemConstants.c:266, :131, :294; keychain/headers/SecItem.h:458,
	// :1109, :1096; via shared/reference/secitem-facts.md §2.
	{Name: "kSecAttrSynchronizableAny", Short: "syna", For: "kSecAttrSynchronizable"},
	{Name: "kSecAttrAccessGroupToken", Short: "com.apple.token", For: "kSecAttrAccessGroup"},
	{Name: "kSecAttrTokenIDSecureEnclave", Short: "com.apple.setoken", For: "kSecAttrTokenID"},

	// The reference gives only the strings "0", "1", "2" (§1.4); names checked at
	// the same commit. Source: OSX/sec/Security/SecItemConstants.c:239-241;
	// keychain/headers/SecItem.h:760-764.
	{Name: "kSecAttrKeyClassPublic", Short: "0", For: "kSecAttrKeyClass"},
	{Name: "kSecAttrKeyClassPrivate", Short: "1", For: "kSecAttrKeyClass"},
	{Name: "kSecAttrKeyClassSymmetric", Short: "2", For: "kSecAttrKeyClass"},

	// The reference names kSecAttrKeyTypeEC ("73"), kSecAttrKeyTypeECDSA and
	// kSecAttrKeyTypeECSECPrimeRandom (secitem-facts.md §2 Deprecations); the public
	// set and strings were checked at the same commit. Source:
	// keychain/headers/SecItem.h:783-803; OSX/sec/Security/SecItemConstants.c:244-246;
	// macOS-only: OSX/libsecurity_keychain/lib/SecItemConstants.c:241-252.
	{Name: "kSecAttrKeyTypeECSECPrimeRandom", Short: "73", For: "kSecAttrKeyType"},
	{Name: "kSecAttrKeyTypeEC", Short: "73", For: "kSecAttrKeyType"},
	{Name: "kSecAttrKeyTypeRSA", Short: "42", For: "kSecAttrKeyType"},
	{Name: "kSecAttrKeyTypeECDSA", Short: "73", For: "kSecAttrKeyType", MacOSOnly: true},
	{Name: "kSecAttrKeyTypeDSA", Short: "43", For: "kSecAttrKeyType", MacOSOnly: true},
	{Name: "kSecAttrKeyTypeAES", Short: "2147483649", For: "kSecAttrKeyType", MacOSOnly: true},
	{Name: "kSecAttrKeyTypeDES", Short: "14", For: "kSecAttrKeyType", MacOSOnly: true},
	{Name: "kSecAttrKeyType3DES", Short: "17", For: "kSecAttrKeyType", MacOSOnly: true},
	{Name: "kSecAttrKeyTypeRC4", Short: "25", For: "kSecAttrKeyType", MacOSOnly: true},
	{Name: "kSecAttrKeyTypeRC2", Short: "23", For: "kSecAttrKeyType", MacOSOnly: true},
	{Name: "kSecAttrKeyTypeCAST", Short: "56", For: "kSecAttrKeyType", MacOSOnly: true},
}

// Indexes, built during package variable initialization.
var valuesByName, valuesByKey = indexValues()

// indexValues builds name -> value and key -> short -> first value.
func indexValues() (byName map[string]*Value, byKey map[string]map[string]*Value) {
	byName = map[string]*Value{}
	byKey = map[string]map[string]*Value{}
	for i := range values {
		v := &values[i]
		if _, dup := byName[v.Name]; dup {
			panic("keychain: duplicate value " + v.Name)
		}
		if _, ok := keysByName[v.For]; !ok {
			panic("keychain: value " + v.Name + " of unknown key " + v.For)
		}
		byName[v.Name] = v
		m := byKey[v.For]
		if m == nil {
			m = map[string]*Value{}
			byKey[v.For] = m
		}
		if _, taken := m[v.Short]; !taken {
			m[v.Short] = v
		}
	}
	return byName, byKey
}

// LookupValue finds a value constant by name ("kSecAttrAccessibleAlways").
func LookupValue(name string) (*Value, bool) {
	v, ok := valuesByName[name]
	return v, ok
}

// LookupValueShort finds the value constant of key forKey (a key constant
// name) with this runtime string, e.g. ("kSecClass", "genp"). For "73" of
// kSecAttrKeyType it returns kSecAttrKeyTypeECSECPrimeRandom, the current
// name of the string that kSecAttrKeyTypeEC and kSecAttrKeyTypeECDSA share.
func LookupValueShort(forKey, short string) (*Value, bool) {
	v, ok := valuesByKey[forKey][short]
	return v, ok
}

// ValuesFor returns the value constants of key forKey in table order, or
// nil if the package lists none.
func ValuesFor(forKey string) []*Value {
	var out []*Value
	for i := range values {
		if values[i].For == forKey {
			out = append(out, &values[i])
		}
	}
	return out
}
