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
        case .money(let x), .change(let x): x.decimalString(places: 2)
        case .percent(let x): x.times(.hundred).decimalString(places: 2)
        case .number(let x): x.decimalString(places: 2)
        case .count(let n): String(n)
        case .date, .month, .year: c.display
        case .none: ""
        }
    }

    /// Starting characters that make Excel, LibreOffice or Sheets evaluate a cell (OWASP "CSV
    /// injection"), with the look-alikes some of them read the same: fullwidth and small forms
    /// of `= + - @` and the minus sign.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n",
        "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{FE66}", "\u{FE62}", "\u{FE63}", "\u{FE6B}", "\u{2212}"]

    /// `'` before a cell whose first character, or first after anything a spreadsheet may skip
    /// (spaces, no-break spaces, line breaks, zero-width and other invisible characters), starts
    /// a formula.
    public static func neutralised(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func skippable(_ s: Unicode.Scalar) -> Bool {
            s.properties.isWhitespace || [.control, .format].contains(s.properties.generalCategory)
        }
        guard let first = scalars.first(where: { !skippable($0) }) ?? scalars.first else { return text }
        return formulaStarts.contains(first) || formulaStarts.contains(scalars.first!) ? "'" + text : text
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
