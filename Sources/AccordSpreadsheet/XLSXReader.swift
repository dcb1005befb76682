/// Reads the sheets of an `.xlsx` workbook (Office Open XML, ECMA-376): the workbook's sheet
/// list and relationships, the shared strings, the cell styles' number formats (to tell dates
/// from numbers) and each sheet's cells. Formulas give their last computed value, as the
/// spreadsheet shows it; a formula saved without one, and error values, are `.unreadable`.
public enum XLSXReader {
    public static func read(_ bytes: [UInt8]) throws(SpreadsheetError) -> [Sheet] {
        let zip = try ZipArchive(bytes)
        guard zip.contains("xl/workbook.xml") else {
            throw SpreadsheetError("this zip archive is not an .xlsx workbook (it has no xl/workbook.xml)")
        }
        let workbook = try zip.read("xl/workbook.xml")
        let relationships = zip.contains("xl/_rels/workbook.xml.rels") ? relationTargets(try zip.read("xl/_rels/workbook.xml.rels")) : [:]
        let strings = zip.contains("xl/sharedStrings.xml") ? sharedStrings(try zip.read("xl/sharedStrings.xml")) : []
        let dateStyles = zip.contains("xl/styles.xml") ? self.dateStyles(try zip.read("xl/styles.xml")) : []
        var sheets: [Sheet] = []
        var reader = XMLReader(workbook)
        var date1904 = false
        var listed: [(name: String, path: String)] = []
        while let event = reader.next() {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
            if name == "sheet", let sheetName = attributes["name"] {
                let target = attributes["id"].flatMap { relationships[$0] } ?? "worksheets/sheet\(listed.count + 1).xml"
                listed.append((sheetName, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target))
            }
        }
        for (name, path) in listed {
            guard zip.contains(path) else { throw SpreadsheetError("the workbook lists sheet \"\(name)\" but has no \(path) (a damaged file?)") }
            let context = CellContext(strings: strings, dateStyles: dateStyles, date1904: date1904)
            sheets.append(try sheet(try zip.read(path), name: name, context))
        }
        guard !sheets.isEmpty else { throw SpreadsheetError("the workbook has no worksheets") }
        return sheets
    }

    /// Relationship id → target (`rId1` → `worksheets/sheet1.xml`).
    static func relationTargets(_ bytes: [UInt8]) -> [String: String] {
        var reader = XMLReader(bytes), targets: [String: String] = [:]
        while let event = reader.next() {
            if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
        }
        return targets
    }

    /// Each `<si>`'s text: its `<t>`, or its rich-text runs' `<t>`s joined; phonetic runs skipped.
    static func sharedStrings(_ bytes: [UInt8]) -> [String] {
        var reader = XMLReader(bytes), strings: [String] = []
        var current = "", inText = false, inPhonetic = false
        while let event = reader.next() {
            switch event {
            case .start("si", _, _): current = ""
            case .end("si"): strings.append(current)
            case .start("rPh", _, let selfClosing): inPhonetic = !selfClosing
            case .end("rPh"): inPhonetic = false
            case .start("t", _, let selfClosing): inText = !selfClosing && !inPhonetic
            case .end("t"): inText = false
            case .text(let text) where inText: current += text
            default: break
            }
        }
        return strings
    }

    /// The cell style indexes (`s="3"`) whose number format shows a date.
    static func dateStyles(_ bytes: [UInt8]) -> Set<Int> {
        var reader = XMLReader(bytes)
        var customDates: Set<Int> = [], inCellStyles = false, index = 0, styles: Set<Int> = []
        while let event = reader.next() {
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], isDateFormat(code) { customDates.insert(id) }
            case .start("cellXfs", _, _): inCellStyles = true
            case .end("cellXfs"): inCellStyles = false
            case .start("xf", let attributes, _) where inCellStyles:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) || customDates.contains(id) {
                    styles.insert(index)
                }
                index += 1
            default: break
            }
        }
        return styles
    }

    /// Whether a format code shows a date: it has d, m or y outside quotes, escapes and `[…]`.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "m", "y": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }

    struct CellContext {
        let strings: [String]
        let dateStyles: Set<Int>
        let date1904: Bool
    }

    static func sheet(_ bytes: [UInt8], name: String, _ context: CellContext) throws(SpreadsheetError) -> Sheet {
        var reader = XMLReader(bytes)
        var rows: [Row] = []
        var row: Row?
        var column = 0
        var type = "n", style = 0, hasFormula = false
        var value: String?, inValue = false, inInline = false, inInlineText = false, inlineText = ""
        func finishRow() throws(SpreadsheetError) {
            guard let finished = row else { return }
            rows.append(finished)
            try checkRowLimit(rows.count, sheet: name)
            row = nil
        }
        while let event = reader.next() {
            switch event {
            case .start("row", let attributes, let selfClosing):
                try finishRow()
                let number = attributes["r"].flatMap(Int.init) ?? ((rows.last?.number ?? 0) + 1)
                row = Row(number: number, cells: [])
                column = 0
                if selfClosing { try finishRow() }
            case .end("row"): try finishRow()
            case .start("c", let attributes, let selfClosing):
                column = attributes["r"].flatMap(columnIndex) ?? column
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = nil
                hasFormula = false
                inlineText = ""
                if selfClosing { column += 1 }
            case .start("f", _, _): hasFormula = true
            case .start("v", _, let selfClosing): inValue = !selfClosing; value = value ?? ""
            case .end("v"): inValue = false
            case .start("is", _, _): inInline = true
            case .end("is"): inInline = false
            case .start("rPh", _, _): inInline = false
            case .start("t", _, let selfClosing) where inInline: inInlineText = !selfClosing
            case .end("t"): inInlineText = false
            case .text(let text):
                if inValue { value = (value ?? "") + text } else if inInlineText { inlineText += text }
            case .end("c"):
                guard row != nil else { break }
                guard column < SpreadsheetLimits.columns else {
                    throw SpreadsheetError("sheet \"\(name)\" row \(row!.number) has more than \(SpreadsheetLimits.columns) columns")
                }
                let cell = self.cell(type: type, style: style, value: value, inline: inlineText, formula: hasFormula, context)
                if row!.cells.count <= column { row!.cells += repeatElement(Cell.empty, count: column + 1 - row!.cells.count) }
                row!.cells[column] = cell
                column += 1
            default: break
            }
        }
        try finishRow()
        return Sheet(name: name, rows: rows)
    }

    /// `C7` → 2 (0-based); nil for a reference that is not one.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.isASCII, (65...90).contains(scalar.value) || (97...122).contains(scalar.value) else { break }
            index = index * 26 + Int((scalar.value & ~0x20) - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }

    static func cell(type: String, style: Int, value: String?, inline: String, formula: Bool, _ context: CellContext) -> Cell {
        let cell: Cell
        switch type {
        case "s":
            guard let index = value.flatMap({ Int($0.trimmed) }), index >= 0, index < context.strings.count else {
                return .unreadable("a shared string that the workbook does not have")
            }
            cell = .text(context.strings[index])
        case "inlineStr": cell = .text(inline)
        case "str": cell = value.map(Cell.text) ?? .empty
        case "b": cell = .boolean(value?.trimmed == "1")
        case "e": return .unreadable("the error value \(value ?? "")")
        case "d": cell = value.flatMap { date(iso: $0) } ?? .unreadable("a date the workbook stores as \(value ?? "")")
        default:
            guard let text = value?.trimmed, !text.isEmpty else {
                return formula ? .unreadable("a formula saved without its result; open and save the workbook in a spreadsheet program") : .empty
            }
            guard let decimal = DecimalText.plain(text) else { return .unreadable("the number \(text)") }
            if context.dateStyles.contains(style) {
                return DecimalText.serialDate(decimal, date1904: context.date1904) ?? .unreadable("the date serial \(text)")
            }
            cell = .number(decimal)
        }
        if case .text(let text) = cell, text.utf16.count > SpreadsheetLimits.cellCharacters {
            return .unreadable("the cell holds more than \(SpreadsheetLimits.cellCharacters) characters")
        }
        return cell
    }

    /// `2022-04-12` or `2022-04-12T00:00:00` (cells of type `d`).
    static func date(iso: String) -> Cell? {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return .date(year: y, month: m, day: d)
    }
}

extension String {
    /// Control characters (line breaks included) as spaces, for a comment or a header.
    var oneLine: String {
        String(unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }

    var trimmed: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
