import AccordDiagnostics
import AccordFigures
import AccordModel
import AccordSyntax

/// `accord summary` as plain text: headed sections of aligned tables no wider than 100 columns,
/// money as `£1,234,567`. Plan text has control characters replaced, so a title can neither
/// break a table nor send escape sequences to the terminal.
public enum SummaryText {
    public static let width = 100

    public static func render(_ s: ProgrammeSummary) -> String {
        var out = ""
        out += clean(s.header.title.isEmpty ? "(untitled plan)" : s.header.title) + "\n"
        out += SummaryProse.headerLine(s.header) + "\n"
        if s.header.hasErrors { out += SummaryProse.errorWarning + "\n" }
        for line in SummaryProse.headline(s) { out += wrap(line) }

        section("Schemes", into: &out)
        for line in SummaryProse.schemeLines(s) { out += wrap(line) }
        out += "\n" + table(SummaryTables.schemes(s))
        section("Savings", into: &out)
        out += [SummaryTables.savingsPlanned(s), SummaryTables.savingsRiskAdjusted(s), SummaryTables.recurrence(s)].map(table).joined(separator: "\n")
        section("Savings by scheme and area", into: &out)
        out += SummaryProse.boardTables(s).map(table).joined(separator: "\n")
        section("In-year position", into: &out)
        out += table(SummaryTables.inYear(s))
        section("Partners and envelopes", into: &out)
        out += table(SummaryTables.partners(s))
        out += "\n" + table(SummaryTables.partnerAreas(s))

        section("Milestones", into: &out)
        out += wrap(SummaryProse.milestoneLine(s.milestones))
        for list in SummaryProse.milestoneTables(s.milestones) { out += "\n" + table(list) }
        section("Metrics", into: &out)
        out += wrap(SummaryProse.metricLine(s.metrics))
        if !s.metrics.isEmpty { out += "\n" + table(SummaryTables.metrics(s)) }
        section("People", into: &out)
        out += s.people.isEmpty ? "No people declared.\n" : table(SummaryTables.people(s))
        if !s.updates.isEmpty { section("Updates", into: &out); out += table(SummaryTables.updates(s)) }
        if !s.risks.isEmpty { section("Risk register", into: &out); out += table(SummaryTables.risks(s)) }
        section("Diagnostics", into: &out)
        out += wrap(SummaryProse.diagnosticLine(s.diagnostics))
        for group in s.diagnostics {
            out += "\n" + SummaryProse.diagnosticHeading(group) + "\n"
            for item in group.items { out += wrap(SummaryProse.place(item) + ": " + item.message, indent: 2) }
        }
        return out
    }

    private static func section(_ title: String, into out: inout String) {
        out += "\n" + title.uppercased() + "\n"
    }

    /// A table: title, header, a rule, rows (totals after a second rule), then its note.
    static func table(_ t: SummaryTable) -> String {
        let keep = t.columns.indices.filter { t.columns[$0].inText }
        let columns = keep.map { t.columns[$0] }
        let rows = t.rows.map { row in keep.map { clean(row[$0].display) } }
        var widths = columns.indices.map { i in max(columns[i].header.count, rows.map { $0[i].count }.max() ?? 0) }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > width, let flex = columns.firstIndex(where: \.flexible) {
            widths[flex] = max(columns[flex].header.count, widths[flex] - (total - width))
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (i, cell) in cells.enumerated() {
                // Counting characters walks the text: once per cell.
                let count = cell.count
                let shown = count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell
                let padding = String(repeating: " ", count: widths[i] - min(count, widths[i]))
                let last = i == cells.count - 1
                text += (i == 0 ? "" : "  ") + (columns[i].numeric ? padding + shown : shown + (last ? "" : padding))
            }
            return text + "\n"
        }
        let rule = String(repeating: "-", count: min(width, widths.reduce(0, +) + 2 * (widths.count - 1))) + "\n"
        var out = t.title + "\n" + line(columns.map(\.header)) + rule
        if rows.isEmpty { out += "(none)\n" }
        for (index, row) in rows.enumerated() {
            if index == rows.count - t.totalRows, t.totalRows > 0 { out += rule }
            out += line(row)
        }
        if let note = t.note { out += wrap(note) }
        return out
    }

    /// Words wrapped at 100 columns, every line indented by `indent` spaces (the lines after the
    /// first by two more).
    static func wrap(_ text: String, indent: Int = 0) -> String {
        var out = "", line = String(repeating: " ", count: indent), empty = line
        for word in clean(text).split(separator: " ") {
            if line != empty, line.count + 1 + word.count > width {
                out += line + "\n"
                line = String(repeating: " ", count: indent + (indent > 0 ? 2 : 0))
                empty = line
            }
            line += (line == empty ? "" : " ") + word
        }
        return out + line + "\n"
    }

    /// Plan text on one line of plain text: line breaks and tabs as spaces, other controls escaped.
    static func clean(_ text: String) -> String { text.escaped { _ in nil } }
}

extension String {
    /// Each character of plan text as `replacement` gives it, else as it is, except that line
    /// breaks and tabs become spaces and other controls (terminal escapes, bidirectional
    /// overrides) are shown escaped (`\u{1b}`, `DisplayText`) in every format.
    func escaped(_ replacement: (Unicode.Scalar) -> String?) -> String {
        // Most cells (names, figures) need nothing: return them without building a copy.
        let isPlain = { (scalar: Unicode.Scalar) in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value != 0x7F && replacement(scalar) == nil
        }
        if unicodeScalars.allSatisfy(isPlain) { return self }
        var out = ""
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out += " "
            } else if DisplayText.needsEscape(scalar) {
                out += DisplayText.escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The sentences every human-readable format shares.
enum SummaryProse {
    static let errorWarning = "The plan has errors (run `accord check`): figures leave out whatever could not be read."

    static func headerLine(_ h: ProgrammeSummary.Header) -> String {
        let years = h.years.isEmpty ? "no plan years" : h.years.count == 1 ? LiteralText.financialYear(h.years[0])
            : "\(LiteralText.financialYear(h.years.first!))..\(LiteralText.financialYear(h.years.last!))"
        let checks = h.errors == 0 && h.warnings == 0 ? "no problems"
            : "\(h.errors) error\(h.errors == 1 ? "" : "s"), \(h.warnings) warning\(h.warnings == 1 ? "" : "s")"
        return "As of \(SummaryTables.iso(h.asOf)) · years \(years) · \(h.files.count) file\(h.files.count == 1 ? "" : "s") · plan check: \(checks)"
    }

    /// `escape` makes a name from the plan safe for the format.
    static func schemeLines(_ s: ProgrammeSummary, escape: (String) -> String = { $0 }) -> [String] {
        func list(_ tallies: [ProgrammeSummary.Tally]) -> String {
            let shown = tallies.filter { $0.count > 0 }
            return shown.isEmpty ? "none" : shown.map { "\(escape($0.title ?? $0.key)) \($0.count)" }.joined(separator: ", ")
        }
        return [s.schemeCountLine + ".", "By area: \(list(s.byArea)). By level: \(list(s.byLevel))."]
    }

    /// Per year, savings (cash-releasing + productivity) and cost growth avoided side by side,
    /// never added together: the seeds' programme counts cost growth avoided apart.
    static func headline(_ s: ProgrammeSummary) -> [String] {
        s.savings.map { y in
            "\(LiteralText.financialYear(y.year)): savings \(y.planned.savings.formattedMoney()) planned, \(y.riskAdjusted.savings.formattedMoney()) risk-adjusted (cash-releasing + productivity); cost growth avoided \(y.planned[.costGrowthAvoided].formattedMoney()) planned, \(y.riskAdjusted[.costGrowthAvoided].formattedMoney()) risk-adjusted, counted apart at system level."
        }
    }

    static func diagnosticLine(_ groups: [DiagnosticGroup]) -> String {
        guard !groups.isEmpty else { return "The plan checks clean: no errors or warnings." }
        return "By code: " + groups.map { "\($0.code.rawValue) × \($0.items.count)" }.joined(separator: ", ")
            + ". Run `accord check` for each one's source line and help, `accord explain CODE` for what a check means."
    }

    /// "W401 envelope gap: 3 warnings".
    static func diagnosticHeading(_ group: DiagnosticGroup) -> String {
        let noun = group.severity == .error ? "error" : "warning"
        return "\(group.code.rawValue) \(group.code.title): \(group.items.count) \(noun)\(group.items.count == 1 ? "" : "s")"
    }

    /// `plan.accord:12`, or the file alone, or "(no file)".
    static func place(_ item: DiagnosticGroup.Item) -> String {
        guard let file = item.file else { return "(no file)" }
        return item.line.map { "\(file):\($0)" } ?? file
    }

    /// Savings by scheme (one table a year), by area and by status: the board's tables.
    static func boardTables(_ s: ProgrammeSummary) -> [SummaryTable] {
        s.header.years.map { SummaryTables.schemeSavings(s, year: $0) } + [SummaryTables.areas(s), SummaryTables.pipeline(s)]
    }

    static func milestoneLine(_ m: MilestoneSummary) -> String {
        guard m.count > 0 else { return "No milestones." }
        return "\(m.count) milestone\(m.count == 1 ? "" : "s"): \(m.done) done, \(m.overdue.count) overdue, \(m.dueSoon.count) due in the next \(MilestoneSummary.soonDays) days, \(m.later) later; \(m.slipping.count) slipping."
    }

    /// The milestone lists under the count line, each shown with `SummaryTables.milestones`.
    static func milestoneTables(_ m: MilestoneSummary) -> [SummaryTable] {
        [(m.overdue, "Overdue", SummaryTables.MilestoneDays.late),
         (m.dueSoon, "Due in the next \(MilestoneSummary.soonDays) days, soonest first", .toGo),
         (m.slipping, "Slipping: forecast after due", .both)].compactMap { list, title, days in
            list.isEmpty ? nil : SummaryTables.milestones(list, name: "milestones", title: title, days: days)
        }
    }

    static func metricLine(_ metrics: [MetricStatus]) -> String {
        guard !metrics.isEmpty else { return "No metrics." }
        let on = metrics.count { $0.state == .onTrack }, off = metrics.count { $0.state == .offTrack }
        return "\(metrics.count) metric\(metrics.count == 1 ? "" : "s"): \(on) on track, \(off) off track, \(metrics.count - on - off) not judged."
    }
}
