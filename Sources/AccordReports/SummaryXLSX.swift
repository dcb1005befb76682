import AccordFigures
import AccordModel
import AccordSpreadsheet
import AccordSyntax

/// `accord summary --format xlsx`: one workbook, one sheet per summary table (the tables CSV
/// writes, under the same names). Money is a number in pounds with a `£` format, written as the
/// exact decimal text of the shown (already rounded) amount; percents are fractions with a
/// percent format; dates and months are date serials with ISO formats; financial years and plan
/// text are strings, which a spreadsheet never runs as formulas. The header row is bold and
/// frozen, subtotals and totals are bold, and each column is as wide as its widest cell.
public enum SummaryXLSX {
    public static func render(_ summary: ProgrammeSummary) -> [UInt8] {
        XLSXWriter.workbook(SummaryTables.names(of: summary).compactMap { SummaryTables.table($0, of: summary) }.map(table))
    }

    static func table(_ t: SummaryTable) -> XLSXWriter.Table {
        let widths = t.columns.indices.map { column in
            let widest = t.rows.map { $0[column].shownInSpreadsheet.count }.max() ?? 0
            return min(max(widest, t.columns[column].header.count) + 2, 60)
        }
        return XLSXWriter.Table(name: t.name, headers: t.columns.map(\.header), widths: widths, rows: t.rows.map { $0.map(value) },
                                boldRows: t.subtotalRows.union((t.rows.count - t.totalRows)..<t.rows.count))
    }

    static func value(_ cell: SummaryCell) -> XLSXWriter.Value {
        switch cell {
        case .text(let text): .text(text)
        // A change is money too; the £ format shows its sign only when negative.
        case .money(let x), .change(let x): .number(x.decimalString(places: 2), .money)
        // The fraction to the precision the percent is shown with (12.5% is 0.125).
        case .percent(let x): .number(x.decimalString(places: 3), .percent)
        case .number(let x): .number(x.decimalString(places: 2), .general)
        case .count(let n): .number(String(n), .general)
        case .date(let d): .number(String(DecimalText.serial(year: d.year, month: d.month, day: d.day)), .date)
        case .month(let m): .number(String(DecimalText.serial(year: m.year, month: m.month, day: 1)), .month)
        case .year(let y): .text(LiteralText.financialYear(y))
        case .none: .empty
        }
    }
}

extension SummaryCell {
    /// The cell as a spreadsheet shows it in the workbook's formats (LibreOffice's CSV export
    /// writes exactly this): `£1,234.00`, `-6.7%`, `100.0%`, `2022-09-01`, `0.6`.
    public var shownInSpreadsheet: String {
        switch self {
        case .money(let x), .change(let x): x.formattedMoney(alwaysPennies: true)
        case .percent(let x): x.multiplied(by: .hundred).decimalString(places: 1) + "%"
        case .number(let x): x.formattedNumber(grouping: false)
        case .none: ""
        default: display
        }
    }
}
