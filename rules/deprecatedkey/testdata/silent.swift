import Foundation
import Security

// Deliberate choice: the rule follows dictionaries into SecItem calls and
// reports only there. A deprecated constant in a dictionary that never
// reaches a SecItem call (built and logged, stored, or passed to an API the
// analyzer does not follow) is silent; the compiler's own deprecation
// warning covers it, and reporting every mention would flag code that only
// compares or displays the constant.
func describeAccessibility() -> String {
    let unused: [String: Any] = [
        kSecAttrAccessible as String: kSecAttrAccessibleAlways,
        kSecUseOperationPrompt as String: "never sent",
    ]
    return String(describing: unused)
}

func isLegacy(_ value: CFString) -> Bool {
    return value == kSecAttrAccessibleAlwaysThisDeviceOnly
}
