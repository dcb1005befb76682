/// One cell as a tracker holds it. Numbers stay the decimal text the file holds (never a
/// floating-point value), so money read from a workbook is exact.
public enum Cell: Equatable, Sendable {
    case empty
    case text(String)
    /// A number as plain decimal text: `1234.5`, `-0.25`, `2400000`.
    case number(String)
    /// A number the workbook formats as a date, already converted from its serial.
    case date(year: Int, month: Int, day: Int)
    case boolean(Bool)
    /// A cell with no usable value, and why: an error value, a formula without a result, text
    /// past the length limit.
    case unreadable(String)

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.allSatisfy(\.isWhitespace)
        default: false
        }
    }
}

/// A row of a sheet with the row number the spreadsheet shows (1-based), so messages name it.
public struct Row: Sendable, Equatable {
    public var number: Int
    public var cells: [Cell]
    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }
    public subscript(_ column: Int) -> Cell { column < cells.count ? cells[column] : .empty }
}

public struct Sheet: Sendable, Equatable {
    public var name: String
    public var rows: [Row]
    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }

    /// `A`, `B`, … `Z`, `AA`: the letters a spreadsheet names column `index` (0-based) by.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }
}

/// Fails when a sheet has more rows than a tracker may have.
func checkRowLimit(_ count: Int, sheet: String) throws(SpreadsheetError) {
    if count > SpreadsheetLimits.rows {
        throw SpreadsheetError("sheet \"\(sheet)\" has more than \(SpreadsheetLimits.rows) rows; Accord imports trackers of at most \(SpreadsheetLimits.rows) rows (one per scheme, or per scheme and year)")
    }
}
