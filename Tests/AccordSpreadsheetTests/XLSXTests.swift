@testable import AccordSpreadsheet
import Testing

struct XLSXTests {
    static let table = XLSXWriter.Table(
        name: "in-year", headers: ["scheme", "amount", "share", "due", "month", "note"], widths: [8, 14, 8, 12, 9, 20],
        rows: [
            [.text("SE-01"), .number("-50000.00", .money), .number("-0.067", .percent), .number("44834", .date), .number("44805", .month), .text("=1+1")],
            [.text("<&>\"é"), .number("1234567.89", .money), .empty, .empty, .empty, .text("  @SUM(A1)")],
            [.text("total"), .number("1184567.89", .money), .empty, .empty, .empty, .empty],
        ], boldRows: [2])

    @Test func whatTheWriterWritesTheReaderReads() throws {
        let sheets = try XLSXReader.read(XLSXWriter.workbook([Self.table]))
        #expect(sheets.count == 1)
        #expect(sheets[0].name == "in-year")
        #expect(sheets[0].rows.map(\.number) == [1, 2, 3, 4])
        #expect(sheets[0].rows[0].cells == ["scheme", "amount", "share", "due", "month", "note"].map(Cell.text))
        #expect(sheets[0].rows[1].cells == [.text("SE-01"), .number("-50000"), .number("-0.067"), .date(year: 2022, month: 9, day: 30),
                                           .date(year: 2022, month: 9, day: 1), .text("=1+1")])
        #expect(sheets[0].rows[2].cells == [.text("<&>\"é"), .number("1234567.89"), .empty, .empty, .empty, .text("  @SUM(A1)")])
    }

    @Test func textIsAnInlineStringNeverAFormula() throws {
        let xml = String(decoding: try ZipArchive(XLSXWriter.workbook([Self.table])).read("xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(!xml.contains("<f>"))
        #expect(xml.contains("<c r=\"F2\" s=\"0\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=1+1</t></is></c>"))
    }

    @Test func headerFrozenAndBoldTotalsBoldMoneyAndWidths() throws {
        let zip = try ZipArchive(XLSXWriter.workbook([Self.table]))
        let xml = String(decoding: try zip.read("xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"))  // bold
        #expect(xml.contains("<c r=\"B4\" s=\"3\"><v>1184567.89</v></c>"))  // bold money
        #expect(xml.contains("<c r=\"B2\" s=\"2\"><v>-50000.00</v></c>"))  // money, exact text
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"14\" customWidth=\"1\"/>"))
        let styles = String(decoding: try zip.read("xl/styles.xml"), as: UTF8.self)
        #expect(styles.contains("formatCode=\"&quot;£&quot;#,##0.00;\\-&quot;£&quot;#,##0.00\""))
        #expect(styles.contains("formatCode=\"0.0%\""))
        #expect(XLSXReader.dateStyles(try zip.read("xl/styles.xml")) == [6, 7, 8, 9])
    }

    @Test func sheetNamesAreMadeValid() {
        #expect(XLSXWriter.sheetNames(["a/b", "A/B", String(repeating: "x", count: 40), ""]) == ["a-b", "A-B 2", String(repeating: "x", count: 31), "Sheet"])
    }

    @Test func dateFormatsAreToldFromNumberFormats() {
        for code in ["yyyy-mm-dd", "d/m/yy", "[$-809]dd mmmm yyyy", "mmm-yy"] { #expect(XLSXReader.isDateFormat(code), "\(code)") }
        for code in ["0.00", "\"£\"#,##0", "[Red]0.0%", "#,##0;[Red]-#,##0", "\"days\" 0"] { #expect(!XLSXReader.isDateFormat(code), "\(code)") }
    }

    @Test func serialsAreDatesInBothSystems() {
        #expect(DecimalText.serialDate("44927", date1904: false) == .date(year: 2023, month: 1, day: 1))
        #expect(DecimalText.serialDate("44927.75", date1904: false) == .date(year: 2023, month: 1, day: 1))
        #expect(DecimalText.serialDate("1", date1904: false) == .date(year: 1900, month: 1, day: 1))
        #expect(DecimalText.serialDate("61", date1904: false) == .date(year: 1900, month: 3, day: 1))
        #expect(DecimalText.serialDate("0", date1904: true) == .date(year: 1904, month: 1, day: 1))
        #expect(DecimalText.serialDate("-1", date1904: false) == nil)
        #expect(DecimalText.serial(year: 2023, month: 1, day: 1) == 44927)
    }

    @Test func numbersBecomePlainDecimalText() {
        let cases: [(String, String?)] = [("1.5E6", "1500000"), ("2.5E-3", "0.0025"), ("-0.250", "-0.25"), ("1234", "1234"), ("007", "7"),
                                          ("-0", "0"), ("1e400", "1" + String(repeating: "0", count: 400)), ("1e401", nil), ("abc", nil), (".", nil), ("1.2.3", nil)]
        for (text, plain) in cases { #expect(DecimalText.plain(text) == plain, "\(text)") }
    }

    /// A workbook as Excel writes one: shared strings with rich text, a formula with and without
    /// its value, an error value, a date in a custom format, a boolean, cells skipped, the 1904
    /// date system and prefixed element names.
    static func excelLike() -> [UInt8] {
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", Array("""
            <workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="Tracker" sheetId="1" r:id="rId7"/></sheets></workbook>
            """.utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array("""
            <Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/other.xml"/></Relationships>
            """.utf8))
        zip.add("xl/sharedStrings.xml", Array("""
            <sst><si><t>Scheme ref</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ignored</t></rPh></si><si><t xml:space="preserve"> a &amp; b </t></si></sst>
            """.utf8))
        zip.add("xl/styles.xml", Array("""
            <styleSheet><numFmts><numFmt numFmtId="170" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>
            """.utf8))
        zip.add("xl/worksheets/other.xml", Array("""
            <x:worksheet><x:sheetData>
            <x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c><x:c r="D2" t="s"><x:v>2</x:v></x:c></x:row>
            <x:row r="5"><x:c r="A5"><x:f>SUM(B1:B4)</x:f><x:v>3.5</x:v></x:c><x:c r="B5"><x:f>A5*2</x:f></x:c><x:c r="C5" t="e"><x:v>#N/A</x:v></x:c>
            <x:c r="D5" s="1"><x:v>0</x:v></x:c><x:c r="E5" t="b"><x:v>1</x:v></x:c><x:c r="F5" t="str"><x:f>"x"</x:f><x:v>x</x:v></x:c><x:c r="G5" t="s"><x:v>9</x:v></x:c></x:row>
            </x:sheetData></x:worksheet>
            """.utf8))
        return zip.finish()
    }

    @Test func readsWhatExcelWrites() throws {
        let sheets = try XLSXReader.read(Self.excelLike())
        #expect(sheets.map(\.name) == ["Tracker"])
        #expect(sheets[0].rows.map(\.number) == [2, 5])
        #expect(sheets[0].rows[0].cells == [.text("Scheme ref"), .empty, .text("Rich text"), .text(" a & b ")])
        let row = sheets[0].rows[1].cells
        #expect(row[0] == .number("3.5"))
        #expect(row[1] == .unreadable("a formula saved without its result; open and save the workbook in a spreadsheet program"))
        #expect(row[2] == .unreadable("the error value #N/A"))
        #expect(row[3] == .date(year: 1904, month: 1, day: 1))
        #expect(row[4] == .boolean(true))
        #expect(row[5] == .text("x"))
        #expect(row[6] == .unreadable("a shared string that the workbook does not have"))
    }

    @Test func notAWorkbookIsAClearError() {
        var zip = ZipWriter()
        zip.add("word/document.xml", [])
        #expect(throws: SpreadsheetError("this zip archive is not an .xlsx workbook (it has no xl/workbook.xml)")) { try XLSXReader.read(zip.finish()) }
        #expect(throws: SpreadsheetError("this is not an .xlsx file (an .xlsx file is a zip archive, and this does not start like one)")) {
            try XLSXReader.read(Array("ref,title\n".utf8))
        }
    }

    @Test func aHugeSharedStringIsUnreadable() throws {
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", Array("<workbook><sheets><sheet name=\"s\"/></sheets></workbook>".utf8))
        zip.add("xl/sharedStrings.xml", Array(("<sst><si><t>" + String(repeating: "x", count: 10 * 1024 * 1024) + "</t></si></sst>").utf8))
        zip.add("xl/worksheets/sheet1.xml", Array("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>".utf8))
        let sheets = try XLSXReader.read(zip.finish())
        #expect(sheets[0].rows[0].cells == [.unreadable("the cell holds more than 32767 characters")])
    }

    @Test func tooManyRowsIsAnError() {
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", Array("<workbook><sheets><sheet name=\"s\"/></sheets></workbook>".utf8))
        zip.add("xl/worksheets/sheet1.xml", Array(("<worksheet><sheetData>" + String(repeating: "<row><c><v>1</v></c></row>", count: 100_000) + "</sheetData></worksheet>").utf8))
        #expect(throws: SpreadsheetError.self) { try XLSXReader.read(zip.finish()) }
    }

    @Test func columnReferences() {
        #expect(XLSXReader.columnIndex("A1") == 0)
        #expect(XLSXReader.columnIndex("AA10") == 26)
        #expect(XLSXReader.columnIndex("xfd3") == 16383)
        #expect(XLSXReader.columnIndex("ABCD1") == nil)
        #expect(XLSXReader.columnIndex("12") == nil)
        #expect((0..<800).map(Sheet.columnName).map { XLSXReader.columnIndex($0 + "1") } == (0..<800).map { $0 })
    }
}
