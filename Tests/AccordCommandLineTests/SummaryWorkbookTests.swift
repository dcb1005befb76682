import AccordChecks
import AccordCommandLine
import AccordFigures
import AccordModel
import AccordReports
import AccordSpreadsheet
import Foundation
import Testing

/// `accord summary --format xlsx`: the workbook read back by our reader and, converted headless
/// by LibreOffice, as a spreadsheet shows it. .ci/run installs LibreOffice; with `CI` set a
/// missing `soffice` fails the test, without it the LibreOffice test is skipped.
struct SummaryWorkbookTests {
    static let root = ModelSchemaTests.root

    /// The example's summary, as `accord summary` computes it (files named as it names them).
    static func summary(_ example: String) throws -> ProgrammeSummary {
        let folder = root.appendingPathComponent("examples/\(example)")
        var files: [String: String] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] where path.hasSuffix(".accord") {
            files["/plan/\(path)"] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        let sources = PlanLoader.load(root: "/plan/plan.accord", shownAs: "examples/\(example)/plan.accord", access: MemoryFileAccess(files: files))
        return ProgrammeSummary(PlanCheck.run(sources, today: AccordModel.Date(year: 2022, month: 9, day: 30)))
    }

    static func workbook(_ example: String, in work: URL) -> URL {
        let file = work.appendingPathComponent("\(example).xlsx")
        let result = run(Invocation(arguments: ["summary", "--format", "xlsx", "-o", file.path, "examples/\(example)"], workingDirectory: root.path))
        #expect(result.stderr.isEmpty && result.stdout.isEmpty)
        return file
    }

    /// What our reader should find in a cell: the exact decimal text, a date, or the text.
    static func expected(_ cell: SummaryCell) -> Cell {
        switch cell {
        case .text(let t): .text(t)
        case .money(let x), .change(let x): .number(DecimalText.plain(x.decimalString(places: 2))!)
        case .percent(let x): .number(DecimalText.plain(x.decimalString(places: 3))!)
        case .number(let x): .number(DecimalText.plain(x.decimalString(places: 2))!)
        case .count(let n): .number(String(n))
        case .date(let d): .date(year: d.year, month: d.month, day: d.day)
        case .month(let m): .date(year: m.year, month: m.month, day: 1)
        case .year: .text(cell.display)
        case .none: .empty
        }
    }

    @Test(arguments: ImportTests.examples)
    func everyTableIsASheetWithItsExactFigures(_ example: String) throws {
        let work = try ImportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let sheets = try XLSXReader.read(Array(try Data(contentsOf: Self.workbook(example, in: work))))
        let summary = try Self.summary(example)
        #expect(sheets.map(\.name) == SummaryTables.names(of: summary))
        for (sheet, name) in zip(sheets, SummaryTables.names(of: summary)) {
            let table = try #require(SummaryTables.table(name, of: summary))
            #expect(sheet.rows.first?.cells == table.columns.map { .text($0.header) }, "\(name) headers")
            let rows = sheet.rows.dropFirst().map { row in row.cells + Array(repeating: Cell.empty, count: max(0, table.columns.count - row.cells.count)) }
            #expect(rows == table.rows.map { $0.map(Self.expected) }, "\(example) \(name)")
        }
    }

    @Test func xlsxNeedsAFile() {
        let result = run(Invocation(arguments: ["summary", "--format", "xlsx", "examples/minimal"], workingDirectory: Self.root.path))
        #expect(result.exitCode == 2)
        #expect(result.stderr == "accord: --format xlsx writes a workbook: give -o FILE.xlsx\n")
    }

    @Test func formulaLikeTextStaysText() throws {
        let work = try ImportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("hostile.xlsx")
        _ = run(Invocation(arguments: ["summary", "--format", "xlsx", "-o", file.path, SummaryTests.hostile], workingDirectory: Self.root.path))
        let titles = try XLSXReader.read(Array(try Data(contentsOf: file)))[0].rows.dropFirst().map { $0[1] }
        #expect(titles.contains { if case .text(let t) = $0 { t.hasPrefix("=") || t.hasPrefix("+") || t.hasPrefix("-") || t.hasPrefix("@") } else { false } },
                "the hostile plan should have a title a spreadsheet would run")
        let xml = String(decoding: try ZipArchive(Array(try Data(contentsOf: file))).read("xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(!xml.contains("<f>"))
    }
}

/// LibreOffice, headless, when installed.
enum LibreOffice {
    static let path: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    static let wanted = path != nil || ProcessInfo.processInfo.environment["CI"] != nil

    /// Runs `soffice --headless` with its own profile (so parallel runs do not collide).
    static func run(_ arguments: [String], in folder: URL) throws {
        guard let path else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "CI is set but soffice is not installed"]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}

struct LibreOfficeTests {
    /// Every sheet of every example's workbook, converted to CSV by LibreOffice as it shows the
    /// cells, reads exactly as the summary's figures in the workbook's formats.
    @Test(.enabled(if: LibreOffice.wanted)) func libreOfficeShowsTheSummaryFigures() throws {
        let work = try ImportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for example in ImportTests.examples {
            let workbook = SummaryWorkbookTests.workbook(example, in: work)
            // Token 9 (true): cells as shown; token 12 (-1): every sheet to its own file.
            try LibreOffice.run(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1",
                                 "--outdir", work.appendingPathComponent("csv").path, workbook.path], in: work)
            let summary = try SummaryWorkbookTests.summary(example)
            for name in SummaryTables.names(of: summary) {
                let file = work.appendingPathComponent("csv/\(example)-\(name).csv")
                let bytes = try #require(FileManager.default.contents(atPath: file.path), "LibreOffice did not write \(file.lastPathComponent)")
                let rows = try CSVReader.read(Array(bytes), sheetName: name).rows.map { row in
                    row.cells.map { cell -> String in if case .text(let t) = cell { t } else { "" } }
                }
                let table = try #require(SummaryTables.table(name, of: summary))
                let expected = [table.columns.map(\.header)] + table.rows.map { $0.map(\.shownInSpreadsheet) }
                #expect(rows == expected, "\(example) \(name): LibreOffice shows other values")
            }
        }
    }

    /// An .xlsx that LibreOffice writes from the CSV tracker imports to the same plan as the
    /// copy of it kept in testdata/import.
    @Test(.enabled(if: LibreOffice.wanted)) func anXLSXLibreOfficeWritesImports() throws {
        let work = try ImportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: ImportTests.folder.appendingPathComponent("tracker.csv"), to: work.appendingPathComponent("tracker.csv"))
        // Comma-separated, UTF-8 (76), English (UK) numbers and dates (2057).
        try LibreOffice.run(["--infilter=CSV:44,34,76,1,,2057,false,true", "--convert-to", "xlsx", "tracker.csv"], in: work)
        try FileManager.default.copyItem(at: ImportTests.folder.appendingPathComponent("tracker-libreoffice.xlsx"), to: work.appendingPathComponent("kept.xlsx"))
        let fresh = ImportTests.accord(["import", "tracker.xlsx", "--out", "fresh"], in: work)
        let kept = ImportTests.accord(["import", "kept.xlsx", "--out", "kept"], in: work)
        #expect(fresh.stdout.contains("wrote fresh/plan.accord and 4 schemes"), "\(fresh.stdout)\(fresh.stderr)")
        func plan(_ folder: String, _ source: String) -> [String] {
            ImportTests.files(under: work.appendingPathComponent(folder)).map { $0.path + "\n" + $0.text.replacingOccurrences(of: source, with: "TRACKER") }
        }
        #expect(plan("fresh", "tracker.xlsx") == plan("kept", "kept.xlsx"))
        #expect(kept.exitCode == fresh.exitCode)
    }
}
