import AccordModel
import AccordSyntax

/// `accord summary --format csv`: one table per file for spreadsheets. A header row of
/// lower-case keys, then one row per line: money as plain pounds with two decimals
/// (`1234567.00`, `-50000.00`), percents as plain percentages (`-6.67`), dates ISO, empty cells
/// for no value; LF line ends. Text cells are always quoted and, when they begin with a
/// character a spreadsheet would read as a formula, prefixed with `'` (OWASP "CSV injection").
/// Numbers are ours, never plan text, so a negative amount stays a number.
public enum SummaryCSV {
    public static func render(_ t: SummaryTable) -> String {
        var out = t.columns.map(\.key).joined(separator: ",") + "\n"
        for row in t.rows { out += row.map(cell).joined(separator: ",") + "\n" }
        return out
    }

    static func cell(_ c: SummaryCell) -> String {
        switch c {
        case .text(let text): quoted(neutralised(text))
        case .money(let x): x.decimalString(places: 2)
        case .percent(let x): x.multiplied(by: .hundred).decimalString(places: 2)
        case .number(let x): x.decimalString(places: 2)
        case .count(let n): String(n)
        case .date, .month, .year: c.display
        case .none: ""
        }
    }

    /// Starting characters that make Excel, LibreOffice or Sheets evaluate a cell.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `'` before a cell whose first character, or first after leading spaces, starts a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first(where: { $0 != " " }) ?? text.unicodeScalars.first else { return text }
        return formulaStarts.contains(first) ? "'" + text : text
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingQuotes() + "\""
    }
}

extension String {
    /// `"` doubled, as RFC 4180 quotes it.
    func replacingQuotes() -> String {
        var out = ""
        for character in self { out += character == "\"" ? "\"\"" : String(character) }
        return out
    }
}
