package keychain

// Well-known OSStatus codes of the SecItem API.
//
// Source: base/SecBase.h:326-392 (public); base/SecBasePriv.h:66-95
// (private); via shared/reference/secitem-facts.md §6.
const (
	ErrSecSuccess               = 0
	ErrSecUnimplemented         = -4
	ErrSecParam                 = -50
	ErrSecAllocate              = -108
	ErrSecUserCanceled          = -128
	ErrSecBadReq                = -909
	ErrSecNotAvailable          = -25291
	ErrSecReadOnly              = -25292
	ErrSecAuthFailed            = -25293
	ErrSecDuplicateItem         = -25299
	ErrSecItemNotFound          = -25300
	ErrSecNoSuchAttr            = -25303
	ErrSecInvalidItemRef        = -25304
	ErrSecNoSuchClass           = -25306
	ErrSecInteractionNotAllowed = -25308
	ErrSecAuthNeeded            = -25330 // private
	ErrSecDecode                = -26275
	ErrSecInternal              = -26276 // private
	ErrSecMissingEntitlement    = -34018
	ErrSecRestrictedAPI         = -34020
)

// statusCodes maps every status name of the reference to its value.
//
// Source: base/SecBase.h:326-392; base/SecBasePriv.h:66-95;
// via shared/reference/secitem-facts.md §6.
var statusCodes = map[string]int{
	"noErr":                       ErrSecSuccess, // MacTypes.h name for 0
	"errSecSuccess":               ErrSecSuccess,
	"errSecUnimplemented":         ErrSecUnimplemented,
	"errSecParam":                 ErrSecParam,
	"errSecAllocate":              ErrSecAllocate,
	"errSecUserCanceled":          ErrSecUserCanceled,
	"errSecBadReq":                ErrSecBadReq,
	"errSecNotAvailable":          ErrSecNotAvailable,
	"errSecReadOnly":              ErrSecReadOnly,
	"errSecAuthFailed":            ErrSecAuthFailed,
	"errSecDuplicateItem":         ErrSecDuplicateItem,
	"errSecItemNotFound":          ErrSecItemNotFound,
	"errSecNoSuchAttr":            ErrSecNoSuchAttr,
	"errSecInvalidItemRef":        ErrSecInvalidItemRef,
	"errSecNoSuchClass":           ErrSecNoSuchClass,
	"errSecInteractionNotAllowed": ErrSecInteractionNotAllowed,
	"errSecAuthNeeded":            ErrSecAuthNeeded,
	"errSecDecode":                ErrSecDecode,
	"errSecInternal":              ErrSecInternal,
	"errSecMissingEntitlement":    ErrSecMissingEntitlement,
	"errSecRestrictedAPI":         ErrSecRestrictedAPI,

	// Private names equal to another code (SecBasePriv.h keeps the historic
	// distinct values only in comments, so a caller never sees them).
	"errSecUnsupportedOperation":           ErrSecUnimplemented,
	"errSecItemInvalidKey":                 ErrSecParam,
	"errSecItemInvalidKeyType":             ErrSecParam,
	"errSecItemInvalidValue":               ErrSecParam,
	"errSecItemClassMissing":               ErrSecParam,
	"errSecItemMatchUnsupported":           ErrSecParam, // historic -34004
	"errSecUseItemListUnsupported":         ErrSecParam,
	"errSecReturnDataUnsupported":          ErrSecParam,
	"errSecReturnAttributesUnsupported":    ErrSecParam,
	"errSecReturnRefUnsupported":           ErrSecParam,
	"errSecReturnPersistentRefUnsupported": ErrSecParam,
	"errSecValueRefUnsupported":            ErrSecParam,
	"errSecValuePersistentRefUnsupported":  ErrSecParam,
	"errSecReturnMissingPointer":           ErrSecParam,
	"errSecMatchLimitUnsupported":          ErrSecParam, // historic -34015
	"errSecItemIllegalQuery":               ErrSecParam,
}

// statusNames is the canonical public name of each distinct code.
var statusNames = map[int]string{
	ErrSecSuccess:               "errSecSuccess",
	ErrSecUnimplemented:         "errSecUnimplemented",
	ErrSecParam:                 "errSecParam",
	ErrSecAllocate:              "errSecAllocate",
	ErrSecUserCanceled:          "errSecUserCanceled",
	ErrSecBadReq:                "errSecBadReq",
	ErrSecNotAvailable:          "errSecNotAvailable",
	ErrSecReadOnly:              "errSecReadOnly",
	ErrSecAuthFailed:            "errSecAuthFailed",
	ErrSecDuplicateItem:         "errSecDuplicateItem",
	ErrSecItemNotFound:          "errSecItemNotFound",
	ErrSecNoSuchAttr:            "errSecNoSuchAttr",
	ErrSecInvalidItemRef:        "errSecInvalidItemRef",
	ErrSecNoSuchClass:           "errSecNoSuchClass",
	ErrSecInteractionNotAllowed: "errSecInteractionNotAllowed",
	ErrSecAuthNeeded:            "errSecAuthNeeded",
	ErrSecDecode:                "errSecDecode",
	ErrSecInternal:              "errSecInternal",
	ErrSecMissingEntitlement:    "errSecMissingEntitlement",
	ErrSecRestrictedAPI:         "errSecRestrictedAPI",
}

// StatusCode returns the value of a status name ("errSecItemNotFound" gives
// -25300; "noErr" and "errSecSuccess" give 0). Private aliases resolve to
// the value a caller actually sees ("errSecItemMatchUnsupported" gives -50).
func StatusCode(name string) (int, bool) {
	c, ok := statusCodes[name]
	return c, ok
}

// StatusName returns the canonical public name of a code (-25300 gives
// "errSecItemNotFound", 0 gives "errSecSuccess", -50 gives "errSecParam"),
// or "" for a code the reference does not list.
func StatusName(code int) string {
	return statusNames[code]
}
