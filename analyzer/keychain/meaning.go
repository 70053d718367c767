package keychain

// statusMeanings says, for each public status code, what it means to a
// caller of the SecItem API: the header's one-line description
// (base/SecBase.h:326-392 in apple-oss-distributions/Security), in our
// words, with the case a keychain caller usually meets.
var statusMeanings = map[int]string{
	ErrSecSuccess:               "no error",
	ErrSecUnimplemented:         "the function or operation is not implemented (for a query: an option the item class does not support)",
	ErrSecParam:                 "a parameter is not valid: an unknown key, a value of the wrong type, or a key the operation does not accept",
	ErrSecAllocate:              "memory could not be allocated",
	ErrSecUserCanceled:          "the user cancelled the operation (an authentication prompt)",
	ErrSecBadReq:                "a bad parameter, or an operation the current state does not allow",
	ErrSecNotAvailable:          "no keychain is available",
	ErrSecReadOnly:              "the keychain cannot be modified",
	ErrSecAuthFailed:            "authentication failed: the user name, password or passcode is not correct",
	ErrSecDuplicateItem:         "an item with the same primary key already exists",
	ErrSecItemNotFound:          "no item matches the query",
	ErrSecNoSuchAttr:            "the attribute does not exist",
	ErrSecInvalidItemRef:        "the item reference is no longer valid (the item may have been deleted)",
	ErrSecNoSuchClass:           "not a valid keychain item (item class)",
	ErrSecInteractionNotAllowed: "user interaction is not allowed: typically the item is protected by a data-protection class that is not available while the device is locked",
	ErrSecDecode:                "the data could not be decoded",
	ErrSecMissingEntitlement:    "a required entitlement is missing: the access group is not among the app's keychain access groups, or the process has no signed entitlements at all",
	ErrSecRestrictedAPI:         "the client is not permitted to perform this operation",
}

// StatusMeaning is what the status code means to a SecItem caller, "" for
// a code without a description.
func StatusMeaning(code int) string { return statusMeanings[code] }
