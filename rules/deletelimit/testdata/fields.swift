import Foundation
import Security

// A nil that travels through a member of a Swift struct and through a
// parameter captured by a nested function (the shape of a deleteAll that
// calls performDelete(clearKey: true), whose nested function clears the
// account before building the query).

struct FieldParams {
    var key: String?
    var service: String?
    var sync: Bool?

    mutating func restore() { key = "restored" }
}

final class FieldParamsBox {
    var key: String?
    var service: String?
}

final class ClearingStore {
    private func baseQuery(from params: FieldParams) -> [CFString: Any] {
        var query: [CFString: Any] = [kSecClass: kSecClassGenericPassword]
        if let account = params.key {
            query[kSecAttrAccount] = account
        }
        if let service = params.service {
            query[kSecAttrService] = service
        }
        return query
    }

    func deleteAll(params: FieldParams) -> OSStatus {
        return performDelete(params: params, clearKey: true)
    }

    // The same helper deletes one item here (the key is kept): that call
    // alone would be silent.
    func delete(params: FieldParams) -> OSStatus {
        return performDelete(params: params, clearKey: false)
    }

    private func performDelete(params: FieldParams, clearKey: Bool) -> OSStatus {
        func deleteFromKeychain(synchronizable: Bool?) -> OSStatus {
            var modifiedParams = params
            if clearKey {
                modifiedParams.key = nil
            }
            modifiedParams.sync = synchronizable
            let query = baseQuery(from: modifiedParams)
            return SecItemDelete(query as CFDictionary) // want `this SecItemDelete query for generic passwords does not name one item \(no kSecAttrAccount\) and has no kSecMatchLimit`
        }
        let a = deleteFromKeychain(synchronizable: true)
        let b = deleteFromKeychain(synchronizable: false)
        return a == errSecSuccess ? a : b
    }

    // The struct member alone, without a nested function.
    func wipeService(params: FieldParams) {
        var all = params
        all.key = nil
        SecItemDelete(baseQuery(from: all) as CFDictionary) // want `does not name one item \(no kSecAttrAccount\)`
    }

    // Negatives.

    // Only one item: the key is never cleared.
    func deleteOne(params: FieldParams) -> OSStatus {
        func deleteFromKeychain() -> OSStatus {
            var modifiedParams = params
            modifiedParams.sync = nil
            return SecItemDelete(baseQuery(from: modifiedParams) as CFDictionary)
        }
        return deleteFromKeychain()
    }

    // The key is set from an optional the caller may always fill.
    func deleteMaybe(params: FieldParams, account: String?) {
        var copy = params
        copy.key = account
        SecItemDelete(baseQuery(from: copy) as CFDictionary)
    }

    // Cleared on some paths only.
    func deleteSometimes(params: FieldParams, all: Bool) {
        var copy = params
        if all {
            copy.key = nil
        }
        SecItemDelete(baseQuery(from: copy) as CFDictionary)
    }

    // A mutating method may set the member again.
    func deleteRestored(params: FieldParams) {
        var copy = params
        copy.key = nil
        copy.restore()
        SecItemDelete(baseQuery(from: copy) as CFDictionary)
    }

    // Assigned again from the original.
    func deleteReassigned(params: FieldParams) {
        var copy = params
        copy.key = nil
        copy = params
        SecItemDelete(baseQuery(from: copy) as CFDictionary)
    }
}

// A class instance aliases: `var copy = box` is the same object, which
// other code may change; the engine does not track its members.
final class BoxStore {
    private func baseQuery(from box: FieldParamsBox) -> [CFString: Any] {
        var query: [CFString: Any] = [kSecClass: kSecClassGenericPassword]
        if let account = box.key {
            query[kSecAttrAccount] = account
        }
        if let service = box.service {
            query[kSecAttrService] = service
        }
        return query
    }

    func deleteAll(box: FieldParamsBox) {
        performDelete(box: box, clearKey: true)
    }

    private func performDelete(box: FieldParamsBox, clearKey: Bool) {
        func deleteFromKeychain() {
            let copy = box
            if clearKey {
                copy.key = nil
            }
            SecItemDelete(baseQuery(from: copy) as CFDictionary)
        }
        deleteFromKeychain()
    }
}

struct FieldOuter {
    var key: String?
    var names: [String] = []
}

final class NestedMemberStore {
    private func query(from params: FieldOuter) -> [CFString: Any] {
        var query: [CFString: Any] = [kSecClass: kSecClassGenericPassword, kSecAttrService: "svc"]
        if let account = params.key {
            query[kSecAttrAccount] = account
        }
        return query
    }

    // The member is cleared; a change to another member (names) leaves
    // it cleared.
    func wipe(params: FieldOuter) {
        var copy = params
        copy.key = nil
        copy.names.append("x")
        SecItemDelete(query(from: copy) as CFDictionary) // want `does not name one item \(no kSecAttrAccount\)`
    }
}

// A struct and a class of the same name (two modules): a variable of
// that type may be a class instance, whose members the engine does not
// track.
struct FieldTwin {
    var key: String?
}

final class FieldTwinStore {
    private func query(from params: FieldTwin) -> [CFString: Any] {
        var query: [CFString: Any] = [kSecClass: kSecClassGenericPassword, kSecAttrService: "svc"]
        if let account = params.key {
            query[kSecAttrAccount] = account
        }
        return query
    }

    func wipe(params: FieldTwin) {
        var copy = params
        copy.key = nil
        SecItemDelete(query(from: copy) as CFDictionary)
    }
}
