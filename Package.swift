// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MutualAidLedger",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ledger", targets: ["ledger"]),
        .library(name: "LedgerCore", targets: ["LedgerCore"]),
        .library(name: "LedgerStore", targets: ["LedgerStore"]),
        .library(name: "LedgerKit", targets: ["LedgerKit"]),
        .library(name: "LedgerViews", targets: ["LedgerViews"]),
        .library(name: "LedgerWeb", targets: ["LedgerWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "LedgerCrypto", dependencies: ["COpenSSL"]),
        .target(name: "LedgerCore", dependencies: ["LedgerCrypto"]),
        // Starts programs with posix_spawn, for the tests and the benchmark (Foundation's `Process` can crash on Linux).
        .target(name: "ChildProcess"),
        .target(
            name: "LedgerStore",
            dependencies: ["LedgerCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .target(
            name: "LedgerServer",
            dependencies: ["LedgerCore", "LedgerStore", "LedgerCrypto"]
        ),
        // The application: verifying files, audits, receipts, spreadsheets, keys, the remote client and the mirror, the demo.
        .target(
            name: "LedgerKit",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerCrypto",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Every form the ledger is shown or written in for people: tables, pages, the notice, reports, exports.
        .target(name: "LedgerViews", dependencies: ["LedgerCore", "LedgerKit"]),
        // The site: the member pages on the JSON API, and the one application `ledger serve` runs.
        .target(
            name: "LedgerWeb",
            dependencies: [
                "LedgerCore", "LedgerCrypto", "LedgerStore", "LedgerKit", "LedgerViews", "LedgerServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            // The browser's modules, compiled into the binary (no files to install beside it) and served under
            // /assets/ (SiteAssets); Tests/Browser checks them in Chromium.
            resources: ["canonical.js", "merkle.js", "note.js", "pins.js", "member.js", "pem.js", "keyring.js", "chain.js", "api.js", "forms.js", "words.js", "desk.js"].map { .embedInCode("Assets/\($0)") }
        ),
        .executableTarget(
            name: "ledger",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerCrypto", "LedgerKit", "LedgerViews", "LedgerWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ledger-bench",
            dependencies: [
                "LedgerCore", "LedgerStore", "LedgerCrypto", "ChildProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "ledger-serve-bench",
            dependencies: ["LedgerCore", "LedgerStore", "LedgerCrypto", "LedgerServer", "LedgerWeb"]
        ),
        .target(name: "LedgerTesting", dependencies: ["LedgerCore", "LedgerCrypto", "LedgerStore", "ChildProcess"], path: "Tests/LedgerTesting"),
        .testTarget(
            name: "LedgerCryptoTests",
            dependencies: ["LedgerCrypto", "LedgerTesting"],
            resources: [.copy("Vectors")]
        ),
        .testTarget(
            name: "LedgerCoreTests",
            dependencies: ["LedgerCore", "LedgerCrypto", "LedgerTesting"],
            resources: [.copy("Vectors")]
        ),
        .testTarget(
            name: "LedgerStoreTests",
            dependencies: ["LedgerStore", "LedgerCore", "LedgerTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "LedgerProofTests",
            dependencies: ["LedgerCore", "LedgerCrypto", "LedgerStore", "LedgerTesting", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Vectors")]
        ),
        .testTarget(
            name: "LedgerKitTests",
            dependencies: [
                "LedgerKit", "LedgerWeb", "LedgerServer", "LedgerCore", "LedgerCrypto", "LedgerStore", "LedgerTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "LedgerViewsTests",
            dependencies: ["LedgerViews", "LedgerKit", "LedgerCore", "LedgerStore", "LedgerTesting"]
        ),
        .testTarget(
            name: "LedgerServerTests",
            dependencies: ["LedgerServer", "LedgerCore", "LedgerCrypto", "LedgerStore", "LedgerTesting"]
        ),
        .testTarget(
            name: "LedgerWebTests",
            dependencies: [
                "LedgerWeb", "LedgerServer", "LedgerCore", "LedgerStore", "LedgerTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The command line as people use it: the binary, started as a child process.
        .testTarget(
            name: "LedgerCLITests",
            dependencies: ["ledger", "LedgerCore", "LedgerCrypto", "LedgerStore", "LedgerTesting"]
        ),
        .testTarget(
            name: "LedgerRobustnessTests",
            dependencies: ["ledger", "LedgerCore", "LedgerCrypto", "LedgerStore", "LedgerTesting"]
        ),
    ]
)
