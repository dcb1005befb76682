import AccordDiagnostics
import AccordFigures
import AccordModel
import AccordNumbers
import AccordSyntax

/// One compared pair of plans: the names they were read as, and what changed.
public struct PlanComparison: Sendable {
    public var old: String
    public var new: String
    public var diff: PlanDiff

    public init(old: String, new: String, diff: PlanDiff) {
        self.old = old
        self.new = new
        self.diff = diff
    }
}

/// `accord diff` as text and as Markdown. Both show the same sections, built once as tables of
/// plain text; text aligns the columns, Markdown writes GitHub tables with every cell escaped.
public enum PlanDiffReport {
    struct Section {
        var title: String
        var columns: [String]
        var rows: [[String]]
    }

    public static func text(_ comparisons: [PlanComparison]) -> String {
        var out = ""
        for comparison in comparisons {
            let sections = sections(comparison.diff)
            out += "\(SummaryText.clean(comparison.old)) → \(SummaryText.clean(comparison.new)): \(sections.isEmpty ? "no changes" : summary(comparison.diff))\n"
            for section in sections {
                out += "\n\(section.title)\n"
                let table = ([section.columns] + section.rows).map { $0.map(SummaryText.clean) }
                let widths = section.columns.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
                for row in table {
                    let cells = row.enumerated().map { index, cell in
                        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
                    }
                    out += "  " + trimmedRight(cells.joined(separator: "  ")) + "\n"
                }
            }
            if comparisons.count > 1 { out += "\n" }
        }
        return out
    }

    /// Ready to post as a pull-request comment; the first line is a hidden marker so a workflow
    /// can find and update its earlier comment.
    public static func markdown(_ comparisons: [PlanComparison]) -> String {
        var out = "<!-- accord-diff -->\n## Plan changes\n"
        for comparison in comparisons {
            let sections = sections(comparison.diff)
            out += "\n### \(escape(comparison.old)) → \(escape(comparison.new))\n\n"
            out += sections.isEmpty ? "No changes.\n" : "\(escape(summary(comparison.diff))).\n"
            for section in sections {
                out += "\n**\(escape(section.title))**\n\n"
                out += "| " + section.columns.map(escape).joined(separator: " | ") + " |\n"
                out += "|" + section.columns.map { _ in " --- |" }.joined() + "\n"
                for row in section.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            }
        }
        return out
    }

    /// Plan text made inert in GitHub Markdown, as the summary escapes it.
    static func escape(_ text: String) -> String { SummaryMarkdown.escape(text) }

    /// "2 schemes added, 1 milestone moved, …": the size of the change in one line.
    static func summary(_ diff: PlanDiff) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
        return [count(diff.schemesAdded.count, "scheme added", "schemes added"),
                count(diff.schemesRemoved.count, "scheme removed", "schemes removed"),
                count(diff.schemeFields.count, "scheme attribute changed", "scheme attributes changed"),
                count(diff.savings.count, "savings line changed", "savings lines changed"),
                count(diff.costs.count, "cost line changed", "cost lines changed"),
                count(diff.milestones.count, "milestone change", "milestone changes"),
                count(diff.metrics.count, "metric target changed", "metric targets changed"),
                count(diff.shares.count, "share changed", "shares changed"),
                count(diff.envelopes.count, "envelope line changed", "envelope lines changed"),
                count(diff.riskShares.count, "risk-share change", "risk-share changes"),
                count(diff.risks.count, "risk change", "risk changes"),
                count(diff.updates.count, "latest update changed", "latest updates changed"),
                count(diff.newDiagnostics.count, "new diagnostic", "new diagnostics"),
                count(diff.resolvedDiagnostics.count, "diagnostic resolved", "diagnostics resolved"),
                count(diff.changedDiagnostics.count, "diagnostic changed", "diagnostics changed"),
                count(diff.other.count, "other change", "other changes")]
            .compactMap { $0 }.joined(separator: ", ")
    }

    static func sections(_ diff: PlanDiff) -> [Section] {
        let schemeColumns = ["scheme", "title", "status", "planned savings"]
        func schemeRow(_ s: PlanDiff.SchemeEntry) -> [String] { [s.name, s.title ?? "", s.status?.rawValue ?? "", s.total.formattedMoney()] }
        let all = [
            Section(title: "Schemes added", columns: schemeColumns, rows: diff.schemesAdded.map(schemeRow)),
            Section(title: "Schemes removed", columns: schemeColumns, rows: diff.schemesRemoved.map(schemeRow)),
            Section(title: "Scheme changes", columns: ["scheme", "attribute", "before", "after"],
                    rows: diff.schemeFields.map { [$0.scheme, $0.field, $0.change.old ?? "—", $0.change.new ?? "—"] }),
            Section(title: "Savings", columns: ["scheme", "year", "dimension", "before", "after", "change"],
                    rows: diff.savings.map { [$0.scheme, LiteralText.financialYear($0.year), $0.dimension.rawValue] + moneyChange($0.change.old, $0.change.new) }),
            Section(title: "Costs", columns: ["scheme", "year", "cost before", "cost after", "change", "net before", "net after"],
                    rows: diff.costs.map(costRow)),
            Section(title: "Programme totals", columns: ["year", "dimension", "planned before", "planned after", "risk-adjusted before", "risk-adjusted after"],
                    rows: diff.totals.map { row in
                        [LiteralText.financialYear(row.year), row.dimension?.rawValue ?? "total",
                         row.planned.old.formattedMoney(), row.planned.new.formattedMoney(),
                         row.riskAdjusted.old.formattedMoney(), row.riskAdjusted.new.formattedMoney()]
                    }),
            Section(title: "Milestones", columns: ["milestone", "title", "change", "moved"], rows: diff.milestones.map(milestoneRow)),
            Section(title: "Metric targets", columns: ["metric", "title", "before", "after"],
                    rows: diff.metrics.map { ["\($0.scheme).\($0.metric)", $0.title ?? "", target($0.target.old), target($0.target.new)] }),
            Section(title: "Shares", columns: ["scheme", "partner", "before", "after"],
                    rows: diff.shares.map { [$0.scheme, $0.partner, $0.change.old.map { $0.formattedPercent(maxPlaces: 2) } ?? "—",
                                             $0.change.new.map { $0.formattedPercent(maxPlaces: 2) } ?? "—"] }),
            Section(title: "Envelopes", columns: ["partner", "year", "before", "after", "change"],
                    rows: diff.envelopes.map { [$0.partner, LiteralText.financialYear($0.year)]
                        + moneyChange($0.change.old, $0.change.new) }),
            Section(title: "Risk-share terms", columns: ["term", "part", "before", "after"],
                    rows: diff.riskShares.map { change in
                        guard let part = change.part else { return [change.term, "term", change.change.old == nil ? "—" : "present", change.change.new == nil ? "removed" : "added"] }
                        return [change.term, part, change.change.old ?? "—", change.change.new ?? "—"]
                    }),
        ] + riskSections(diff) + [
            Section(title: "New diagnostics", columns: ["where", "code", "message"], rows: diff.newDiagnostics.map(diagnosticRow)),
            Section(title: "Resolved diagnostics", columns: ["where", "code", "message"], rows: diff.resolvedDiagnostics.map(diagnosticRow)),
            Section(title: "Changed diagnostics", columns: ["where", "code", "before", "after"],
                    rows: diff.changedDiagnostics.map { pair in Array(diagnosticRow(pair.new).prefix(2)) + [pair.old.message, pair.new.message] }),
            Section(title: "Other changes", columns: ["declaration", "change"], rows: diff.other.map { [$0.declaration, $0.kind.rawValue] }),
        ]
        return all.filter { !$0.rows.isEmpty }
    }

    /// Before, after and the signed difference of the shown figures (rule 3 of "Showing
    /// amounts"); a missing side shows as "—" and counts as nothing.
    static func moneyChange(_ old: Exact?, _ new: Exact?) -> [String] {
        let (shownOld, shownNew) = (old.map(Shown.amount), new.map(Shown.amount))
        let difference = (shownNew ?? .zero).subtracting(shownOld ?? .zero)
        return [shownOld?.formattedMoney() ?? "—", shownNew?.formattedMoney() ?? "—", difference.formattedChange()]
    }

    static func milestoneRow(_ m: PlanDiff.MilestoneChange) -> [String] {
        let change: String
        switch m.kind {
        case .added(let due): change = "added" + (due.map { ", due \(iso($0))" } ?? "")
        case .removed: change = "removed"
        case .dueMoved(let c): change = "due \(iso(c.old)) → \(iso(c.new))"
        case .forecastMoved(let c, _): change = "forecast \(c.old.map(iso) ?? "—") → \(c.new.map(iso) ?? "—")"
        case .newlyDone(let date): change = "done \(iso(date))"
        case .noLongerDone(let date): change = "no longer done (was done \(iso(date)))"
        }
        let moved = m.days.map { days in
            days == 0 ? "same day" : "\(abs(days)) day\(abs(days) == 1 ? "" : "s") \(days > 0 ? "later" : "earlier")"
        } ?? ""
        return ["\(m.scheme).\(m.milestone)", m.title ?? "", change, moved]
    }

    static func target(_ target: PlanDiff.MetricChange.Target?) -> String {
        guard let target else { return "—" }
        let value = target.value.map { value -> String in
            switch target.kind {
            case .money?: value.formattedMoney()
            case .percent?: value.formattedPercent(maxPlaces: 2)
            default: value.formattedNumber()
            }
        } ?? "—"
        let month = target.month.map { " by \(iso($0))" } ?? ""
        let change = target.change.map { " (change \($0.formattedPercent(maxPlaces: 2)))" } ?? ""
        return value + month + change
    }

    static func diagnosticRow(_ d: Diagnostic) -> [String] {
        let place = d.file.map { "\($0.path):\(d.start.line):\(d.start.column)" } ?? ""
        return [place, "\(d.severity.rawValue)[\(d.code.rawValue)]", d.message]
    }

    static func iso(_ d: AccordModel.Date) -> String { ModelJSON.iso(d) }
    static func iso(_ m: Month) -> String { ModelJSON.iso(m) }

    private static func trimmedRight(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

extension Exact {
    /// Money as a movement: `+£20,000`, `-£5,000`, and `£0` for none.
    func formattedChange() -> String { (isNegative || isZero ? "" : "+") + formattedMoney() }
}
