import WidgetKit
import Security

struct BalanceEntry: TimelineEntry {
    let date: Date
}

func saveBalance(_ data: Data) {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "widget", kSecAttrAccount as String: "balance", kSecAttrAccessible as String: kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly, kSecValueData as String: data]
    SecItemAdd(attrs as CFDictionary, nil)
}

struct Provider: TimelineProvider {
    func placeholder(in context: Context) -> BalanceEntry { BalanceEntry(date: Date()) }

    func getSnapshot(in context: Context, completion: @escaping (BalanceEntry) -> Void) {
        completion(BalanceEntry(date: Date()))
    }

    func getTimeline(in context: Context, completion: @escaping (Timeline<BalanceEntry>) -> Void) {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "widget", kSecAttrAccount as String: "balance", kSecReturnData as String: true]
        SecItemCopyMatching(query as CFDictionary, nil) // want `this read runs in a WidgetKit timeline provider, while the device may be locked, and the item is added with kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly,`
        completion(Timeline(entries: [BalanceEntry(date: Date())], policy: .atEnd))
    }
}

// Not a timeline provider: an ordinary method of the same name.
struct Preview {
    func getTimeline(in context: Int, completion: @escaping (Int) -> Void) {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "widget", kSecAttrAccount as String: "balance", kSecReturnData as String: true]
        SecItemCopyMatching(query as CFDictionary, nil)
        completion(0)
    }
}

#if os(macOS)
// A Mac widget: the Mac's keychain does not lock items away.
struct MacProvider: TimelineProvider {
    func getTimeline(in context: Context, completion: @escaping (Timeline<BalanceEntry>) -> Void) {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "widget", kSecAttrAccount as String: "balance", kSecReturnData as String: true]
        SecItemCopyMatching(query as CFDictionary, nil)
    }
}
#endif
