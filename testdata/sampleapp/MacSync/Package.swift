// swift-tools-version:5.9
import PackageDescription

// A module the sample app shares with its Mac app: it builds for macOS 12,
// so its adds can reach the macOS file keychain (filekeychain).
let package = Package(
    name: "MacSync",
    platforms: [.iOS(.v16), .macOS(.v12)],
    targets: [.target(name: "MacSync")]
)
