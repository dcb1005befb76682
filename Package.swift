// swift-tools-version: 6.0
import PackageDescription

// One library per stage of the pipeline; dependencies point one way (see ARCHITECTURE.md).
let package = Package(
    name: "Accord",
    products: [
        .executable(name: "accord", targets: ["accord"]),
    ],
    targets: [
        .target(name: "AccordDiagnostics"),
        .target(name: "AccordSyntax", dependencies: ["AccordDiagnostics"]),
        .target(name: "AccordFormat", dependencies: ["AccordSyntax"]),
        .target(name: "AccordModel", dependencies: ["AccordDiagnostics", "AccordSyntax"]),
        .target(name: "AccordReports", dependencies: ["AccordDiagnostics", "AccordModel", "AccordSyntax"]),
        .target(name: "AccordLanguageServer", dependencies: ["AccordDiagnostics", "AccordSyntax", "AccordFormat", "AccordModel", "AccordReports"]),
        .target(name: "AccordCommandLine", dependencies: ["AccordDiagnostics", "AccordSyntax", "AccordFormat", "AccordModel", "AccordReports", "AccordLanguageServer"]),
        .executableTarget(name: "accord", dependencies: ["AccordCommandLine"]),
        // Shared by the test targets only (seeded randomness for property tests).
        .target(name: "AccordTestSupport"),

        .testTarget(name: "AccordSyntaxTests", dependencies: ["AccordSyntax", "AccordTestSupport"]),
        .testTarget(name: "AccordFormatTests", dependencies: ["AccordDiagnostics", "AccordFormat", "AccordSyntax", "AccordTestSupport"], exclude: ["testdata"]),
        .testTarget(name: "AccordModelTests", dependencies: ["AccordDiagnostics", "AccordModel", "AccordSyntax", "AccordTestSupport"]),
        .testTarget(name: "AccordLanguageServerTests", dependencies: ["AccordLanguageServer", "AccordDiagnostics", "AccordModel", "AccordFormat", "AccordSyntax"], exclude: ["testdata"]),
        .testTarget(name: "AccordCommandLineTests", dependencies: ["AccordCommandLine", "AccordDiagnostics", "AccordReports"], exclude: ["testdata"]),
    ],
    swiftLanguageModes: [.v6]
)
