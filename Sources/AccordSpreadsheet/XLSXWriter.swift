/// Writes an `.xlsx` workbook (Office Open XML, ECMA-376 transitional, as Excel and LibreOffice
/// read it) into a store-only zip: one sheet per table, a frozen bold header row, column widths
/// given by the caller, and typed cells. Text is always an inline string, never a formula, so
/// no cell text is ever run by the spreadsheet. Numbers are written as the decimal text given,
/// so money stays exact to the penny.
public enum XLSXWriter {
    public enum Format: Int, CaseIterable, Sendable {
        case general, money, percent, date, month
    }

    public enum Value: Equatable, Sendable {
        case empty
        case text(String)
        /// Plain decimal text (`-1234.50`), shown in `format`; a date is its serial number.
        case number(String, Format)
    }

    public struct Table: Sendable {
        public var name: String
        public var headers: [String]
        /// Column widths in characters.
        public var widths: [Int]
        public var rows: [[Value]]
        /// Rows (0-based, header not counted) in bold: totals.
        public var boldRows: Set<Int>
        public init(name: String, headers: [String], widths: [Int], rows: [[Value]], boldRows: Set<Int> = []) {
            self.name = name
            self.headers = headers
            self.widths = widths
            self.rows = rows
            self.boldRows = boldRows
        }
    }

    public static func workbook(_ tables: [Table]) -> [UInt8] {
        var zip = ZipWriter()
        let names = sheetNames(tables.map(\.name))
        zip.add("[Content_Types].xml", Array(contentTypes(count: tables.count).utf8))
        zip.add("_rels/.rels", Array(rootRelationships.utf8))
        zip.add("xl/workbook.xml", Array(workbookXML(names).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships(count: tables.count).utf8))
        zip.add("xl/styles.xml", Array(styles.utf8))
        for (index, table) in tables.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", Array(sheetXML(table).utf8))
        }
        return zip.finish()
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique.
    static func sheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = [], result: [String] = []
        for name in names {
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
            if clean.isEmpty { clean = "Sheet" }
            var candidate = clean, n = 2
            while used.contains(candidate.lowercased()) { candidate = String(clean.prefix(28)) + " \(n)"; n += 1 }
            used.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    static func contentTypes(count: Int) -> String {
        header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1..<(count + 1)).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"
    }

    static let rootRelationships = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbookXML(_ names: [String]) -> String {
        header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNamespace)\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(XMLReader.escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    static func workbookRelationships(count: Int) -> String {
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (0..<count).map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationshipsNamespace)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Number format ids: money `£1,234.50` (negative `-£50.00`), percent `12.5%`, ISO dates and months.
    static let formatIDs: [Format: Int] = [.general: 0, .money: 164, .percent: 165, .date: 166, .month: 167]

    /// Cell style `format.rawValue * 2 + (bold ? 1 : 0)`.
    static func style(_ format: Format, bold: Bool) -> Int { format.rawValue * 2 + (bold ? 1 : 0) }

    static let styles: String = {
        let xfs = Format.allCases.flatMap { format in
            [false, true].map { bold in
                "<xf numFmtId=\"\(formatIDs[format]!)\" fontId=\"\(bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                    + (format == .general ? "" : " applyNumberFormat=\"1\"") + (bold ? " applyFont=\"1\"" : "") + "/>"
            }
        }
        return header + "<styleSheet xmlns=\"\(main)\">"
            + "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"&quot;£&quot;#,##0.00;\\-&quot;£&quot;#,##0.00\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/><numFmt numFmtId=\"166\" formatCode=\"yyyy\\-mm\\-dd\"/>"
            + "<numFmt numFmtId=\"167\" formatCode=\"yyyy\\-mm\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()

    static func sheetXML(_ table: Table) -> String {
        var out = header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNamespace)\">"
        out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        if !table.widths.isEmpty {
            out += "<cols>" + table.widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        out += "<sheetData>"
        out += row(1, table.headers.map(Value.text), bold: true)
        for (index, cells) in table.rows.enumerated() {
            out += row(index + 2, cells, bold: table.boldRows.contains(index))
        }
        return out + "</sheetData></worksheet>"
    }

    static func row(_ number: Int, _ cells: [Value], bold: Bool) -> String {
        var out = "<row r=\"\(number)\">"
        for (index, value) in cells.enumerated() {
            let reference = Sheet.columnName(index) + String(number)
            switch value {
            case .empty:
                if bold { out += "<c r=\"\(reference)\" s=\"\(style(.general, bold: true))\"/>" }
            case .text(let text):
                out += "<c r=\"\(reference)\" s=\"\(style(.general, bold: bold))\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLReader.escape(text))</t></is></c>"
            case .number(let decimal, let format):
                out += "<c r=\"\(reference)\" s=\"\(style(format, bold: bold))\"><v>\(decimal)</v></c>"
            }
        }
        return out + "</row>"
    }
}
