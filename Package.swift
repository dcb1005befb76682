// swift-tools-version: 6.0
import PackageDescription

// A pre-commit hook starts `accord` for every commit. Release builds reach generic types'
// metadata through direct accessors rather than by demangling their names at first use, which
// cost ~2.5 M instructions (~15%) of checking a 500-line plan (docs/performance.md).
let startup: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

// One library per stage of the pipeline; dependencies point one way (see ARCHITECTURE.md).
let package = Package(
    name: "Accord",
    products: [
        .executable(name: "accord", targets: ["accord"]),
        .executable(name: "accord-gen", targets: ["accord-gen"]),
    ],
    targets: [
        .target(name: "AccordDiagnostics", swiftSettings: startup),
        .target(name: "AccordSyntax", dependencies: ["AccordDiagnostics"], swiftSettings: startup),
        .target(name: "AccordFormat", dependencies: ["AccordDiagnostics", "AccordSyntax"], swiftSettings: startup),
        // Exact numbers and the one showing layer: no dependencies, nothing about plans.
        .target(name: "AccordNumbers", swiftSettings: startup),
        // Sources and includes, names, the evaluator, the checked model and the figures it carries.
        .target(name: "AccordModel", dependencies: ["AccordDiagnostics", "AccordNumbers", "AccordSyntax"], swiftSettings: startup),
        // The checks over the finished model, and a plan checked end to end (`CheckedPlan`).
        .target(name: "AccordChecks", dependencies: ["AccordDiagnostics", "AccordModel", "AccordNumbers", "AccordSyntax"], swiftSettings: startup),
        // What the reports show: summary, diff and history figures, from checked plans.
        .target(name: "AccordFigures", dependencies: ["AccordChecks", "AccordDiagnostics", "AccordModel", "AccordNumbers", "AccordSyntax"], swiftSettings: startup),
        // CSV, zip, inflate and .xlsx read and written here (no packages), and the tracker import.
        .target(name: "AccordSpreadsheet", dependencies: ["AccordSyntax"], swiftSettings: startup),
        .target(name: "AccordReports", dependencies: ["AccordDiagnostics", "AccordModel", "AccordNumbers", "AccordChecks", "AccordFigures", "AccordSpreadsheet", "AccordSyntax"], swiftSettings: startup),
        .target(name: "AccordLanguageServer", dependencies: ["AccordDiagnostics", "AccordSyntax", "AccordFormat", "AccordModel", "AccordNumbers", "AccordChecks", "AccordFigures", "AccordReports"], swiftSettings: startup),
        .target(name: "AccordCommandLine", dependencies: ["AccordDiagnostics", "AccordSyntax", "AccordFormat", "AccordModel", "AccordNumbers", "AccordChecks", "AccordFigures", "AccordReports", "AccordLanguageServer", "AccordSpreadsheet"], swiftSettings: startup),
        // A pre-commit hook starts `accord` for every commit: a release binary carries the Swift
        // runtime inside it rather than loading it (saves ~3 ms a run, docs/performance.md).
        .executableTarget(name: "accord", dependencies: ["AccordCommandLine"], swiftSettings: startup,
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]),
        // Generated plans for benchmarks and robustness tests (docs/performance.md); its seeded
        // generator is shared by the property tests.
        .target(name: "AccordPlanGenerator"),
        .executableTarget(name: "accord-gen", dependencies: ["AccordCommandLine", "AccordChecks", "AccordModel", "AccordPlanGenerator"]),

        .testTarget(name: "AccordSyntaxTests", dependencies: ["AccordSyntax", "AccordPlanGenerator"]),
        .testTarget(name: "AccordFormatTests", dependencies: ["AccordDiagnostics", "AccordFormat", "AccordPlanGenerator", "AccordSyntax"], exclude: ["testdata"]),
        .testTarget(name: "AccordModelTests", dependencies: ["AccordDiagnostics", "AccordModel", "AccordNumbers", "AccordChecks", "AccordFigures", "AccordPlanGenerator", "AccordSyntax"]),
        .testTarget(name: "AccordLanguageServerTests", dependencies: ["AccordLanguageServer", "AccordDiagnostics", "AccordModel", "AccordNumbers", "AccordChecks", "AccordFigures", "AccordFormat", "AccordSyntax"], exclude: ["testdata"]),
        .testTarget(name: "AccordCommandLineTests", dependencies: ["AccordCommandLine", "AccordDiagnostics", "AccordModel", "AccordNumbers", "AccordChecks", "AccordFigures", "AccordReports", "AccordSpreadsheet"], exclude: ["testdata"]),
        .testTarget(name: "AccordSpreadsheetTests", dependencies: ["AccordSpreadsheet", "AccordPlanGenerator"], exclude: ["testdata"]),
        .testTarget(name: "AccordRobustnessTests", dependencies: ["AccordDiagnostics", "AccordFormat", "AccordModel", "AccordNumbers", "AccordChecks", "AccordFigures", "AccordPlanGenerator", "AccordReports", "AccordSyntax"]),
    ],
    swiftLanguageModes: [.v6]
)
