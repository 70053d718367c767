import Security

// The Optional is a parameter of the helper that builds the dictionary:
// reported at the helper when a caller may pass nil, silent when every
// call passes a value.
func accountQuery(account: String?) -> [String: Any] {
    return [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account as Any, // want `^account is an Optional boxed into Any as the value of kSecAttrAccount`
    ]
}

func labelQuery(label: String?) -> [String: Any] {
    return [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrLabel as String: label as Any,
    ]
}

func addForUser(user: String?, name: String, token: Data) {
    var q = accountQuery(account: user)
    q[kSecValueData as String] = token
    SecItemAdd(q as CFDictionary, nil)
    var l = labelQuery(label: name)
    l[kSecValueData as String] = token
    SecItemAdd(l as CFDictionary, nil)
    var m = labelQuery(label: "fixed")
    m[kSecValueData as String] = token
    SecItemAdd(m as CFDictionary, nil)
}
