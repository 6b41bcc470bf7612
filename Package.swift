// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Styr",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "styr", targets: ["styr"]),
        .library(name: "StyrDomain", targets: ["StyrDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure domain: entities, value types and rules. No HTTP, no SQL.
        .target(name: "StyrDomain"),
        // Storage: database URL, connections, migrations and repositories for SQLite and PostgreSQL.
        .target(
            name: "StyrStorage",
            dependencies: [
                "StyrDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        // The UKE 2020 demo data set, transcribed from the seed documents.
        .target(name: "StyrDemo", dependencies: ["StyrDomain", "StyrStorage"]),
        // Report models and renderers (Markdown, HTML).
        .target(
            name: "StyrReports",
            dependencies: ["StyrDomain", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // HTTP: Hummingbird application and pages.
        .target(
            name: "StyrWeb",
            dependencies: [
                "StyrDomain", "StyrStorage", "StyrReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The `styr` command line: one file per subcommand.
        .target(
            name: "StyrCLI",
            dependencies: [
                "StyrDomain", "StyrStorage", "StyrDemo", "StyrReports", "StyrWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "styr", dependencies: ["StyrCLI"]),
        // Shared by the test targets: fresh databases on SQLite and PostgreSQL.
        .target(
            name: "StyrTestSupport",
            dependencies: [
                "StyrStorage", "StyrDemo", .product(name: "Logging", package: "swift-log"), .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/StyrTestSupport"
        ),
        .testTarget(name: "StyrDomainTests", dependencies: ["StyrDomain"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StyrStorageTests", dependencies: ["StyrStorage", "StyrDemo", "StyrDomain", "StyrTestSupport"]),
        .testTarget(
            name: "StyrReportsTests", dependencies: ["StyrReports", "StyrDomain", "StyrDemo", "StyrStorage", "StyrTestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "StyrCLITests",
            dependencies: ["StyrCLI", "StyrStorage", "StyrTestSupport", .product(name: "SQLKit", package: "sql-kit")]),
        .testTarget(
            name: "StyrWebTests",
            dependencies: [
                "StyrWeb", "StyrStorage", "StyrDemo", "StyrDomain", "StyrTestSupport", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Snapshots"]
        ),
    ]
)
