// swift-tools-version:5.0
import PackageDescription

let package = Package(
    name: "Old",
    platforms: [.iOS(.v12), .macOS(.v10_13)],
    targets: [.target(name: "Old")]
)
