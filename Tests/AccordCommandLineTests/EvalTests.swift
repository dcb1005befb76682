import AccordCommandLine
import AccordReports
import Foundation
import Testing

/// `accord eval` on the bundled examples (golden files in testdata/eval-examples), its JSON against
/// docs/eval.schema.json, its usage errors and its CSV cells. Edge cases are goldens in testdata/eval.
struct EvalTests {
    static let root = ModelSchemaTests.root

    static func eval(_ arguments: [String]) -> CommandResult {
        run(Invocation(arguments: ["eval"] + arguments, workingDirectory: root.path))
    }

    /// Golden runs on the examples: name, then arguments after `accord eval`.
    static let exampleRuns: [(String, [String])] = [
        ("snee-downside", ["examples/snee/plan.accord", "--scenario", "downside"]),
        ("snee-plan-as-written", ["examples/snee"]),
        ("risk-share-all", ["examples/risk-share/plan.accord", "--scenario", "all"]),
        ("risk-share-all-markdown", ["examples/risk-share/plan.accord", "--scenario", "all", "--format", "markdown"]),
        ("risk-share-all-csv", ["examples/risk-share/plan.accord", "--scenario", "all", "--format", "csv"]),
        ("snee-downside-json", ["examples/snee/plan.accord", "--scenario", "downside", "--format", "json"]),
    ]

    @Test(arguments: exampleRuns.map(\.0))
    func exampleGolden(_ name: String) throws {
        let arguments = Self.exampleRuns.first { $0.0 == name }!.1
        let result = Self.eval(arguments)
        var actual = "$ accord eval \(arguments.joined(separator: " "))\n\(result.stdout)"
        if !result.stderr.isEmpty { actual += "--- stderr\n\(result.stderr)" }
        actual += "--- exit \(result.exitCode)\n"
        let expectedURL = GoldenTests.testdata.appendingPathComponent("eval-examples/\(name).expected")
        if ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: expectedURL, encoding: .utf8)),
                "golden mismatch for eval-examples/\(name); run ACCORD_UPDATE_GOLDEN=1 swift test and review the diff")
    }

    /// The brief's worked example (§3): £1.4m shortfall, ESNEFT capped at £600k.
    @Test func briefWorkedExample() {
        let result = Self.eval(["examples/risk-share/plan.accord", "--scenario", "known-outturn"])
        #expect(result.exitCode == 0)
        for line in ["ESNEFT    100%  £250,000.00", "IESCCG     50%  £375,000.00", "WSFT       50%  £200,000.00",
                     "£125,000.00 removed, shared in proportion to what each receiver bears (£675,000.00 between them)",
                     "IESCCG    £475,000.00 × £125,000.00 ÷ £675,000.00  £87,962.96  £562,962.96",
                     "WSFT      £200,000.00 × £125,000.00 ÷ £675,000.00  £37,037.04  £237,037.04",
                     "ESNEFT     £725,000.00  £600,000.00    £600,000.00  at its cap",
                     "IESCCG     £475,000.00                 £562,962.96",
                     "WSFT       £200,000.00                 £237,037.04",
                     "total    £1,400,000.00               £1,400,000.00"] {
            #expect(result.stdout.contains(line), "missing: \(line)")
        }
    }

    /// EXPECTED.md's downside scenario for the SNEE example.
    @Test func sneeDownside() {
        let result = Self.eval(["examples/snee/plan.accord", "--scenario", "downside"])
        #expect(result.exitCode == 0)
        for line in ["SE-05   £1,000,000.00  £300,000.00  30% of plan (SE-05's delivery)",
                     "Shortfall of £700,000.00", "ESNEFT    100%  £250,000.00",
                     "ESNEFT     50%  £225,000.00", "IESCCG     30%  £135,000.00", "NEECCG     20%   £90,000.00",
                     "ESNEFT £475,000.00 is over its cap of £400,000.00 by £75,000.00",
                     "ESNEFT   £475,000.00  £400,000.00  £400,000.00  at its cap",
                     "IESCCG   £135,000.00               £180,000.00",
                     "NEECCG    £90,000.00               £120,000.00",
                     "total    £700,000.00               £700,000.00"] {
            #expect(result.stdout.contains(line), "missing: \(line)")
        }
    }

    // MARK: JSON

    static let jsonRuns: [[String]] = [
        ["examples/snee/plan.accord", "--scenario", "downside"],
        ["examples/snee/plan.accord"],
        ["examples/risk-share/plan.accord", "--scenario", "all"],
        ["examples/minimal/plan.accord"],
    ] + GoldenTests.cases("eval").filter { !$0.hasPrefix("plan-errors") && !$0.hasPrefix("unknown") }.map {
        ["Tests/AccordCommandLineTests/testdata/eval/\($0)", "--scenario", "all"]
    }

    @Test(arguments: jsonRuns)
    func jsonValidatesAgainstItsSchema(_ arguments: [String]) throws {
        let scenarioAll = arguments.contains("all") && arguments.last == "all"
        let result = Self.eval(arguments + ["--format", "json"])
        // A plan with no scenario is a usage error under `--scenario all`; the plan as written then.
        let output = result.exitCode == 2 && scenarioAll ? Self.eval(Array(arguments.dropLast(2)) + ["--format", "json"]) : result
        #expect(output.exitCode == 0, "\(output.stderr)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accord-eval-\(UUID().uuidString).json")
        try output.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, messages) = try JSONSchemaValidator.validate(file.path, against: Self.root.appendingPathComponent("docs/eval.schema.json").path)
        #expect(status == 0, "\(arguments): \(messages)")

        // Shown parts add to the shown whole: partners and unallocated to the amount, schemes to
        // planned and delivered, a band's parts to what it holds, receivers to what a round removed.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        for evaluation in try #require(document["evaluations"] as? [[String: Any]]) {
            func pennies(_ value: Any?) -> Int { Int(((value as? String) ?? "x").replacingOccurrences(of: ".", with: "")) ?? Int.min }
            func sum(_ list: Any?, _ key: String) -> Int { ((list as? [[String: Any]]) ?? []).map { pennies($0[key]) }.reduce(0, +) }
            #expect(sum(evaluation["result"], "amount") + pennies(evaluation["unallocated"]) == pennies(evaluation["amount"]))
            #expect(sum(evaluation["result"], "amount") == pennies(evaluation["allocated"]))
            #expect(sum(evaluation["schemes"], "planned") == pennies(evaluation["planned"]))
            #expect(sum(evaluation["schemes"], "delivered") == pennies(evaluation["delivered"]))
            #expect(pennies(evaluation["delivered"]) - pennies(evaluation["planned"]) == pennies(evaluation["variance"]))
            for band in (evaluation["bands"] as? [[String: Any]]) ?? [] {
                #expect(sum(band["parts"], "amount") + pennies(band["notCovered"]) == pennies(band["inBand"]))
            }
            for round in (evaluation["capRounds"] as? [[String: Any]]) ?? [] {
                #expect(sum(round["receivers"], "receives") + pennies(round["unallocated"]) == pennies(round["removed"]))
                #expect(sum(round["capped"], "removed") == pennies(round["removed"]))
            }
        }
    }

    // MARK: Usage

    @Test func unknownScenarioIsAUsageErrorWithASuggestion() {
        let result = Self.eval(["examples/snee/plan.accord", "--scenario", "donwside"])
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "accord: unknown scenario `donwside` (did you mean `downside`?); declared: downside\n")
    }

    @Test func scenarioAllNeedsAScenario() {
        let result = Self.eval(["examples/minimal/plan.accord", "--scenario", "all"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("the plan declares no scenario"))
    }

    @Test func unknownFormatIsAUsageError() {
        let result = Self.eval(["examples/snee/plan.accord", "--format", "markdwon"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "accord: unknown --format `markdwon` (did you mean markdown?): use one of text, markdown, json, csv\n")
    }

    @Test func onePlanOnly() {
        #expect(Self.eval(["examples/snee", "examples/risk-share"]).exitCode == 2)
        #expect(Self.eval(["examples"]).stderr.contains("found 4 plans; name one of them"))
        #expect(Self.eval(["examples/nowhere.accord"]).exitCode == 2)
        #expect(Self.eval(["examples/snee", "--as-of", "2022-02-30"]).exitCode == 2)
    }

    @Test func listedInHelp() {
        #expect(run(arguments: ["--help"]).stdout.contains("  eval "))
        #expect(run(arguments: ["help", "eval"]).stdout.contains("--scenario NAME"))
    }

    // MARK: CSV cells

    @Test func csvCellsAreNeutralisedAndQuoted() {
        #expect(EvalCSV.text("ESNEFT") == "ESNEFT")
        #expect(EvalCSV.text("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(EvalCSV.text("+1") == "'+1")
        #expect(EvalCSV.text("-2") == "'-2")
        #expect(EvalCSV.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(EvalCSV.text("\tx") == "'\tx")
        #expect(EvalCSV.text("a,b") == "\"a,b\"")
        #expect(EvalCSV.text("line\nbreak") == "\"line\nbreak\"")
        #expect(EvalCSV.text("(plan as written)") == "(plan as written)")
    }
}
