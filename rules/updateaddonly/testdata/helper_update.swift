import Security

// Uses the helpers in helper_changes.swift: the findings are at the keys in
// the helpers.
func applyStrictProtection(query: [String: Any]) {
    let changes = ProtectionChanges.strict()
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

func applyToken(query: [String: Any]) {
    SecItemUpdate(query as CFDictionary, ProtectionChanges.onToken() as CFDictionary)
}
