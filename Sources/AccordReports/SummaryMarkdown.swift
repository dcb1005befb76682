import AccordFigures
import AccordModel

/// `accord summary --format markdown`: GitHub-flavoured Markdown for pull requests and wikis.
/// Every piece of plan text goes through `escape`, so a title can neither break a table, start
/// code or a link, inject HTML, nor notify anyone with an @mention.
public enum SummaryMarkdown {
    public static func render(_ s: ProgrammeSummary) -> String {
        var out = "# \(escape(s.header.title.isEmpty ? "(untitled plan)" : s.header.title))\n\n"
        out += SummaryProse.headerLine(s.header) + "\n"
        if s.header.hasErrors { out += "\n> **\(SummaryProse.errorWarning)**\n" }
        out += "\n" + SummaryProse.headline(s).map { "- \($0)\n" }.joined()

        out += "\n## Schemes\n\n" + SummaryProse.schemeLines(s, escape: escape).joined(separator: " ") + "\n\n"
        out += table(SummaryTables.schemes(s))
        out += "\n## Savings\n\n"
        out += [SummaryTables.savingsPlanned(s), SummaryTables.savingsRiskAdjusted(s), SummaryTables.recurrence(s)].map(table).joined(separator: "\n")
        out += "\n## Savings by scheme and area\n\n" + SummaryProse.boardTables(s).map(table).joined(separator: "\n")
        out += "\n## In-year position\n\n" + table(SummaryTables.inYear(s))
        out += "\n## Partners and envelopes\n\n" + table(SummaryTables.partners(s)) + "\n" + table(SummaryTables.partnerAreas(s))
        out += "\n## Milestones\n\n" + SummaryProse.milestoneLine(s.milestones) + "\n"
        for list in SummaryProse.milestoneTables(s.milestones) { out += "\n" + table(list) }
        out += "\n## Metrics\n\n" + SummaryProse.metricLine(s.metrics) + "\n"
        if !s.metrics.isEmpty { out += "\n" + table(SummaryTables.metrics(s)) }
        out += "\n## People\n\n" + (s.people.isEmpty ? "No people declared.\n" : table(SummaryTables.people(s)))
        if !s.updates.isEmpty { out += "\n## Updates\n\n" + table(SummaryTables.updates(s)) }
        if !s.risks.isEmpty { out += "\n## Risk register\n\n" + table(SummaryTables.risks(s)) }
        out += "\n## Diagnostics\n\n" + SummaryProse.diagnosticLine(s.diagnostics) + "\n"
        for group in s.diagnostics {
            out += "\n**\(escape(SummaryProse.diagnosticHeading(group)))**\n\n"
            out += group.items.map { "- \(escape(SummaryProse.place($0))): \(escape($0.message))\n" }.joined()
        }
        return out
    }

    /// A GFM table under a bold title; numbers right-aligned, total rows in bold.
    static func table(_ table: SummaryTable) -> String {
        let t = table.forPage
        var out = "**\(t.title)**\n\n"
        if t.rows.isEmpty {
            out += "None.\n"
        } else {
            out += "| " + t.columns.map(\.header).joined(separator: " | ") + " |\n"
            out += "|" + t.columns.map { $0.numeric ? "---:|" : "---|" }.joined() + "\n"
            for (index, row) in t.rows.enumerated() {
                let total = index >= t.rows.count - t.totalRows || t.subtotalRows.contains(index)
                out += "| " + row.map { cell in
                    let text = cell.isNumeric ? cell.display : escape(cell.display)
                    return total && !text.isEmpty && cell.display != "—" ? "**\(text)**" : text
                }.joined(separator: " | ") + " |\n"
            }
        }
        if let note = t.note { out += "\n_\(note)_\n" }
        return out
    }

    /// Plan text made inert: Markdown punctuation backslash-escaped (`|` included, so tables
    /// hold), `<`, `>` and `&` as entities, `@` followed by a zero-width space (as Dependabot
    /// writes mentions), and line breaks and other control characters as spaces.
    public static func escape(_ text: String) -> String {
        text.escaped {
            switch $0 {
            case "\\", "|", "`", "*", "_", "[", "]", "~", "#", "!": "\\" + String($0)
            case "<": "&lt;"
            case ">": "&gt;"
            case "&": "&amp;"
            case "@": "@&#8203;"
            default: nil
            }
        }
    }
}
