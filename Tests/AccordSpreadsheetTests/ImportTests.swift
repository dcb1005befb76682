@testable import AccordSpreadsheet
import AccordSyntax
import Testing

struct ImportTests {
    static let today = LiteralText.Date(year: 2023, month: 9, day: 30)

    static func sheet(_ csv: String) throws -> Sheet { try CSVReader.read(Array(csv.utf8), sheetName: "tracker.csv") }

    static func files(_ csv: String, map: ImportMap? = nil) throws -> [String: String] {
        let output = try TrackerImport.run([try sheet(csv)], map: map, source: "tracker.csv", today: today)
        return Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, $0.text) })
    }

    @Test func moneyAsTrackersWriteIt() {
        let cases: [(Cell, String?)] = [(.text("£1.2m"), "1200000"), (.text("250k"), "250000"), (.text("(1,000)"), "-1000"), (.text("-£40,000.50"), "-40000.5"),
                                        (.text("£1.5bn"), "1500000000"), (.number("1234.5678"), "1234.57"), (.number("0.125"), "0.12"), (.number("0.135"), "0.14"),
                                        (.number("-2.005"), "-2"), (.number("99.995"), "100"), (.text(" 1 000 "), "1000")]
        for (cell, expected) in cases {
            guard case .value(let value) = CellValues.money(cell) else { Issue.record("\(cell) not read"); continue }
            #expect(value == expected, "\(cell)")
        }
        for cell in [Cell.text("n/a"), .text("1e5"), .date(year: 2023, month: 1, day: 1), .text("1.2.3")] {
            guard case .problem = CellValues.money(cell) else { Issue.record("\(cell) should not be read as money"); continue }
        }
        for cell in [Cell.empty, .text("-"), .text("  "), .text("£")] {
            guard case .none = CellValues.money(cell) else { Issue.record("\(cell) should be no value"); continue }
        }
    }

    @Test func datesAndYears() {
        let dates: [(Cell, String)] = [(.text("2023-04-12"), "2023-04-12"), (.text("12/04/2023"), "2023-04-12"), (.text("1/4/23"), "2023-04-01"),
                                       (.text("2023-04-12T00:00:00"), "2023-04-12"), (.date(year: 2024, month: 2, day: 29), "2024-02-29")]
        for (cell, iso) in dates {
            guard case .value(let date) = CellValues.date(cell) else { Issue.record("\(cell) not read"); continue }
            #expect(date.iso == iso)
        }
        for cell in [Cell.text("31/13/2023"), .text("2023-02-30"), .number("45000"), .date(year: 2023, month: 2, day: 29)] {
            guard case .problem = CellValues.date(cell) else { Issue.record("\(cell) should not be a date"); continue }
        }
        for (text, year) in [("FY23/24", 2023), ("2023/24", 2023), ("23-24", 2023), ("FY 2023/24", 2023), ("2023", 2023)] {
            guard case .value(let y) = CellValues.year(.text(text)) else { Issue.record("\(text) not read"); continue }
            #expect(y == year)
        }
        guard case .problem = CellValues.year(.text("FY23/25")) else { Issue.record("FY23/25 is not a year"); return }
    }

    @Test func headersAreGuessed() {
        let cases: [(String, ImportMap.Target?)] = [
            ("Scheme Ref.", .field(.ref)), ("SRO", .field(.sro)), ("RAG", .field(.confidence)), ("Lead organisation", .field(.lead)),
            ("FY23/24 CR", .savings(year: 2023, dimension: .cashReleasing)), ("2024/25 Productivity", .savings(year: 2024, dimension: .productivity)),
            ("FY23/24", .savings(year: 2023, dimension: .cashReleasing)), ("FY23/24 Actual", nil), ("Comments", nil),
            ("Milestone: Go live", .milestone(name: "M1", title: "Go live")),
        ]
        for (header, target) in cases { #expect(ImportHeaders.guess(header, milestoneNumber: 1) == target, "\(header)") }
    }

    @Test func namesFromTrackerText() {
        #expect(ImportNames.name("SE-05", prefix: "S") == "SE-05")
        #expect(ImportNames.name("A. Smith", prefix: "person") == "A-Smith")
        #expect(ImportNames.name("12 (b)", prefix: "S") == "S-12-b")
        #expect(ImportNames.name("£", prefix: "S") == "S")
        #expect(!ImportNames.isName("a--b") && !ImportNames.isName("a-") && !ImportNames.isName("1a") && ImportNames.isName("a_b-c"))
    }

    @Test func rowsOfOneSchemeMergeAndConflictsAreTODOs() throws {
        let files = try Self.files("""
            Scheme ref,Status,Year,CR
            S1,delivery,FY23/24,100
            S1,delivery,FY24/25,200
            S1,scoping,FY24/25,250

            """)
        let scheme = try #require(files["schemes/s1.accord"])
        #expect(scheme.contains("  status delivery\n  # TODO: sheet \"tracker.csv\" row 4 column B (Status) says `status scoping`, but sheet \"tracker.csv\" row 2 column B (Status) says `status delivery`; kept the first\n"))
        #expect(scheme.contains("savings FY23/24 {\n    cash-releasing £100\n  }"))
        #expect(scheme.contains("cash-releasing £200\n    # TODO: sheet \"tracker.csv\" row 4 column D (CR): £250 for cash-releasing, but sheet \"tracker.csv\" row 3 column D (CR) gave £200; kept the first\n"))
        #expect(files["plan.accord"]!.contains("years FY23/24..FY24/25\n  as-of 2023-09-30\n"))
    }

    @Test func aMapIsFollowedAndReportsWhatItCannotFind() throws {
        let map = try ImportMap.parse("ref \"Code\"\nsavings FY23/24 productivity \"Prod 23\"\nsro \"Owner\"\nplan-title \"Mine\"\n", file: "map")
        let output = try TrackerImport.run([try Self.sheet("Code,Prod 23,Notes\nX1,5k,hello\n")], map: map, source: "t.csv", today: Self.today)
        #expect(output.unmapped == ["sheet \"tracker.csv\" column C \"Notes\"", "map column \"Owner\": no sheet has this header"])
        #expect(output.files[1].text.contains("productivity £5000"))
        #expect(output.files[0].text.contains("plan \"Mine\" {"))
    }

    @Test func theExampleMapAndAGuessReadBack() throws {
        let example = try ImportMap.parse(ImportMap.example, file: "example")
        #expect(example.sheets == ["schemes", "scheme-savings"])
        #expect(try ImportMap.parse(example.text, file: "again") == example)
    }

    @Test func badMapLinesNameTheirLine() {
        #expect(throws: SpreadsheetError("m:2: unknown line `colour`; a map line starts with one of: sheet, header-row, plan-title, as-of, savings, milestone, ref, title, area, level, status, lead, partners, sro, confidence, recurrent, approved, year, cash-releasing, productivity, cost-growth-avoided")) {
            try ImportMap.parse("ref \"Ref\"\ncolour \"x\"\n", file: "m")
        }
        #expect(throws: SpreadsheetError("m:1: a quoted header is never closed (a `\"` is missing)")) { try ImportMap.parse("ref \"Ref\n", file: "m") }
        #expect(throws: SpreadsheetError.self) { try ImportMap.parse("title \"T\"\n", file: "m") }  // no ref
        #expect(throws: SpreadsheetError.self) { try ImportMap.parse("ref \"R\"\nsavings FY23/25 cash-releasing \"x\"\n", file: "m") }
    }

    @Test func aTrackerWithoutARefHeaderIsAClearError() {
        #expect(throws: SpreadsheetError.self) { try Self.files("Name,Amount\nx,1\n") }
    }
}

/// A tracker at the row limit, every row a new scheme, partner and SRO, imports in linear time.
@Test func aTrackerAtTheRowLimitImportsQuickly() throws {
    var csv = "Scheme ref,Lead,SRO,Year,CR\n"
    for n in 1..<SpreadsheetLimits.rows { csv += "S\(n),P\(n),Person \(n),FY23/24,\(n)k\n" }
    let clock = ContinuousClock()
    let started = clock.now
    let output = try TrackerImport.run([try ImportTests.sheet(csv)], map: nil, source: "big.csv", today: ImportTests.today)
    #expect(output.schemes == SpreadsheetLimits.rows - 1)
    #expect(output.files.count == SpreadsheetLimits.rows)
    #expect(clock.now - started < .seconds(60), "a 10,000-row import took \(clock.now - started)")
}

/// Line breaks and control characters in headers and cells never break a comment or a string.
@Test func controlCharactersStayOutOfComments() throws {
    let files = try ImportTests.files("\"Scheme\nref\",\"Sta\ttus\",Title\nS1,\"On\nhold\",\"a\u{7}b\nc\"\n")
    let scheme = try #require(files["schemes/s1.accord"])
    #expect(scheme.contains("scheme S1 \"a b\\nc\" {"))
    #expect(scheme.contains("  # TODO: sheet \"tracker.csv\" row 2 column B (Sta tus): \"On\\nhold\" is not a status"))
    #expect(!scheme.contains("\u{7}"))
}

/// An amount needs a year: from the row's year column, or from a `savings FY… DIMENSION` column.
@Test func amountsWithoutAYearAreTODOs() throws {
    let emptyYear = try ImportTests.files("Scheme ref,Year,CR\nS1,,5k\nS2,FY23/25,5k\n")
    #expect(emptyYear["schemes/s1.accord"]!.contains("# TODO: sheet \"tracker.csv\" row 2 column C (CR): an amount with no year in column B (Year)"))
    #expect(emptyYear["schemes/s2.accord"]!.contains("# TODO: sheet \"tracker.csv\" row 3 column B (Year): \"FY23/25\" is not a financial year (write FY23/24 or 2023/24), so sheet \"tracker.csv\" row 3 column C (CR) was not imported"))
    let noYearColumn = try ImportTests.files("Scheme ref,CR\nS1,5k\n")
    #expect(noYearColumn["schemes/s1.accord"]!.contains("an amount, but no column gives its year"))
}
