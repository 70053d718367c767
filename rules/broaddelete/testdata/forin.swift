import Security

// A loop over a literal array of classes deletes each class whole
// (issue 11, item 8): the loop variable is bound to the elements.
func wipeAllClasses() {
    for cls in [kSecClassGenericPassword, kSecClassInternetPassword] {
        SecItemDelete([kSecClass: cls] as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords and internet passwords, and on macOS`
    }
}

// Negative: each delete names the app's service.
func wipeOurService() {
    for cls in [kSecClassGenericPassword, kSecClassInternetPassword] {
        SecItemDelete([kSecClass: cls, kSecAttrService: "com.example.app"] as CFDictionary)
    }
}

// Negative: the classes are not literal, the loop variable is unknown.
func wipe(classes: [CFString]) {
    for cls in classes {
        SecItemDelete([kSecClass: cls] as CFDictionary)
    }
}
