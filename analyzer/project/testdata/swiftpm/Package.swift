// swift-tools-version: 5.9
import PackageDescription

let package = Package(
    name: "Vault",
    platforms: [.iOS(.v15), .watchOS("8.0")],
    products: [.library(name: "Vault", targets: ["Vault"])],
    targets: [
        .target(name: "Vault", dependencies: [.target(name: "Custom", condition: .when(platforms: [.macOS]))]),
        .target(name: "Custom", path: "Lib/Custom", exclude: ["Old"]),
        .testTarget(name: "VaultTests", dependencies: ["Vault"]),
        .binaryTarget(name: "Blob", path: "Blob.xcframework"),
    ]
)
