package keychain

// Platform labels of an attribute (Attr.Platform), as in the reference.
const (
	platAll  = "all"                 // any keychain
	platDP   = "dp-keychain"         // data-protection keychain only
	platFile = "macos-file-keychain" // legacy macOS file keychain only
)

// Attr is an attribute of an item class.
type Attr struct {
	Name     string // constant name, e.g. "kSecAttrAccount"
	Short    string // runtime string, e.g. "acct"
	Primary  bool   // member of the DP keychain primary key (UNIQUE constraint)
	Platform string // "all", "dp-keychain" or "macos-file-keychain"
	ReadOnly bool   // the header documents it as read-only
}

// Class is an item class (a kSecClass value) with its attributes.
type Class struct {
	Name  string // "kSecClassGenericPassword"
	Short string // "genp"
	// Stored is false for the identity class, which has no table: SecItemAdd
	// splits an identity into a certificate item and a key item.
	Stored bool
	// Attrs holds the public attributes of the class on the DP keychain plus
	// the macOS file-keychain-only ones, keyed by short string. For the
	// identity class it is derived: the union of the certificate and key
	// attributes (certificate first), none of them primary.
	Attrs map[string]Attr
	// Identifying lists alternative sets of attribute constant names; each
	// set, when all present, names one item in practice (RULES.md
	// vocabulary). See also IdentifyingAnyClass.
	Identifying [][]string
	// PrimaryKeyDP is the DP keychain primary key: public constant names
	// only (the private columns musr, ggrp and, for keys, sdat/edat are also
	// members).
	PrimaryKeyDP []string
	// PrimaryKeyFileKeychain is the unique index on the macOS file keychain:
	// public constant names only (for keys, private StartDate/EndDate are
	// also members).
	PrimaryKeyFileKeychain []string
	// PrivateColumns are schema columns with no public constant. securityd
	// accepts them as attributes, but an analyzer can ignore them.
	PrivateColumns []string
}

// IdentifyingAnyClass are the keys that name one item in any class, each on
// its own (RULES.md vocabulary).
var IdentifyingAnyClass = []string{"kSecValueRef", "kSecValuePersistentRef"}

// genpClass is kSecClassGenericPassword.
//
// Source: keychain/securityd/SecItemSchema.c v12_genp_class (:860), attribute
// definitions :81-315; class attribute list keychain/headers/SecItem.h:85-176;
// file-keychain unique index OSX/libsecurity_cdsa_utilities/lib/Schema.m4:224-225;
// via shared/reference/secitem-facts.md §1.1, §1.6.
var genpClass = Class{
	Name:   "kSecClassGenericPassword",
	Short:  "genp",
	Stored: true,
	Attrs: attrMap(
		Attr{Name: "kSecAttrAccessGroup", Short: "agrp", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrAccount", Short: "acct", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrService", Short: "svce", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrSynchronizable", Short: "sync", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrSyncViewHint", Short: "vwht", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrTokenID", Short: "tkid", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrAccess", Short: "acls", Platform: platFile},
		Attr{Name: "kSecAttrAccessControl", Short: "accc", Platform: platDP},
		Attr{Name: "kSecAttrAccessible", Short: "pdmn", Platform: platDP},
		Attr{Name: "kSecAttrCreationDate", Short: "cdat", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrModificationDate", Short: "mdat", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrDescription", Short: "desc", Platform: platAll},
		Attr{Name: "kSecAttrComment", Short: "icmt", Platform: platAll},
		Attr{Name: "kSecAttrCreator", Short: "crtr", Platform: platAll},
		Attr{Name: "kSecAttrType", Short: "type", Platform: platAll},
		Attr{Name: "kSecAttrLabel", Short: "labl", Platform: platAll},
		Attr{Name: "kSecAttrIsInvisible", Short: "invi", Platform: platAll},
		Attr{Name: "kSecAttrIsNegative", Short: "nega", Platform: platAll},
		Attr{Name: "kSecAttrGeneric", Short: "gena", Platform: platAll}, // not primary: SecItemSchema.c:114
	),
	Identifying: [][]string{{"kSecAttrAccount", "kSecAttrService"}},
	PrimaryKeyDP: []string{
		"kSecAttrAccessGroup", "kSecAttrAccount", "kSecAttrService",
		"kSecAttrSynchronizable", "kSecAttrSyncViewHint", "kSecAttrTokenID",
	},
	PrimaryKeyFileKeychain: []string{"kSecAttrAccount", "kSecAttrService"},
	PrivateColumns: []string{
		"rowid", "scrp", "alis", "cusi", "prot", "data", "tomb", "sha1", "v_pk",
		"u_Tomb", "musr", "UUID", "sysb", "pcss", "pcsk", "pcsi", "clip", "ggrp",
	},
}

// inetClass is kSecClassInternetPassword.
//
// Source: keychain/securityd/SecItemSchema.c v12_10_inet_class (:400);
// file-keychain unique index OSX/libsecurity_cdsa_utilities/lib/Schema.m4:265-271;
// via shared/reference/secitem-facts.md §1.2, §1.6.
var inetClass = Class{
	Name:   "kSecClassInternetPassword",
	Short:  "inet",
	Stored: true,
	Attrs: attrMap(
		Attr{Name: "kSecAttrAccessGroup", Short: "agrp", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrAccount", Short: "acct", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrSecurityDomain", Short: "sdmn", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrServer", Short: "srvr", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrProtocol", Short: "ptcl", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrAuthenticationType", Short: "atyp", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrPort", Short: "port", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrPath", Short: "path", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrSynchronizable", Short: "sync", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrSyncViewHint", Short: "vwht", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrTokenID", Short: "tkid", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrAccess", Short: "acls", Platform: platFile},
		Attr{Name: "kSecAttrAccessControl", Short: "accc", Platform: platDP},
		Attr{Name: "kSecAttrAccessible", Short: "pdmn", Platform: platDP},
		Attr{Name: "kSecAttrCreationDate", Short: "cdat", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrModificationDate", Short: "mdat", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrDescription", Short: "desc", Platform: platAll},
		Attr{Name: "kSecAttrComment", Short: "icmt", Platform: platAll},
		Attr{Name: "kSecAttrCreator", Short: "crtr", Platform: platAll},
		Attr{Name: "kSecAttrType", Short: "type", Platform: platAll},
		Attr{Name: "kSecAttrLabel", Short: "labl", Platform: platAll},
		Attr{Name: "kSecAttrIsInvisible", Short: "invi", Platform: platAll},
		Attr{Name: "kSecAttrIsNegative", Short: "nega", Platform: platAll},
	),
	Identifying: [][]string{{"kSecAttrAccount", "kSecAttrServer"}},
	PrimaryKeyDP: []string{
		"kSecAttrAccessGroup", "kSecAttrAccount", "kSecAttrSecurityDomain", "kSecAttrServer",
		"kSecAttrProtocol", "kSecAttrAuthenticationType", "kSecAttrPort", "kSecAttrPath",
		"kSecAttrSynchronizable", "kSecAttrSyncViewHint", "kSecAttrTokenID",
	},
	PrimaryKeyFileKeychain: []string{
		"kSecAttrAccount", "kSecAttrSecurityDomain", "kSecAttrServer", "kSecAttrProtocol",
		"kSecAttrAuthenticationType", "kSecAttrPort", "kSecAttrPath",
	},
	PrivateColumns: []string{
		"rowid", "scrp", "alis", "cusi", "prot", "data", "tomb", "sha1", "v_pk",
		"u_Tomb", "musr", "UUID", "sysb", "pcss", "pcsk", "pcsi", "clip",
		"binn", "bini", "bin0", "bin1", "bin2", "bin3", "ggrp",
	},
}

// certClass is kSecClassCertificate. It has no kSecAttrAccess: the
// reference's certificate table does not list it.
//
// Source: keychain/securityd/SecItemSchema.c v12_cert_class (:1000); DER issuer
// normalisation OSX/sec/Security/SecItem.m:1446-1460; file-keychain unique index
// OSX/libsecurity_cdsa_utilities/lib/Schema.m4:275-281;
// via shared/reference/secitem-facts.md §1.3, §1.6.
var certClass = Class{
	Name:   "kSecClassCertificate",
	Short:  "cert",
	Stored: true,
	Attrs: attrMap(
		Attr{Name: "kSecAttrAccessGroup", Short: "agrp", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrCertificateType", Short: "ctyp", Primary: true, Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrIssuer", Short: "issr", Primary: true, Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrSerialNumber", Short: "slnr", Primary: true, Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrSynchronizable", Short: "sync", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrSyncViewHint", Short: "vwht", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrTokenID", Short: "tkid", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrAccessible", Short: "pdmn", Platform: platDP},
		Attr{Name: "kSecAttrAccessControl", Short: "accc", Platform: platDP},
		Attr{Name: "kSecAttrCertificateEncoding", Short: "cenc", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrLabel", Short: "labl", Platform: platAll},
		Attr{Name: "kSecAttrSubject", Short: "subj", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrSubjectKeyID", Short: "skid", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrPublicKeyHash", Short: "pkhh", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrCreationDate", Short: "cdat", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrModificationDate", Short: "mdat", Platform: platAll, ReadOnly: true},
	),
	Identifying: [][]string{{"kSecAttrIssuer", "kSecAttrSerialNumber"}, {"kSecAttrLabel"}},
	PrimaryKeyDP: []string{
		"kSecAttrAccessGroup", "kSecAttrCertificateType", "kSecAttrIssuer", "kSecAttrSerialNumber",
		"kSecAttrSynchronizable", "kSecAttrSyncViewHint", "kSecAttrTokenID",
	},
	PrimaryKeyFileKeychain: []string{"kSecAttrCertificateType", "kSecAttrIssuer", "kSecAttrSerialNumber"},
	PrivateColumns: []string{
		"rowid", "alis", "data", "tomb", "sha1", "v_pk", "u_Tomb", "musr", "UUID",
		"sysb", "pcss", "pcsk", "pcsi", "clip", "ggrp",
	},
}

// keysClass is kSecClassKey. Keys have their own "type" (kSecAttrKeyType)
// and "crtr" (kSecAttrCreator, private alias kSecAttrKeyCreator) columns,
// both in the primary key.
//
// Source: keychain/securityd/SecItemSchema.c v12_10_keys_class (:340);
// macOS-only PRF/Salt/Rounds keychain/headers/SecItem.h:524-529; file-keychain
// unique index OSX/libsecurity_cdsa_utilities/lib/KeySchema.m4:106-113;
// via shared/reference/secitem-facts.md §1.4, §1.6.
var keysClass = Class{
	Name:   "kSecClassKey",
	Short:  "keys",
	Stored: true,
	Attrs: attrMap(
		Attr{Name: "kSecAttrAccessGroup", Short: "agrp", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrKeyClass", Short: "kcls", Primary: true, Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrApplicationLabel", Short: "klbl", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrApplicationTag", Short: "atag", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrKeyType", Short: "type", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrKeySizeInBits", Short: "bsiz", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrEffectiveKeySize", Short: "esiz", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrSynchronizable", Short: "sync", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrCreator", Short: "crtr", Primary: true, Platform: platAll},
		Attr{Name: "kSecAttrSyncViewHint", Short: "vwht", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrTokenID", Short: "tkid", Primary: true, Platform: platDP},
		Attr{Name: "kSecAttrAccess", Short: "acls", Platform: platFile},
		Attr{Name: "kSecAttrAccessControl", Short: "accc", Platform: platDP},
		Attr{Name: "kSecAttrAccessible", Short: "pdmn", Platform: platDP},
		Attr{Name: "kSecAttrLabel", Short: "labl", Platform: platAll},
		Attr{Name: "kSecAttrIsPermanent", Short: "perm", Platform: platAll},
		Attr{Name: "kSecAttrPRF", Short: "prf", Platform: platFile},
		Attr{Name: "kSecAttrSalt", Short: "salt", Platform: platFile},
		Attr{Name: "kSecAttrRounds", Short: "rounds", Platform: platFile},
		Attr{Name: "kSecAttrCanEncrypt", Short: "encr", Platform: platAll},
		Attr{Name: "kSecAttrCanDecrypt", Short: "decr", Platform: platAll},
		Attr{Name: "kSecAttrCanDerive", Short: "drve", Platform: platAll},
		Attr{Name: "kSecAttrCanSign", Short: "sign", Platform: platAll},
		Attr{Name: "kSecAttrCanVerify", Short: "vrfy", Platform: platAll},
		Attr{Name: "kSecAttrCanWrap", Short: "wrap", Platform: platAll},
		Attr{Name: "kSecAttrCanUnwrap", Short: "unwp", Platform: platAll},
		Attr{Name: "kSecAttrCreationDate", Short: "cdat", Platform: platAll, ReadOnly: true},
		Attr{Name: "kSecAttrIsExtractable", Short: "extr", Platform: platAll},
		Attr{Name: "kSecAttrIsSensitive", Short: "sens", Platform: platAll},
		Attr{Name: "kSecAttrModificationDate", Short: "mdat", Platform: platAll, ReadOnly: true},
	),
	Identifying: [][]string{{"kSecAttrApplicationTag"}, {"kSecAttrApplicationLabel"}},
	PrimaryKeyDP: []string{
		"kSecAttrAccessGroup", "kSecAttrKeyClass", "kSecAttrApplicationLabel", "kSecAttrApplicationTag",
		"kSecAttrKeyType", "kSecAttrKeySizeInBits", "kSecAttrEffectiveKeySize", "kSecAttrSynchronizable",
		"kSecAttrCreator", "kSecAttrSyncViewHint", "kSecAttrTokenID",
	},
	// KeyCreator is listed under its public name kSecAttrCreator ("crtr").
	// kSecAttrKeyClass is not unique on the file keychain.
	PrimaryKeyFileKeychain: []string{
		"kSecAttrApplicationLabel", "kSecAttrApplicationTag", "kSecAttrCreator",
		"kSecAttrKeyType", "kSecAttrKeySizeInBits", "kSecAttrEffectiveKeySize",
	},
	PrivateColumns: []string{
		"rowid", "alis", "priv", "modi", "sdat", "edat", "asen", "next", "snrc", "vyrc",
		"data", "tomb", "sha1", "v_pk", "u_Tomb", "musr", "UUID", "sysb", "pcss", "pcsk",
		"pcsi", "clip", "ggrp",
	},
}

// idntClass is kSecClassIdentity. It has no columns of its own; its
// attributes, identifying sets and private columns are the union of the
// certificate and key classes, certificate first.
//
// Source: keychain/securityd/SecItemSchema.c v_identity_class (:1870);
// lookup order keychain/securityd/SecItemDb.c:67-73 (SecDbAttrWithKey);
// explode_identity OSX/sec/Security/SecItem.m:487;
// via shared/reference/secitem-facts.md §1.5.
var idntClass = identityClass(&certClass, &keysClass)

// identityClass derives the identity class from its two parts, in lookup
// order. An identity is not stored, so it has no primary key and none of
// its attributes is Primary.
func identityClass(parts ...*Class) Class {
	c := Class{Name: "kSecClassIdentity", Short: "idnt", Attrs: map[string]Attr{}}
	for _, part := range parts {
		for short, a := range part.Attrs {
			if _, seen := c.Attrs[short]; !seen {
				a.Primary = false
				c.Attrs[short] = a
			}
		}
		c.Identifying = append(c.Identifying, part.Identifying...)
		for _, col := range part.PrivateColumns {
			if !c.IsPrivateColumn(col) {
				c.PrivateColumns = append(c.PrivateColumns, col)
			}
		}
	}
	return c
}

var (
	classList                 = []*Class{&genpClass, &inetClass, &certClass, &keysClass, &idntClass}
	classByName, classByShort = indexClasses()
)

func indexClasses() (byName, byShort map[string]*Class) {
	byName = map[string]*Class{}
	byShort = map[string]*Class{}
	for _, c := range classList {
		byName[c.Name] = c
		byShort[c.Short] = c
	}
	return byName, byShort
}

// attrMap indexes attributes by short string and rejects duplicates.
func attrMap(attrs ...Attr) map[string]Attr {
	m := make(map[string]Attr, len(attrs))
	for _, a := range attrs {
		if _, dup := m[a.Short]; dup {
			panic("keychain: duplicate attribute " + a.Short)
		}
		m[a.Short] = a
	}
	return m
}

// LookupClass finds a class by constant name ("kSecClassKey") or short
// string ("keys").
func LookupClass(nameOrShort string) (*Class, bool) {
	if c, ok := classByName[nameOrShort]; ok {
		return c, true
	}
	c, ok := classByShort[nameOrShort]
	return c, ok
}

// Classes returns all five classes: generic password, internet password,
// certificate, key and identity.
func Classes() []*Class {
	return append([]*Class(nil), classList...)
}

// HasAttr reports whether the class has the attribute with this runtime
// short string. The identity class accepts the union of certificate and key
// attributes.
func (c *Class) HasAttr(short string) bool {
	_, ok := c.Attrs[short]
	return ok
}

// Attr returns the class's attribute with this runtime short string. For
// the identity class it is the certificate attribute if there is one, else
// the key attribute, with Primary false.
func (c *Class) Attr(short string) (Attr, bool) {
	a, ok := c.Attrs[short]
	return a, ok
}

// IsPrivateColumn reports whether short is a schema column of the class
// that has no public constant (e.g. "musr", "alis").
func (c *Class) IsPrivateColumn(short string) bool {
	for _, col := range c.PrivateColumns {
		if col == short {
			return true
		}
	}
	return false
}
