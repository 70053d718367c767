// A helper adds kSecReturnData only when its optional parameter is not
// nil: a caller that passes nil gets no return key.
import Security

final class OptionalQueries {
    private func baseQuery(key: String, group: String?, returnData: Bool?) -> [CFString: Any] {
        var q: [CFString: Any] = [kSecClass: kSecClassGenericPassword, kSecAttrService: "com.example.opt", kSecAttrAccount: key]
        if group != nil {
            q[kSecAttrAccessGroup] = group
        }
        if returnData != nil {
            q[kSecReturnData] = returnData
        }
        return q
    }

    // nil: no kSecReturnData in the update query nor in the add.
    func write(key: String, group: String?, value: Data) {
        var q = baseQuery(key: key, group: group, returnData: nil)
        let status = SecItemUpdate(q as CFDictionary, [kSecValueData: value] as CFDictionary)
        if status == errSecItemNotFound {
            var add = q
            add[kSecValueData] = value
            SecItemAdd(add as CFDictionary, nil)
        }
    }

    private func touchQuery(key: String, group: String?, returnData: Bool?) -> [CFString: Any] {
        var q: [CFString: Any] = [kSecClass: kSecClassGenericPassword, kSecAttrService: "com.example.opt", kSecAttrAccount: key]
        if group != nil {
            q[kSecAttrAccessGroup] = group
        }
        if returnData != nil {
            q[kSecReturnData] = returnData // want `^kSecReturnData in the query of SecItemUpdate makes the update fail with errSecParam`
        }
        return q
    }

    // true: the update query carries kSecReturnData.
    func touch(key: String, value: Data) {
        let q = touchQuery(key: key, group: nil, returnData: true)
        SecItemUpdate(q as CFDictionary, [kSecValueData: value] as CFDictionary)
    }
}
