import XCTest
import Security

final class TokenStoreTests: XCTestCase {
    override func setUp() {
        let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "fixture", kSecAttrAccount as String: "seed", kSecValueData as String: Data([1])]
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func testSeed() {
        XCTAssertNotNil(TokenStore.shared.seed())
    }
}
