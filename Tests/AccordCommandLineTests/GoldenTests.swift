import AccordCommandLine
import Foundation
import Testing

/// Golden files: `testdata/COMMAND/NAME.accord` is run as `accord COMMAND NAME.accord` (plus the
/// options in `NAME.args`, if present) from its folder, and what it prints must equal
/// `NAME.expected`. Plans of several files are folders: `testdata/check-projects/NAME/` is run as
/// `accord check NAME` from `testdata/check-projects`, against `check-projects/NAME.expected`.
/// `ACCORD_UPDATE_GOLDEN=1 swift test` rewrites the expected files; review the change in the diff.
struct GoldenTests {
    static let testdata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("testdata")

    static func cases(_ command: String) -> [String] {
        let folder = testdata.appendingPathComponent(command)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".accord") }.sorted()
    }

    static func transcript(_ command: String, _ name: String) throws -> (actual: String, expectedURL: URL) {
        let folder = testdata.appendingPathComponent(command)
        let argsURL = folder.appendingPathComponent(name.replacingOccurrences(of: ".accord", with: ".args"))
        let extra = (try? String(contentsOf: argsURL, encoding: .utf8))?.split(whereSeparator: \.isWhitespace).map(String.init) ?? []
        let arguments = [command] + extra + [name]
        let result = run(Invocation(arguments: arguments, environment: [:], workingDirectory: folder.path))
        // SARIF names the folder it ran in (`originalUriBaseIds`): keep the goldens independent of the checkout's place.
        let stdout = result.stdout.replacingOccurrences(of: URL(fileURLWithPath: folder.path, isDirectory: true).absoluteString, with: "file:///TESTDATA/")
        var actual = "$ accord \(arguments.joined(separator: " "))\n\(stdout)"
        if !result.stderr.isEmpty { actual += "--- stderr\n\(result.stderr)" }
        actual += "--- exit \(result.exitCode)\n"
        return (actual, folder.appendingPathComponent(name.replacingOccurrences(of: ".accord", with: ".expected")))
    }

    static func compare(_ command: String, _ name: String) throws {
        let (actual, expectedURL) = try transcript(command, name)
        try match(actual, expectedURL, "\(command)/\(name)")
    }

    /// Compares `actual` with the golden file, or rewrites it under ACCORD_UPDATE_GOLDEN=1.
    static func match(_ actual: String, _ expectedURL: URL, _ label: String) throws {
        if ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "golden mismatch for \(label); run ACCORD_UPDATE_GOLDEN=1 swift test and review the diff")
    }

    @Test(arguments: cases("check"))
    func check(_ name: String) throws { try Self.compare("check", name) }

    /// `accord eval` on plans chosen for their working: cascading caps, gains, measure total, refusals.
    @Test(arguments: cases("eval"))
    func eval(_ name: String) throws { try Self.compare("eval", name) }

    /// The plans of issue 13 (`testdata/figures`), each through every output that shows its
    /// figures: check messages, summary and eval JSON, and the model.
    @Test(arguments: cases("figures"))
    func figures(_ name: String) throws {
        let folder = Self.testdata.appendingPathComponent("figures")
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let scenario = text.contains("\nscenario ") ? ["--scenario", "all"] : []
        var actual = ""
        for arguments in [["check", name], ["summary", "--format", "json", name], ["eval", "--format", "json"] + scenario + [name], ["model", name]] {
            let result = run(Invocation(arguments: arguments, environment: [:], workingDirectory: folder.path))
            actual += "$ accord \(arguments.joined(separator: " "))\n\(result.stdout)"
            if !result.stderr.isEmpty { actual += "--- stderr\n\(result.stderr)" }
            actual += "--- exit \(result.exitCode)\n"
        }
        try Self.match(actual, folder.appendingPathComponent(name.replacingOccurrences(of: ".accord", with: ".expected")), "figures/\(name)")
    }

    @Test func everySyntaxCodeHasAGoldenFile() {
        let names = Self.cases("check")
        for code in ["E101", "E102", "E103", "E104", "E105", "E106", "E107", "E109"] {
            #expect(names.contains { $0.hasPrefix(code) }, "no golden test for \(code)")
        }
    }

    // MARK: Plans of several files

    /// The folders of `testdata/FOLDER`, each one plan (or project) of several files.
    static func projects(_ folder: String) -> [String] {
        let base = testdata.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: base.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// `accord check NAME` on a folder of `testdata/check-projects`: includes, fragments, W415.
    @Test(arguments: projects("check-projects"))
    func checkProject(_ name: String) throws {
        try Self.compareProject("check-projects", name, arguments: ["check", name])
    }

    /// `accord diff [ARGS] NAME/old.accord NAME/new.accord` on a folder of `testdata/diff`, with the
    /// options in `NAME/args`, if present.
    @Test(arguments: projects("diff"))
    func diff(_ name: String) throws {
        let argsURL = Self.testdata.appendingPathComponent("diff/\(name)/args")
        let extra = (try? String(contentsOf: argsURL, encoding: .utf8))?.split(whereSeparator: \.isWhitespace).map(String.init) ?? []
        try Self.compareProject("diff", name, arguments: ["diff"] + extra + ["\(name)/old.accord", "\(name)/new.accord"])
    }

    /// Runs `accord ARGUMENTS` in `testdata/FOLDER` and compares the transcript with `FOLDER/NAME.expected`.
    static func compareProject(_ folderName: String, _ name: String, arguments: [String]) throws {
        let folder = testdata.appendingPathComponent(folderName)
        let result = run(Invocation(arguments: arguments, environment: [:], workingDirectory: folder.path))
        var actual = "$ accord \(arguments.joined(separator: " "))\n\(result.stdout)"
        if !result.stderr.isEmpty { actual += "--- stderr\n\(result.stderr)" }
        actual += "--- exit \(result.exitCode)\n"
        try Self.match(actual, folder.appendingPathComponent("\(name).expected"), "\(folderName)/\(name)")
    }

    /// Every check of brief §4 beyond the front end has a plan that triggers it.
    @Test func everyModelCodeHasAGoldenFile() {
        let names = Self.cases("check") + Self.projects("check-projects")
        let codes = ["E108", "E201", "E202", "E203", "E204", "E301", "E302", "E303", "E304"]
            + (401...409).map { "E\($0)" } + (401...415).map { "W\($0)" }
        for code in codes {
            #expect(names.contains { $0.hasPrefix(code) }, "no golden test for \(code)")
        }
    }
}
