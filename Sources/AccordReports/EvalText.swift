import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord eval --format text|markdown`: one walk over the report, written as aligned plain text
/// or as Markdown ready to paste into a pull request. The working reads top to bottom as it is
/// done by hand: the schemes' planned and delivered figures, the variance, each band's slice and
/// its partners' percents, each cap round, and each partner's result.
public struct EvalTextRenderer: Sendable {
    public enum Style: Sendable { case text, markdown }

    let style: Style

    public init(style: Style) { self.style = style }

    public func render(_ report: EvalReport) -> String {
        var out = Output(style: style)
        out.heading(1, "Risk-share evaluation: \(escape(report.planTitle))")
        guard !report.evaluations.isEmpty else {
            out.paragraph("The plan has no risk-share terms: there is nothing to evaluate.")
            return out.text
        }
        costs(report, into: &out)
        guard let scenarios = report.scenarios else {
            out.paragraph("Plan as written: every scheme delivers 100% of plan, so no risk-share term has a shortfall or gain to share.")
            if !report.declaredScenarios.isEmpty {
                out.paragraph("Scenarios: \(report.declaredScenarios.map(code).joined(separator: ", ")). Evaluate one with `--scenario NAME`, or all side by side with `--scenario all`.")
            }
            return out.text
        }
        if report.sideBySide { exposure(report, into: &out) }
        for scenario in scenarios {
            out.heading(2, "Scenario \(code(scenario.name))\(scenario.title.map { ": \(escape($0))" } ?? "")")
            out.paragraph(escape(scenario.deliverySentence.prefix(1).uppercased() + scenario.deliverySentence.dropFirst()) + ".")
            for evaluation in report.evaluations where evaluation.scenario?.name == scenario.name {
                working(evaluation, into: &out)
            }
        }
        return out.text
    }

    // MARK: Exposure

    /// Per term and year, the scenarios side by side per partner.
    func exposure(_ report: EvalReport, into out: inout Output) {
        out.heading(2, "Exposure by scenario")
        out.paragraph("What each partner bears (negative) or keeps (positive) under each scenario; the working for each scenario follows.")
        for group in report.exposureGroups {
            guard let first = group.first else { continue }
            out.heading(3, escape(first.heading))
            var rows: [[String]] = [["variance"] + group.map { money($0.variance) }]
            for partner in report.partners(of: group) {
                rows.append([escape(partner)] + group.map { evaluation in
                    money(evaluation.signed(evaluation.result.first { $0.partner == partner }?.amount ?? .zero))
                })
            }
            if group.contains(where: { !$0.unallocated.isZero }) {
                rows.append(["unallocated"] + group.map { money($0.signed($0.unallocated)) })
            }
            out.table(Table(header: ["partner"] + group.map { escape($0.scenario?.name ?? "") },
                            rightAligned: Set(1...group.count), rows: rows))
        }
    }

    // MARK: One term, year and scenario

    func working(_ e: ShownEvaluation, into out: inout Output) {
        out.heading(3, escape(e.heading))
        schemes(e, into: &out)
        out.paragraph(e.varianceSentence)  // no plan text in it
        guard e.kind != .none else { return }
        for (number, band) in e.bands.enumerated() {
            guard !band.inside.isZero else {
                out.paragraph("Band \(number + 1), \(ShownEvaluation.describe(band)): nothing falls in this band.")
                continue
            }
            out.paragraph("Band \(number + 1), \(ShownEvaluation.describe(band)): \(money(band.inside)).", tight: true)
            var rows = band.parts.map { [escape($0.partner), $0.share.formattedPercent(), money($0.amount)] }
            if !band.unsplit.isZero { rows.append(["not covered", "", money(band.unsplit)]) }
            out.table(Table(header: ["partner", "share", "amount"], rightAligned: [1, 2], rows: rows))
        }
        if !e.beyondBands.isZero {
            out.paragraph("Past the last band (the bands do not end in `above`): \(money(e.beyondBands)), which nobody bears.")
        }
        for (number, round) in e.capRounds.enumerated() {
            out.paragraph(escape(ShownEvaluation.describe(round, number: number + 1)), tight: !round.receivers.isEmpty)
            if !round.receivers.isEmpty {
                out.table(Table(header: ["receiver", "bears × removed ÷ all receivers bear", "receives", "then bears"], rightAligned: [1, 2, 3],
                                rows: round.receivers.map { [escape($0.partner), ShownEvaluation.formula($0, of: round), money($0.receives), money($0.after)] }
                                    + (round.unallocated.isZero ? [] : [["unallocated", "", money(round.unallocated), ""]])))
            }
        }
        if e.capRounds.isEmpty, !e.term.caps.isEmpty, !e.result.isEmpty {
            out.paragraph("No partner is over its cap.")
        }
        result(e, into: &out)
        if let sentence = e.unallocatedSentence { out.paragraph(sentence) }  // no plan text in it
    }

    func schemes(_ e: ShownEvaluation, into out: inout Output) {
        let several = e.term.measure.dimensions.count > 1
        var rows: [[String]] = []
        for scheme in e.schemes {
            guard scheme.counts else {
                rows.append([escape(scheme.scheme), "", "", "withdrawn: counts in no total"])
                continue
            }
            for line in scheme.lines {
                rows.append([escape(several ? "\(scheme.scheme) \(line.dimension.rawValue)" : scheme.scheme),
                             money(line.planned), money(line.delivered), escape(ShownEvaluation.how(line, scheme: scheme.scheme))])
            }
        }
        rows.append(["total", money(e.planned), money(e.delivered), ""])
        out.table(Table(header: ["scheme", "planned", "delivered", "how"], rightAligned: [1, 2], rows: rows))
    }

    func result(_ e: ShownEvaluation, into out: inout Output) {
        guard !e.result.isEmpty || !e.unallocated.isZero else { return }
        let verb = e.kind == .shortfall ? "bears" : "keeps"
        // The note column only when a partner is at its cap, so Markdown never shows an empty column.
        let capped = e.result.contains(where: \.capped)
        func row(_ cells: [String], note: String = "") -> [String] { capped ? cells + [note] : cells }
        var rows = e.result.map { partner in
            row([escape(partner.partner), money(partner.beforeCaps), partner.cap.map(money) ?? "", money(partner.amount)],
                note: partner.capped ? "at its cap" : "")
        }
        if !e.unallocated.isZero || !e.unallocatedBeforeCaps.isZero {
            rows.append(row(["unallocated", money(e.unallocatedBeforeCaps), "", money(e.unallocated)]))
        }
        rows.append(row(["total", money(e.amount), "", money(e.amount)]))
        out.paragraph("Result: what each partner \(verb).", tight: true)
        out.table(Table(header: row(["partner", "before caps", "cap", verb], note: "note"), rightAligned: [1, 2, 3], rows: rows))
    }

    // MARK: Helpers

    func money(_ amount: Exact) -> String { amount.formattedMoney(alwaysPennies: true) }

    /// A name as code in Markdown, as is in text.
    func code(_ name: String) -> String { style == .markdown ? "`\(name)`" : name }

    /// Plan text made inert (brief §6: all text from plans is escaped): in Markdown as the summary
    /// escapes it (mentions, HTML, line breaks), in text with controls escaped.
    func escape<S: StringProtocol>(_ text: S) -> String {
        style == .markdown ? SummaryMarkdown.escape(String(text)) : SummaryText.clean(String(text))
    }

    struct Table {
        let header: [String]
        let rightAligned: Set<Int>
        let rows: [[String]]
    }

    /// Paragraphs, headings and tables, separated by blank lines (`tight` keeps the next block
    /// under this one in text).
    struct Output {
        let style: Style
        var text = ""
        private var tight = false

        init(style: Style) { self.style = style }

        mutating func heading(_ level: Int, _ title: String) {
            switch style {
            case .markdown: block(String(repeating: "#", count: level) + " " + title)
            case .text: block(level == 3 ? title : title + "\n" + String(repeating: level == 1 ? "=" : "-", count: title.count))
            }
        }

        mutating func paragraph(_ line: String, tight: Bool = false) {
            block(line)
            self.tight = tight && style == .text
        }

        mutating func table(_ table: Table, tight: Bool = false) {
            let lines: [String]
            switch style {
            case .markdown:
                let separator = table.header.indices.map { table.rightAligned.contains($0) ? "---:" : "---" }
                lines = ([table.header, separator] + table.rows).map { "| " + $0.joined(separator: " | ") + " |" }
            case .text:
                let all = [table.header] + table.rows
                let widths = table.header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
                lines = all.map { row in
                    var cells = row.indices.map { column in
                        let padding = String(repeating: " ", count: widths[column] - row[column].count)
                        return table.rightAligned.contains(column) ? padding + row[column] : row[column] + padding
                    }
                    while let last = cells.last, last.allSatisfy({ $0 == " " }) { cells.removeLast() }
                    return "  " + cells.joined(separator: "  ")
                }.map { String($0.reversed().drop { $0 == " " }.reversed()) }
            }
            block(lines.joined(separator: "\n"))
            self.tight = tight && style == .text
        }

        private mutating func block(_ content: String) {
            if !text.isEmpty { text += tight ? "" : "\n" }
            text += content + "\n"
            tight = false
        }
    }
}
