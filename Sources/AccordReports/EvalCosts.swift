import AccordModel
import AccordSyntax

/// `accord eval`'s cost to deliver (Costs.swift): before the scenarios, since costs are committed
/// and no scenario moves them, and only for terms whose schemes have a `cost`.
extension EvalTextRenderer {
    func costs(_ report: EvalReport, into out: inout Output) {
        guard !report.costs.isEmpty else { return }
        out.heading(2, "Cost to deliver and net savings")
        out.paragraph("Each term's schemes: cash-releasing savings as planned (gross), the `cost` to deliver them, and net = gross - cost. Costs are committed: no scenario changes them, and the risk share allocates savings, not costs.")
        for term in report.costs {
            out.heading(3, "\(escape(term.term)), \(LiteralText.financialYear(term.year))")
            let rows = (term.lines + [term.total]).map { [escape($0.scheme), money($0.gross), money($0.cost), money($0.net)] }
            out.table(Table(header: ["scheme", "gross", "cost", "net"], rightAligned: [1, 2, 3], rows: rows))
        }
    }
}

extension EvalJSON {
    /// `costs`, only when a term's schemes have a `cost`: without one the JSON is what it was.
    static func costs(_ report: EvalReport) -> [(String, JSONValue)] {
        guard !report.costs.isEmpty else { return [] }
        func line(_ l: TermCosts.Line) -> [(String, JSONValue)] { [("gross", money(l.gross)), ("cost", money(l.cost)), ("net", money(l.net))] }
        return [("costs", .array(report.costs.map { term in .object([
            ("term", .string(term.term)), ("year", .string(LiteralText.financialYear(term.year))),
            ("schemes", .array(term.lines.map { .object([("scheme", .string($0.scheme))] + line($0)) })),
            ("total", .object(line(term.total))),
        ]) }))]
    }
}
