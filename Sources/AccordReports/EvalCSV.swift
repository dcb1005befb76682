import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord eval --format csv`: one row per scenario, term, year and partner, ready for a
/// spreadsheet's pivot table. Money is a plain number with two decimals, rounded as the text
/// shows it, so a term-year's `allocated` cells add up to its `amount`. A `(unallocated)` row
/// carries what no partner bears, when there is any; a term-year with no variance (or no
/// partner) has one row with `partner` empty. The plan as written shows as `(plan as written)`:
/// neither can be a scenario or partner name. Text cells that a spreadsheet would run as a
/// formula are neutralised with a leading `'` as in the summary's CSV (OWASP "CSV injection",
/// look-alikes included); numbers are ours and never are.
public enum EvalCSV {
    static let header = ["scenario", "term", "year", "measure", "planned", "delivered", "variance", "kind", "amount",
                         "partner", "before_caps", "cap", "allocated", "capped"]

    public static func render(_ report: EvalReport) -> String {
        var lines = [header.joined(separator: ",")]
        for e in report.evaluations {
            let leading = [text(e.scenario?.name ?? "(plan as written)"), text(e.term.name), text(LiteralText.financialYear(e.year)),
                           text(e.term.measure.rawValue), number(e.planned), number(e.delivered), number(e.variance),
                           text(e.kind.rawValue), number(e.amount)]
            var rows = e.result.map { [text($0.partner), number($0.beforeCaps), $0.cap.map(number) ?? "", number($0.amount), $0.capped ? "yes" : "no"] }
            if !e.unallocated.isZero || !e.unallocatedBeforeCaps.isZero {
                rows.append(["(unallocated)", number(e.unallocatedBeforeCaps), "", number(e.unallocated), ""])
            }
            if rows.isEmpty { rows = [["", "", "", "", ""]] }
            lines += rows.map { (leading + $0).joined(separator: ",") }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func number(_ amount: Exact) -> String { amount.decimalString(places: 2) }

    /// A text cell, neutralised and quoted as needed (RFC 4180).
    public static func text(_ value: String) -> String {
        let cell = SummaryCSV.neutralised(value)
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
