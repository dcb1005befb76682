// swift-tools-version: 6.0
import PackageDescription

// One library per stage of the pipeline; dependencies point one way (see ARCHITECTURE.md).
let package = Package(
    name: "Accord",
    products: [
        .executable(name: "accord", targets: ["accord"]),
        .executable(name: "accord-gen", targets: ["accord-gen"]),
    ],
    targets: [
        .target(name: "AccordDiagnostics"),
        .target(name: "AccordSyntax", dependencies: ["AccordDiagnostics"]),
        .target(name: "AccordFormat", dependencies: ["AccordSyntax"]),
        .target(name: "AccordModel", dependencies: ["AccordDiagnostics", "AccordSyntax"]),
        .target(name: "AccordReports", dependencies: ["AccordDiagnostics", "AccordModel", "AccordSyntax"]),
        .target(name: "AccordLanguageServer", dependencies: ["AccordDiagnostics", "AccordSyntax", "AccordFormat", "AccordModel", "AccordReports"]),
        .target(name: "AccordCommandLine", dependencies: ["AccordDiagnostics", "AccordSyntax", "AccordFormat", "AccordModel", "AccordReports", "AccordLanguageServer"]),
        // A pre-commit hook starts `accord` for every commit: a release binary carries the Swift
        // runtime inside it rather than loading it (saves ~3 ms a run, docs/performance.md).
        .executableTarget(name: "accord", dependencies: ["AccordCommandLine"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]),
        // Generated plans for benchmarks and robustness tests (docs/performance.md); its seeded
        // generator is shared by the property tests.
        .target(name: "AccordPlanGenerator"),
        .executableTarget(name: "accord-gen", dependencies: ["AccordCommandLine", "AccordPlanGenerator"]),

        .testTarget(name: "AccordSyntaxTests", dependencies: ["AccordSyntax", "AccordPlanGenerator"]),
        .testTarget(name: "AccordFormatTests", dependencies: ["AccordDiagnostics", "AccordFormat", "AccordPlanGenerator", "AccordSyntax"], exclude: ["testdata"]),
        .testTarget(name: "AccordModelTests", dependencies: ["AccordDiagnostics", "AccordModel", "AccordPlanGenerator", "AccordSyntax"]),
        .testTarget(name: "AccordLanguageServerTests", dependencies: ["AccordLanguageServer", "AccordDiagnostics", "AccordModel", "AccordFormat", "AccordSyntax"], exclude: ["testdata"]),
        .testTarget(name: "AccordCommandLineTests", dependencies: ["AccordCommandLine", "AccordDiagnostics", "AccordReports"], exclude: ["testdata"]),
        .testTarget(name: "AccordRobustnessTests", dependencies: ["AccordDiagnostics", "AccordFormat", "AccordModel", "AccordPlanGenerator", "AccordReports", "AccordSyntax"]),
    ],
    swiftLanguageModes: [.v6]
)
