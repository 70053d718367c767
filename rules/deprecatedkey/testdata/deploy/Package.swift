// swift-tools-version:5.9
import PackageDescription

// An iOS 9 / macOS 10.10 package: the replacement of kSecUseOperationPrompt
// (iOS 11, macOS 10.13) cannot be used unconditionally.
let package = Package(
    name: "Lib",
    platforms: [.iOS(.v9), .macOS(.v10_10)],
    targets: [.target(name: "Lib")]
)
