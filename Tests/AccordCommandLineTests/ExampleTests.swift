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

    /// examples/tracker/FIGURES.md works these out by hand; the summary must show the same.
    @Test func trackerGivesTheFiguresWorkedByHand() {
        let result = run(Invocation(arguments: ["summary", "examples/tracker"], workingDirectory: Self.root.path))
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        func shows(_ row: String) { #expect(lines.contains(row), "no line `\(row)` in the summary") }
        shows("TR-01 Outpatient follow-u… £1,200,000 £0 £0 £1,200,000 £150,000 £1,050,000 £1,200,000")
        shows("TR-02 Theatre productivity £600,000 £0 £0 £600,000 £50,000 £550,000 £300,000")
        shows("total FY22/23 £1,800,000 £0 £0 £1,800,000 £200,000 £1,600,000 £1,500,000")
        shows("TR-03 Community equipment £400,000 £0 £0 £400,000 £80,000 £320,000 £400,000")
        shows("total FY23/24 £2,700,000 £0 £0 £2,700,000 £110,000 £2,590,000 £2,300,000")
        shows("ESNEFT FY22/23 £400,000 £400,000 £50,000 £350,000 £300,000 -£50,000 116.7% 100%")
        shows("IESCCG FY22/23 £400,000 £400,000 £50,000 £350,000 £300,000 -£50,000 116.7% 100%")
        shows("WSFT FY22/23 £1,000,000 £700,000 £100,000 £900,000 £550,000 -£50,000 109.1% 100%")
        shows("ESNEFT FY23/24 £500,000 £500,000 £10,000 £490,000 £450,000 -£40,000 108.9% 100%")
        shows("IESCCG FY23/24 £900,000 £900,000 £90,000 £810,000 £800,000 -£10,000 101.2% 100%")
        shows("WSFT FY23/24 £1,300,000 £900,000 £10,000 £1,290,000 £850,000 -£40,000 104.7% 100%")
        shows("TR-01 cash-releasing £700,000 £710,000 £10,000 1.4% £1,205,000 £5,000")
        shows("TR-02 cash-releasing £240,000 £240,000 £0 0% £610,000 £10,000")
        shows("total £940,000 £950,000 £10,000 1.1% £1,815,000 £15,000")
        shows("TR-01 delivery 2022-10-20 11 no Two virtual clinics live; the third opens in November")
        shows("TR-02 delivery 2022-09-30 31 no Job plans agreed; list starts move from September")
        let register = lines.filter { $0.hasSuffix("open 2022-12-15") || $0.hasSuffix("open 2022-11-30") || $0.hasSuffix("closed 2022-09-30") }
        #expect(register == [
            "TR-02 R1 Anaesthetist vacancies 4 4 16 extreme bjones open 2022-12-15",
            "programme P1 System workforce gaps 3 5 15 extreme cwu open 2022-11-30",
            "TR-01 R1 Clinic rooms not freed for virt… 3 4 12 high asmith open 2022-11-30",
            "programme P2 Estates capital not confirmed 2 3 6 moderate asmith closed 2022-09-30",
        ])
        #expect(result.stdout.contains("The plan checks clean: no errors or warnings."))
    }
}
