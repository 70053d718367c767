import PushKit

// No keychain token in this file: the scan parses it because it
// implements a background callback that calls keychain code.
final class PushDelegate: NSObject, PKPushRegistryDelegate {
    func pushRegistry(_ registry: PKPushRegistry, didReceiveIncomingPushWith payload: PKPushPayload, for type: PKPushType, completion: @escaping () -> Void) {
        _ = TokenStore.shared.token()
        _ = TokenStore.shared.seed()
        completion()
    }
}
