// swift-tools-version:6.0
import PackageDescription

// The module arrows (ARCHITECTURE.md draws them): the executable sees everything, CursesBackend is
// the only code that touches ncurses, BackpropUI never imports curses, BackpropCore imports
// Foundation only.
let package = Package(
    name: "backprop-tui",
    products: [
        .executable(name: "backprop-tui", targets: ["backprop-tui"]),
        .library(name: "BackpropCore", targets: ["BackpropCore"]),
        // For the benchmark package, which measures frame rendering like any other client.
        .library(name: "BackpropUI", targets: ["BackpropUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // The handwritten digits of the `digits` preset, compiled into the program (#embed).
        .target(name: "CDigits", exclude: ["digits.csv"]),
        .target(name: "BackpropCore", dependencies: ["CDigits"]),
        .target(name: "BackpropUI", dependencies: ["BackpropCore"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CTerminalGuard"),
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "CTerminalGuard", "BackpropUI"]),
        .executableTarget(
            name: "backprop-tui",
            dependencies: [
                "BackpropCore", "BackpropUI", "CursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures holds the numpy script that produced the reference numbers, not Swift.
        .testTarget(name: "BackpropCoreTests", dependencies: ["BackpropCore"], exclude: ["Fixtures"]),
        // Golden frames are read through #filePath, not as resources.
        .testTarget(name: "BackpropUITests", dependencies: ["BackpropUI", "BackpropCore"], exclude: ["Golden"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "BackpropUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["BackpropCore"]),
    ],
    swiftLanguageModes: [.v6]
)
