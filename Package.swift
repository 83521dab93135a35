// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Waymark",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
        .library(name: "WaymarkSite", targets: ["WaymarkSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "WaymarkCore"),
        .target(name: "WaymarkMarkdown", dependencies: ["CCmark", "WaymarkCore"]),
        .target(name: "WaymarkSearch", dependencies: ["WaymarkCore"]),
        .target(name: "WaymarkTheme"),
        .target(name: "WaymarkTemplate", dependencies: ["WaymarkCore"]),
        .target(name: "WaymarkContent", dependencies: [
            "WaymarkCore", "WaymarkMarkdown", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "WaymarkData", dependencies: [
            "WaymarkCore", "WaymarkContent", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "WaymarkSite", dependencies: [
            "WaymarkCore", "WaymarkMarkdown", "WaymarkContent", "WaymarkData", "WaymarkSearch", "WaymarkTheme",
            "WaymarkTemplate", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "WaymarkServer", dependencies: [
            "WaymarkCore", "WaymarkSite",
            .product(name: "FlyingFox", package: "FlyingFox"),
            .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        .target(name: "WaymarkCheck", dependencies: [
            "WaymarkCore", "WaymarkMarkdown", "WaymarkContent", "WaymarkData", "WaymarkSite",
        ]),
        .target(name: "WaymarkScaffold", dependencies: ["WaymarkCore", "WaymarkContent"]),
        .target(name: "WaymarkCLI", dependencies: [
            "WaymarkCore", "WaymarkSite", "WaymarkServer", "WaymarkCheck", "WaymarkScaffold",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Release builds go through scripts/build-release (or scripts/package), which link in the
        // Swift runtime and jemalloc: linker inputs from the command line, not settings here.
        .executableTarget(name: "waymark", dependencies: ["WaymarkCLI"]),
        .target(name: "WaymarkFuzz"),
        .executableTarget(name: "waymark-fuzz", dependencies: ["WaymarkFuzz"]),
        .testTarget(name: "WaymarkCoreTests", dependencies: ["WaymarkCore"]),
        .testTarget(name: "WaymarkMarkdownTests", dependencies: ["WaymarkMarkdown"]),
        .testTarget(name: "WaymarkContentTests", dependencies: ["WaymarkContent", "WaymarkFuzz", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "WaymarkDataTests", dependencies: ["WaymarkData"]),
        .testTarget(name: "WaymarkTemplateTests", dependencies: [
            "WaymarkTemplate", "WaymarkTheme", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "WaymarkSearchTests", dependencies: ["WaymarkSearch"], exclude: ["Fixtures"]),
        .testTarget(
            name: "WaymarkCheckTests",
            dependencies: ["WaymarkCheck", "WaymarkSite", "WaymarkCLI", "waymark",
                           .product(name: "FlyingFox", package: "FlyingFox")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "WaymarkScaffoldTests", dependencies: [
            "WaymarkScaffold", "WaymarkCore", "WaymarkContent", "WaymarkData", "WaymarkSite", "WaymarkCheck", "WaymarkCLI", "waymark",
        ]),
        .testTarget(name: "WaymarkServerTests", dependencies: ["WaymarkServer", "WaymarkSite", "waymark"]),
        .testTarget(
            name: "WaymarkSiteTests",
            dependencies: ["WaymarkSite", "WaymarkTheme", "WaymarkCLI", "waymark", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "WaymarkFuzzTests", dependencies: ["WaymarkFuzz", "waymark"], exclude: ["Fixtures"]),
    ]
)

// Release builds let each module inline its callers' generic and small functions from the
// modules it uses (cross-module optimisation): the build pipeline crosses seven modules per
// page, and the measured 10,000-page build is about 8% faster with it (BENCHMARKS.md).
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
    ]
}
