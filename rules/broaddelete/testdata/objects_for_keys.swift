import Foundation
import Security

// NSDictionary(objects:forKeys:) in Swift, like +dictionaryWithObjects:forKeys:
// in Objective-C: reported, no fix (the dictionary is not a literal).
func wipeWithObjectsForKeys() {
    let query = NSDictionary(objects: [kSecClassGenericPassword], forKeys: [kSecClass as NSString])
    SecItemDelete(query) // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords, and on macOS`
}
