@testable import AccordSpreadsheet
import Testing

struct CSVTests {
    static func cells(_ text: String) throws -> [[Cell]] {
        try CSVReader.read(Array(text.utf8), sheetName: "t").rows.map(\.cells)
    }

    @Test func readsQuotedFieldsAsRFC4180Writes() throws {
        #expect(try Self.cells("a,\"b,c\",\"say \"\"hi\"\"\"\r\n") == [[.text("a"), .text("b,c"), .text("say \"hi\"")]])
        #expect(try Self.cells("\"two\nlines\",x\n") == [[.text("two\nlines"), .text("x")]])
        #expect(try Self.cells("\"two\r\nlines\"\r\n") == [[.text("two\r\nlines")]])
    }

    @Test func lineEndsOfEveryKind() throws {
        let expected: [[Cell]] = [[.text("a"), .text("b")], [.text("c"), .text("d")]]
        for text in ["a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\rc,d\r", "a,b\nc,d", "a,b\r\nc,d"] {
            #expect(try Self.cells(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstCell() throws {
        #expect(try Self.cells("\u{FEFF}Scheme ref,Title\n") == [[.text("Scheme ref"), .text("Title")]])
    }

    @Test func emptyFieldsAndRows() throws {
        #expect(try Self.cells(",,\n") == [[.empty, .empty, .empty]])
        #expect(try Self.cells("\"\",x\n") == [[.text(""), .text("x")]])
        #expect(try Self.cells("a\n\nb\n") == [[.text("a")], [.empty], [.text("b")]])
        #expect(try Self.cells("") == [])
    }

    @Test func rowNumbersAreRecordsNotLines() throws {
        let sheet = try CSVReader.read(Array("\"a\nb\",1\nc,2\n".utf8), sheetName: "t")
        #expect(sheet.rows.map(\.number) == [1, 2])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
        #expect(try Self.cells("5\" pipe,x\n") == [[.text("5\" pipe"), .text("x")]])
        #expect(try Self.cells("\"ab\"cd,x\n") == [[.text("abcd"), .text("x")]])
    }

    @Test func anUnclosedQuoteIsAnErrorNamingItsLine() {
        #expect(throws: SpreadsheetError("line 2: a quoted field is never closed (a `\"` is missing)")) {
            try Self.cells("a,b\n\"never closed,\nc\n")
        }
    }

    @Test func aCellPastExcelsLimitIsUnreadableNotKept() throws {
        let long = String(repeating: "x", count: 10 * 1024 * 1024)
        let rows = try Self.cells("ref,title\nS1,\(long)\n")
        #expect(rows[1][0] == .text("S1"))
        guard case .unreadable(let reason) = rows[1][1] else { Issue.record("expected an unreadable cell, got \(rows[1][1])"); return }
        #expect(reason.contains("32767"))
        let atLimit = String(repeating: "é", count: SpreadsheetLimits.cellCharacters)
        #expect(try Self.cells(atLimit + "\n") == [[.text(atLimit)]])
    }

    @Test func tooManyRowsIsAnError() throws {
        let ok = String(repeating: "a,1\n", count: SpreadsheetLimits.rows)
        #expect(try CSVReader.read(Array(ok.utf8), sheetName: "t").rows.count == SpreadsheetLimits.rows)
        #expect(throws: SpreadsheetError.self) { try CSVReader.read(Array((ok + "a,1\n").utf8), sheetName: "t") }
        // 100,000 rows stop at the limit, quickly.
        #expect(throws: SpreadsheetError.self) { try CSVReader.read(Array(String(repeating: "a,1\n", count: 100_000).utf8), sheetName: "t") }
    }

    @Test func tooManyColumnsIsAnError() {
        #expect(throws: SpreadsheetError.self) { try Self.cells(String(repeating: ",", count: SpreadsheetLimits.columns) + "\n") }
    }

    @Test func invalidUTF8IsReplacedNotATrap() throws {
        #expect(try CSVReader.read([0x61, 0xFF, 0x2C, 0x62], sheetName: "t").rows[0].cells == [.text("a\u{FFFD}"), .text("b")])
    }
}
