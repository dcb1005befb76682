/// Reads CSV as RFC 4180 writes it, and as spreadsheets really save it: an optional UTF-8 byte
/// order mark, CRLF, LF or CR line ends, fields quoted with `"` (doubled inside) that may hold
/// commas, quotes and line breaks. A quote inside an unquoted field is kept as text, as
/// spreadsheets do. One pass, no backtracking; cells longer than Excel's limit become
/// `.unreadable` without being kept.
public enum CSVReader {
    public static func read(_ bytes: [UInt8], sheetName: String) throws(SpreadsheetError) -> Sheet {
        var rows: [Row] = []
        var cells: [Cell] = []
        var field: [UInt8] = []
        var fieldTooLong = false
        var quoted = false, wasQuoted = false
        var line = 1, rowLine = 1, quoteLine = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let limit = SpreadsheetLimits.cellCharacters * 4  // UTF-8 bytes of the longest cell

        func endField() throws(SpreadsheetError) {
            guard cells.count < SpreadsheetLimits.columns else {
                throw SpreadsheetError("line \(rowLine) has more than \(SpreadsheetLimits.columns) columns")
            }
            let text = String(decoding: field, as: UTF8.self)
            if fieldTooLong || text.utf16.count > SpreadsheetLimits.cellCharacters {
                cells.append(.unreadable("the cell holds more than \(SpreadsheetLimits.cellCharacters) characters"))
            } else {
                cells.append(text.isEmpty && !wasQuoted ? .empty : .text(text))
            }
            field.removeAll(keepingCapacity: true)
            fieldTooLong = false
            wasQuoted = false
        }
        func endRow() throws(SpreadsheetError) {
            try endField()
            rows.append(Row(number: rows.count + 1, cells: cells))
            try checkRowLimit(rows.count, sheet: sheetName)
            cells = []
            rowLine = line
        }
        func add(_ byte: UInt8) {
            if field.count < limit { field.append(byte) } else { fieldTooLong = true }
        }

        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { add(b); i += 2; continue }
                    quoted = false
                } else {
                    if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
                    add(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: ","): try endField()
            case 0x0D, 0x0A:
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                line += 1
                try endRow()
            case UInt8(ascii: "\"") where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                quoteLine = line
            default: add(b)
            }
            i += 1
        }
        if quoted { throw SpreadsheetError("line \(quoteLine): a quoted field is never closed (a `\"` is missing)") }
        // A last line without a line end still counts; a file ending in a line end adds no row.
        if !cells.isEmpty || !field.isEmpty || wasQuoted { try endRow() }
        return Sheet(name: sheetName, rows: rows)
    }
}
