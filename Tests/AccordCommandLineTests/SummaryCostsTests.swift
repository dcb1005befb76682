import AccordCommandLine
import AccordModel
import AccordSpreadsheet
import Foundation
import Testing

/// Cost to deliver in `accord summary --format xlsx` (the other formats have goldens in
/// testdata/summary/costs-*): the scheme-savings and partners sheets gain cost and net.
struct SummaryCostsTests {
    static let plan = "Tests/AccordCommandLineTests/testdata/figures/costs.accord"

    @Test func workbookCarriesCostAndNet() throws {
        let work = try ImportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("costs.xlsx")
        let result = run(Invocation(arguments: ["summary", "--format", "xlsx", "-o", file.path, Self.plan], workingDirectory: ModelSchemaTests.root.path))
        #expect(result.exitCode == 0 && result.stderr.isEmpty)
        let sheets = try XLSXReader.read(Array(try Data(contentsOf: file)))
        let schemes = try #require(sheets.first { $0.name == "scheme-savings" })
        let header = try #require(schemes.rows.first?.cells)
        let cost = try #require(header.firstIndex(of: .text("cost"))), net = try #require(header.firstIndex(of: .text("net")))
        let pipB = try #require(schemes.rows.first { $0.cells.contains(.text("PIP-B")) })
        #expect(pipB.cells[cost] == .number("300000") && pipB.cells[net] == .number("-100000"))
        let partners = try #require(sheets.first { $0.name == "partners" })
        let columns = try #require(partners.rows.first?.cells)
        #expect(Array(columns.prefix(7)) == ["partner", "year", "attributed", "risk-adjusted", "CR", "cost", "net"].map(Cell.text))
        let wsft = try #require(partners.rows.first { $0.cells.first == .text("WSFT") })
        #expect(Array(wsft.cells[4...6]) == [.number("400000"), .number("360000"), .number("40000")])
    }
}
