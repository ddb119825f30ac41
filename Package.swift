// swift-tools-version:6.0
// zwfw — 政务服务窗口工作台. No Swift package dependencies: Foundation and system C libraries only.
import PackageDescription

let package = Package(
  name: "zwfw",
  products: [
    .executable(name: "zwfw", targets: ["zwfw"]),
    .executable(name: "zwfw-bench", targets: ["zwfw-bench"]),
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      path: "Sources/CSQLite",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .systemLibrary(
      name: "CNcursesw",
      path: "Sources/CNcursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // Glossary.md names each regulation term's type and file (checked by GlossaryTests).
    .target(name: "Domain", path: "Sources/Domain", exclude: ["Glossary.md"]),
    .target(name: "Store", dependencies: ["Domain", "CSQLite"], path: "Sources/Store"),
    // The workstation: driver, widgets, panes and CLI. A library so the benchmark can render headless.
    .target(
      name: "TUI",
      dependencies: ["Domain", "Store", "CNcursesw"],
      path: "Sources/TUI",
      exclude: ["Main"]
    ),
    // The `zwfw` executable is only the entry point; everything lives in TUI.
    .executableTarget(name: "zwfw", dependencies: ["TUI"], path: "Sources/TUI/Main"),
    // The benchmark (issue 8): generates district-sized databases and measures the workstation.
    .executableTarget(
      name: "zwfw-bench", dependencies: ["TUI", "Store", "Domain", "CSQLite"], path: "Sources/Bench"
    ),
    // What several test targets share: the demo database built once per test process.
    .target(name: "TestSupport", dependencies: ["Store", "Domain"], path: "Tests/Support"),
    .testTarget(name: "DomainTests", dependencies: ["Domain"], path: "Tests/DomainTests"),
    .testTarget(
      name: "StoreTests", dependencies: ["Store", "Domain", "TestSupport"],
      path: "Tests/StoreTests",
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "TUITests",
      dependencies: ["TUI", "Store", "Domain", "CNcursesw", "TestSupport"],
      path: "Tests/TUITests",
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "EndToEndTests",
      // Store: the sync tests write case events the way the case features' commands will.
      dependencies: ["zwfw", "zwfw-bench", "Domain", "Store", "CSQLite", "TestSupport"],
      path: "Tests/EndToEndTests"
    ),
  ]
)
