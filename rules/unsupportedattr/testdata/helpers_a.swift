import Security

struct VaultQuery {
    static let base: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrService as String: "vault", // want `kSecAttrService is not an attribute of internet passwords`
    ]

    func query(account: String) -> [String: Any] {
        var q = VaultQuery.base
        q[kSecAttrAccount as String] = account
        return q
    }
}
