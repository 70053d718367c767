import Foundation
import Security

func forget(account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
    ]
    SecItemDelete(query as CFDictionary) // line 9: deletelimit (b) where macOS builds it
}

func wipe() {
    SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary) // line 13: broaddelete
}
