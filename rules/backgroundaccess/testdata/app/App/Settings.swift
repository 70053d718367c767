import UIKit

final class SettingsViewController: UIViewController {
    override func viewDidLoad() {
        super.viewDidLoad()
        // Foreground code: the profile's default protection is fine here.
        title = TokenStore.shared.profile() == nil ? "Sign in" : "Account"
    }
}
