import AccordCommandLine
import Foundation
import Testing

/// Every plan under examples/ checks, and gives exactly what its `check.expected` says;
/// every example is already in canonical layout. `ACCORD_UPDATE_GOLDEN=1` rewrites the files.
struct ExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var examples: [String] {
        let folder = root.appendingPathComponent("examples").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    @Test(arguments: examples)
    func checkGivesWhatTheExampleExpects(_ name: String) throws {
        let result = run(Invocation(arguments: ["check", "examples/\(name)"], workingDirectory: Self.root.path))
        #expect(result.exitCode == 0, "examples must check without errors")
        let transcript = result.stdout + (result.stderr.isEmpty ? "" : "--- stderr\n\(result.stderr)")
        let expectedURL = Self.root.appendingPathComponent("examples/\(name)/check.expected")
        if ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] == "1" {
            try transcript.write(to: expectedURL, atomically: true, encoding: .utf8)
        } else {
            #expect(transcript == (try String(contentsOf: expectedURL, encoding: .utf8)))
        }
    }

    @Test func examplesAreFormatted() {
        let result = run(Invocation(arguments: ["fmt", "--check", "examples"], workingDirectory: Self.root.path))
        #expect(result.exitCode == 0, "not in canonical layout: \(result.stdout)")
    }

    @Test func sneeGivesExactlyTheThreeExpectedWarnings() {
        let result = run(Invocation(arguments: ["check", "examples/snee/plan.accord"], workingDirectory: Self.root.path))
        #expect(result.exitCode == 0)
        let codes = result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), line.contains("]: ") else { return nil }
            return String(line[line.index(after: open)...].prefix(4))
        }
        #expect(codes == ["W401", "W402", "W410"])
        #expect(result.stdout.contains("ESNEFT FY23/24: attributed risk-adjusted savings £1,725,000 against an envelope of £2,000,000, short by £275,000"))
        #expect(result.stdout.contains("SE-05.M2 \"Clinical decision support for referrals\" due 2022-09-01, not done"))
        #expect(result.stdout.contains("SE-05.fu-f2f: actual 11400 at 2022-09 is worse than the trajectory's 11000 at 2022-09"))
    }
}
