// A helper sets the account only when its optional parameter is not nil:
// each call is analysed with what it passes.
import Security

final class OptionalStore {
    private func query(key: String?, service: String?) -> [CFString: Any] {
        var q: [CFString: Any] = [kSecClass: kSecClassGenericPassword]
        if key != nil {
            q[kSecAttrAccount] = key
        }
        if let service = service {
            q[kSecAttrService] = service
        }
        return q
    }

    // A non-optional String bound to the optional parameter is never nil:
    // the query names one item.
    func delete(key: String) {
        SecItemDelete(query(key: key, service: "com.example.opt") as CFDictionary)
    }

    // A literal is not nil either.
    func deleteDefault() {
        SecItemDelete(query(key: "token", service: "com.example.opt") as CFDictionary)
    }

    // nil: the account is certainly missing.
    func deleteAll() {
        SecItemDelete(query(key: nil, service: "com.example.opt") as CFDictionary) // want `does not name one item \(no kSecAttrAccount\)`
    }

    // An optional argument may be nil, but it may also name the item (a
    // caller that always fills it): only an attribute absent on every path
    // is missing. When in doubt, stay silent.
    func delete(maybe: String?) {
        SecItemDelete(query(key: maybe, service: "com.example.opt") as CFDictionary)
    }
}
