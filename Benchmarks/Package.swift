// swift-tools-version:6.1
import PackageDescription

// A package of its own so that the main build never fetches or compiles the benchmark harness.
// It sees the app only through the BackpropCore library product, like any other client.
let package = Package(
    name: "backprop-tui-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "backprop-tui", path: ".."),
        // The harness counts mallocs through its interposer, which is what checks "the fast path
        // allocates nothing per step".
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The floor: the same maths as plain C with the seed's fixed sizes.
        .target(name: "CSeedLoop"),
        // The floor for a network, 2-16-16-1 on 256 samples, and the problem both sides
        // share (data and starting parameters from one generator).
        .target(name: "CNetworkLoop"),
        .target(
            name: "NetworkProblem",
            dependencies: ["CNetworkLoop", .product(name: "BackpropCore", package: "backprop-tui")]
        ),
        // The floor for the digits preset's 64-16-10 network, and the problem both sides share
        // (the preset's data, split, start and each epoch's order).
        .target(name: "CDigitsLoop"),
        .target(
            name: "DigitsProblem",
            dependencies: ["CDigitsLoop", .product(name: "BackpropCore", package: "backprop-tui")]
        ),
        .executableTarget(
            name: "SeedStep",
            dependencies: [
                "CSeedLoop",
                .product(name: "BackpropCore", package: "backprop-tui"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SeedStep",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Trainer.run(steps:) on the network beside its C floor.
        .executableTarget(
            name: "NetworkStep",
            dependencies: [
                "CNetworkLoop",
                "NetworkProblem",
                .product(name: "BackpropCore", package: "backprop-tui"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/NetworkStep",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Frame rendering, the cost curve, and training with the UI's observer.
        .executableTarget(
            name: "UIFrames",
            dependencies: [
                .product(name: "BackpropCore", package: "backprop-tui"),
                .product(name: "BackpropUI", package: "backprop-tui"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/UIFrames",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The same two loops without the harness, for profilers and a quick check.
        .executableTarget(
            name: "seed-steps",
            dependencies: ["CSeedLoop", .product(name: "BackpropCore", package: "backprop-tui")]
        ),
        // The network benchmark's loops without the harness.
        .executableTarget(
            name: "network-steps",
            dependencies: ["CNetworkLoop", "NetworkProblem", .product(name: "BackpropCore", package: "backprop-tui")]
        ),
        // Seconds per epoch on the digits preset, Swift beside its C floor (and numpy/digits_epochs.py).
        .executableTarget(
            name: "digits-epochs",
            dependencies: ["CDigitsLoop", "DigitsProblem", .product(name: "BackpropCore", package: "backprop-tui")]
        ),
        // Mini-batch steps against full-batch ones (per step and per sample).
        .executableTarget(
            name: "batch-steps",
            dependencies: ["NetworkProblem", .product(name: "BackpropCore", package: "backprop-tui")]
        ),
        // The interactive loop on the real clock with a screen that is no terminal: steps per
        // second at `max` and the loop's share of a key's latency, for any preset (networks too).
        .executableTarget(
            name: "loop-latency",
            dependencies: [
                .product(name: "BackpropCore", package: "backprop-tui"),
                .product(name: "BackpropUI", package: "backprop-tui"),
            ]
        ),
        // One frame's time while training runs (FrameRenderer.render of a state that moved on),
        // with any panes open: the landscape's budget.
        .executableTarget(
            name: "frame-time",
            dependencies: [
                .product(name: "BackpropCore", package: "backprop-tui"),
                .product(name: "BackpropUI", package: "backprop-tui"),
            ]
        ),
        // `DataTable.load(path:)` timed beside Python's csv module (see csv/).
        .executableTarget(
            name: "csv-load",
            dependencies: [.product(name: "BackpropCore", package: "backprop-tui")]
        ),
        .testTarget(
            name: "SeedLoopTests",
            dependencies: ["CSeedLoop", .product(name: "BackpropCore", package: "backprop-tui")]
        ),
        .testTarget(
            name: "DigitsLoopTests",
            dependencies: [
                "CDigitsLoop", "DigitsProblem", .product(name: "BackpropCore", package: "backprop-tui"),
            ]
        ),
        .testTarget(
            name: "NetworkLoopTests",
            dependencies: [
                "CNetworkLoop", "NetworkProblem", .product(name: "BackpropCore", package: "backprop-tui"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
