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
        .target(name: "AccordCommandLine", dependencies: ["AccordDiagnostics", "AccordSyntax", "AccordFormat"]),
        .executableTarget(name: "accord", dependencies: ["AccordCommandLine"]),

        .testTarget(name: "AccordSyntaxTests", dependencies: ["AccordSyntax"], exclude: ["testdata"]),
        .testTarget(name: "AccordFormatTests", dependencies: ["AccordFormat", "AccordSyntax"]),
        .testTarget(name: "AccordCommandLineTests", dependencies: ["AccordCommandLine"], exclude: ["testdata"]),
    ],
    swiftLanguageModes: [.v6]
)
