import AccordCommandLine
import Foundation
import Testing

/// `accord summary` golden files: `testdata/summary/NAME.args` holds the arguments after
/// `accord summary`, run from the repository root (so the bundled examples are reachable), and
/// what it prints must equal `NAME.expected`. `ACCORD_UPDATE_GOLDEN=1 swift test` rewrites them.
struct SummaryTests {
    static let root = ModelSchemaTests.root
    static let folder = GoldenTests.testdata.appendingPathComponent("summary")
    static let hostile = "Tests/AccordCommandLineTests/testdata/summary/hostile.accord"

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".args") }.sorted()
    }

    static func summary(_ arguments: [String]) -> CommandResult {
        run(Invocation(arguments: ["summary"] + arguments, environment: [:], workingDirectory: root.path))
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let arguments = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let result = Self.summary(arguments)
        var actual = "$ accord summary \(arguments.joined(separator: " "))\n\(result.stdout)"
        if !result.stderr.isEmpty { actual += "--- stderr\n\(result.stderr)" }
        actual += "--- exit \(result.exitCode)\n"
        try GoldenTests.match(actual, Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".args", with: ".expected")), "summary/\(name)")
    }

    @Test func everyFormatHasAGoldenFileOnTheExample() {
        for format in ["text"] {
            #expect(Self.cases.contains { $0.hasPrefix("snee-\(format)") }, "no golden file for --format \(format) on examples/snee")
        }
    }

    @Test func textFitsOneHundredColumns() {
        for plan in ["examples/snee/plan.accord", "examples/minimal/plan.accord", Self.hostile] {
            let lines = Self.summary([plan]).stdout.split(separator: "\n")
            #expect(!lines.isEmpty)
            for line in lines { #expect(line.count <= 100, "\(plan): \(line)") }
        }
    }

    @Test func textShowsTheExpectedFigures() {
        let text = Self.summary(["examples/snee/plan.accord"]).stdout
        for figure in ["FY22/23      £3,700,000    £1,425,600                   £0  £5,125,600     £3,312,800",
                       "FY23/24      £3,800,000            £0             £800,000  £4,600,000     £3,225,000",
                       "5 schemes: 1 scoping, 2 delivery, 1 refresh, 1 closed.",
                       "SE-01   cash-releasing  £750,000    £700,000  -£50,000       -6.7%        £1,500,000",
                       "ESNEFT   FY23/24  £2,250,000     £1,725,000  £2,000,000   £275,000",
                       "SE-05.M2   Clinical decision support for referrals  2022-09-01    29"] {
            #expect(text.contains(figure), "missing: \(figure)")
        }
    }

    @Test func textNeverPassesControlCharactersToTheTerminal() {
        let text = Self.summary([Self.hostile]).stdout
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func usageErrors() {
        for (arguments, message) in [
            (["--format", "pdf", "examples/snee"], "unknown --format `pdf`"),
            (["--format", "csv", "examples/snee"], "give --table NAME"),
            (["--format", "csv", "--table", "nope", "examples/snee"], "unknown --table `nope`"),
            (["--table", "savings", "examples/snee"], "--table goes with --format csv"),
            (["--as-of", "2022-02-30", "examples/snee"], "--as-of takes a date"),
            (["no/such/plan.accord"], "no such file"),
            (["examples/snee", "examples/minimal"], "takes one plan"),
        ] {
            let result = Self.summary(arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test func planWithErrorsStillSummarisesAndExitsOne() {
        let plan = Array("plan \"Broken\" { years FY22/23; as-of 2022-09-30 }\nscheme S1 \"One\" { status nonsense }\n".utf8)
        let result = run(Invocation(arguments: ["summary", "-"], stdin: { plan }, environment: [:], workingDirectory: Self.root.path))
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("The plan has errors"))
    }

    @Test func outputFileIsWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accord-summary-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = Self.summary(["-o", path, "examples/snee/plan.accord"])
        #expect(result.exitCode == 0 && result.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.summary(["examples/snee/plan.accord"]).stdout)
    }
}
