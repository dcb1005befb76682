import AccordCommandLine
import AccordModel
import AccordReports
import Foundation
import Testing

/// `accord summary` golden files: `testdata/summary/NAME.args` holds the arguments after
/// `accord summary`, run from the repository root (so the bundled examples are reachable), and
/// what it prints must equal `NAME.expected`. `ACCORD_UPDATE_GOLDEN=1 swift test` rewrites them.
struct SummaryTests {
    static let root = ModelSchemaTests.root
    static let folder = GoldenTests.testdata.appendingPathComponent("summary")
    static let hostile = "Tests/AccordCommandLineTests/testdata/summary/hostile.accord"
    static let board = "Tests/AccordCommandLineTests/testdata/summary/board.accord"

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
        for format in ["text", "markdown", "json", "csv", "html"] {
            #expect(Self.cases.contains { $0.hasPrefix("snee-\(format)") }, "no golden file for --format \(format) on examples/snee")
        }
    }

    @Test func textFitsOneHundredColumns() {
        for plan in ["examples/snee/plan.accord", "examples/minimal/plan.accord", Self.hostile, Self.board] {
            let lines = Self.summary([plan]).stdout.split(separator: "\n")
            #expect(!lines.isEmpty)
            for line in lines { #expect(line.count <= 100, "\(plan): \(line)") }
        }
    }

    @Test func textShowsTheExpectedFigures() {
        let text = Self.summary(["examples/snee/plan.accord"]).stdout
        for figure in ["FY22/23      £3,700,000    £1,425,600                   £0       £5,125,600    £3,312,800",
                       "FY23/24      £3,800,000            £0             £800,000       £4,600,000    £3,225,000",
                       "5 schemes: 1 scoping, 2 delivery, 1 refresh, 1 closed.",
                       "SE-01   cash-releasing  £750,000    £700,000  -£50,000       -6.7%        £1,500,000",
                       "ESNEFT   FY23/24  £2,250,000     £1,725,000  £2,000,000   £275,000",
                       "SE-05.M2   Clinical decision support for referra…  2022-09-01         29"] {
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

    // MARK: Hostile plan text

    @Test func htmlEscapesEveryPieceOfPlanText() {
        let html = Self.summary(["--format", "html", Self.hostile]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for raw in ["<script", "<img", "<b>Board", "</svg><", "<!-- -->"] {
            #expect(!html.contains(raw), "unescaped \(raw)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // Self-contained: nothing fetched, nothing run.
        for reference in ["src=\"", "href=", "@import", "url(", "<link", "<iframe"] {
            #expect(!html.contains(reference), "external reference \(reference)")
        }
    }

    @Test func htmlDrawsEveryChart() {
        let html = Self.summary(["--format", "html", "examples/snee/plan.accord"]).stdout
        #expect(html.components(separatedBy: "<svg").count - 1 == 3 + 7, "three charts and seven sparklines")
        for caption in ["Savings by year and dimension", "Envelope coverage", "Milestone timeline"] { #expect(html.contains(caption)) }
    }

    @Test func markdownEscapesPlanText() throws {
        let markdown = Self.summary(["--format", "markdown", Self.hostile]).stdout
        #expect(!markdown.contains("<script") && !markdown.contains("<img"))
        #expect(markdown.contains("@&#8203;channel") && markdown.contains("@&#8203;board"))
        #expect(!markdown.contains("@channel") && !markdown.contains("@board"))
        // Every row of a table has as many unescaped `|` as its header: no cell broke out.
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = nil; continue }
            var pipes = 0, escaped = false, ticks = 0
            for character in line {
                if character == "|" && !escaped { pipes += 1 }
                if character == "`" && !escaped { ticks += 1 }
                escaped = character == "\\" && !escaped
            }
            #expect(ticks == 0, "unescaped backtick in \(line)")
            if let expected { #expect(pipes == expected, "\(line)") } else { expected = pipes }
        }
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| S-1 ") }
        #expect(rows.contains { $0.contains("=cmd\\|' /C calc'\\!A0 &lt;script&gt;") })
    }

    /// Cells of one CSV document, by RFC 4180.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, inQuotes = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if characters.first == "\"" { cell.unicodeScalars.append("\""); characters.removeFirst() } else { inQuotes = false }
                } else { cell.unicodeScalars.append(c) }
            } else if c == "\"" { inQuotes = true; quoted = true
            } else if c == "," { row.append(quoted ? "\"" + cell : cell); cell = ""; quoted = false
            } else if c == "\n" { row.append(quoted ? "\"" + cell : cell); rows.append(row); row = []; cell = ""; quoted = false
            } else { cell.unicodeScalars.append(c) }
        }
        return rows
    }

    @Test(arguments: ["schemes", "savings", "in-year", "partners", "milestones", "metrics", "people"])
    func csvNeutralisesFormulasAndKeepsNumbersNumeric(_ table: String) {
        for plan in [Self.hostile, "examples/snee/plan.accord"] {
            let result = Self.summary(["--format", "csv", "--table", table, plan])
            #expect(result.exitCode == 0)
            let rows = Self.parseCSV(result.stdout)
            #expect(rows.count >= 2, "\(table): a header and at least one row")
            for row in rows { #expect(row.count == rows[0].count, "\(table): \(row)") }
            for cell in rows.dropFirst().joined() {
                if cell.hasPrefix("\"") {
                    // Text: a leading formula character is always behind a quote mark.
                    let text = cell.dropFirst()
                    if let first = text.unicodeScalars.first(where: { $0 != " " }) {
                        #expect(!"=+-@\t\r".unicodeScalars.contains(first), "\(table): \(text)")
                    }
                } else {
                    // Unquoted: a plain number, an ISO date or month, a year, or empty.
                    #expect(cell.isEmpty || cell.wholeMatch(of: /-?[0-9]+(\.[0-9]{2})?|[0-9]{4}-[0-9]{2}(-[0-9]{2})?|FY[0-9]{2}\/[0-9]{2}/) != nil, "\(table): \(cell)")
                }
            }
        }
    }

    @Test func csvFormulaCellsOfTheHostilePlan() {
        let schemes = Self.summary(["--format", "csv", "--table", "schemes", Self.hostile]).stdout
        #expect(schemes.contains("\"'=cmd|' /C calc'!A0 <script>alert(1)</script>\""))
        let people = Self.summary(["--format", "csv", "--table", "people", Self.hostile]).stdout
        #expect(people.contains("\"'-2+3 <img src=x onerror=alert(1)>\""))
        let milestones = Self.summary(["--format", "csv", "--table", "milestones", Self.hostile]).stdout
        #expect(milestones.contains("\"'@channel please\tlook | here `now` \n -1\""))
        let metrics = Self.summary(["--format", "csv", "--table", "metrics", Self.hostile]).stdout
        #expect(metrics.contains("\"'\t=1+1 </svg><script>x</script>\""))
        // A shortfall stays a number a spreadsheet can add up.
        let partners = Self.summary(["--format", "csv", "--table", "partners", "examples/snee/plan.accord"]).stdout
        #expect(partners.contains("IESCCG\",FY22/23,885120.00,642560.00,500000.00,-142560.00,128.50,100.00,885120.00,642560.00"))
    }

    @Test func csvWithoutTableWritesEveryTableToAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-csv-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Self.summary(["--format", "csv", "-o", folder, "examples/snee/plan.accord"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        // Updates and risks only when the plan has them: examples/snee has neither.
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/risks.csv"))
        for table in SummaryTables.names where table != "updates" && table != "risks" {
            let written = try String(contentsOfFile: "\(folder)/\(table).csv", encoding: .utf8)
            #expect(written == Self.summary(["--format", "csv", "--table", table, "examples/snee/plan.accord"]).stdout)
        }
    }

    @Test(arguments: ["examples/snee/plan.accord", "examples/minimal/plan.accord", "examples/risk-share/plan.accord", hostile, board,
                      "Tests/AccordCommandLineTests/testdata/figures/costs.accord"])
    func jsonValidatesAgainstItsSchema(_ plan: String) throws {
        let result = Self.summary(["--format", "json", plan])
        #expect(result.exitCode == 0)
        let (status, messages) = try JSONSchemaValidator.validate(document: result.stdout, against: Self.root.appendingPathComponent("docs/summary.schema.json").path)
        #expect(status == 0, "\(plan): \(messages)")
    }

    @Test func jsonCarriesTheExpectedFigures() {
        let json = Self.summary(["--format", "json", "examples/snee/plan.accord"]).stdout
        for figure in ["\"total\": \"5125600.00\"", "\"total\": \"3312800.00\"", "\"gap\": \"275000.00\"", "\"nonRecurrent\": \"800000.00\"",
                       "\"variance\": \"-50000.00\"", "\"riskAdjusted\": \"1808960.00\""] {
            #expect(json.contains(figure), "missing \(figure)")
        }
    }

    @Test func extremeAmountsAndDatesStillRender() {
        let plan = Array("""
        plan "Extremes" { years FY22/23..FY23/24; as-of 2022-09-30 }
        partner A "A" { type provider }
        area planned "Planned"
        envelope A { FY22/23 £0.01 }
        scheme S1 "Huge" {
          area planned; level organisation; status scoping; lead A
          savings FY22/23 { cash-releasing £900bn }
          savings FY23/24 { cash-releasing £0.01 }
          milestone M1 "Long ago" { due 1990-01-01 }
        }

        """.utf8)
        for format in ["text", "markdown", "json", "html"] {
            let result = run(Invocation(arguments: ["summary", "--format", format, "-"], stdin: { plan }, environment: [:], workingDirectory: Self.root.path))
            #expect(result.exitCode == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains(format == "json" ? "900000000000.00" : "£900,000,000,000"), "\(format)")
        }
    }

    @Test func outputFileIsWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accord-summary-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = Self.summary(["-o", path, "examples/snee/plan.accord"])
        #expect(result.exitCode == 0 && result.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.summary(["examples/snee/plan.accord"]).stdout)
    }
}
