import AccordFigures
import AccordModel
import AccordNumbers
import AccordSyntax

/// What `accord history` read: the plan's path in the repository and how periods were chosen.
public struct HistorySource: Sendable {
    public var plan: String
    /// "the last commit of each month", "tags board-*", …
    public var selection: String

    public init(plan: String, selection: String) {
        self.plan = plan
        self.selection = selection
    }
}

/// `accord history` as text and as Markdown: the tables of `HistoryTables` under section
/// headings, laid out by the summary's table renderers.
public enum HistoryReport {
    /// The sections and their tables, in the order every human-readable format shows them.
    static func sections(_ h: PlanHistory) -> [(title: String, tables: [SummaryTable])] {
        [("Periods", [HistoryTables.periods(h)]),
         ("Position", [HistoryTables.position(h), HistoryTables.savings(h), HistoryTables.partners(h)]),
         ("Movement", [HistoryTables.movement(h), HistoryTables.inYearMovement(h), HistoryTables.schemeMovement(h),
                       HistoryTables.schemeChanges(h), HistoryTables.milestones(h)]),
         ("Critical milestones", [HistoryTables.slips(h)])]
    }

    /// The newest period's plan title.
    static func title(_ h: PlanHistory) -> String {
        let title = h.periods.last?.title ?? ""
        return (title.isEmpty ? "(untitled plan)" : title) + ": history"
    }

    /// "plans/plan.accord · the last commit of each month · 12 periods, 2022-04 to 2023-03".
    static func headerLine(_ h: PlanHistory, _ source: HistorySource) -> String {
        let span = h.periods.count == 1 ? h.periods[0].revision.period
            : "\(h.periods.first?.revision.period ?? "") to \(h.periods.last?.revision.period ?? "")"
        return "\(source.plan) · \(source.selection) · \(h.periods.count) period\(h.periods.count == 1 ? "" : "s"), \(span)"
    }

    public static func text(_ h: PlanHistory, _ source: HistorySource) -> String {
        var out = SummaryText.clean(title(h)) + "\n" + SummaryText.wrap(headerLine(h, source))
        if let note = HistoryTables.leftOutNote(h) { out += SummaryText.wrap(note) }
        for section in sections(h) {
            out += "\n" + section.title.uppercased() + "\n" + section.tables.map(SummaryText.table).joined(separator: "\n")
        }
        return out
    }

    public static func markdown(_ h: PlanHistory, _ source: HistorySource) -> String {
        var out = "# \(SummaryMarkdown.escape(title(h)))\n\n\(SummaryMarkdown.escape(headerLine(h, source)))\n"
        if let note = HistoryTables.leftOutNote(h) { out += "\n> **\(SummaryMarkdown.escape(note))**\n" }
        for section in sections(h) {
            out += "\n## \(section.title)\n\n" + section.tables.map(SummaryMarkdown.table).joined(separator: "\n")
        }
        return out
    }
}

/// `accord history --format json`: every period (figures `null` when its plan has errors), every
/// movement and each critical milestone's slip series. Values as in `accord summary --format
/// json`: money a decimal string in pounds with two decimals, dates ISO, years `FY22/23`.
public enum HistoryJSON {
    public static let schemaVersion = 1

    public static func render(_ h: PlanHistory, _ source: HistorySource) -> String {
        JSONWriter.write(.object([
            ("schemaVersion", .int(schemaVersion)),
            ("plan", .string(source.plan)), ("selection", .string(source.selection)),
            ("years", .array(h.years.map(SummaryJSON.year))),
            ("periods", .array(h.periods.map(period))),
            ("movements", .array(h.movements.map { movement($0, h) })),
            ("criticalSlips", .array(h.criticalSlips.map { s in .object([
                ("milestone", .string(s.milestone)), ("title", .string(s.title)), ("firstDue", .string(ModelJSON.iso(s.baselineDue))),
                ("days", .array(s.days.map { $0.map(JSONValue.int) ?? .null })),
            ]) })),
        ]))
    }

    static func money(_ x: Exact) -> JSONValue { ModelJSON.money(x) }

    static func period(_ p: HistoryPeriod) -> JSONValue {
        .object([
            ("period", .string(p.revision.period)), ("commit", .string(p.revision.commit)), ("date", .string(ModelJSON.iso(p.revision.date))),
            ("subject", .string(p.revision.subject)), ("title", .string(p.title)), ("asOf", .string(ModelJSON.iso(p.asOf))),
            ("errors", .int(p.errors)), ("warnings", .int(p.warnings)), ("figures", p.figures.map(figures) ?? .null),
        ])
    }

    static func figures(_ f: PeriodFigures) -> JSONValue {
        .object([
            ("schemes", .int(f.schemes)), ("byStatus", SummaryJSON.tallies(f.byStatus, "status")),
            ("currentYear", f.currentYear.map(SummaryJSON.year) ?? .null),
            ("savings", .array(f.savings.map { y in .object([
                ("year", SummaryJSON.year(y.year)), ("planned", money(y.planned)), ("riskAdjusted", money(y.riskAdjusted)),
                ("costGrowthAvoided", money(y.costGrowthAvoided)), ("costGrowthAvoidedRiskAdjusted", money(y.costGrowthAvoidedRiskAdjusted)),
                ("envelope", y.envelope.map(money) ?? .null),
            ]) })),
            ("inYear", f.inYear.map { .object([("year", SummaryJSON.year($0.year)), ("months", .int($0.months))] + SummaryJSON.figures($0.total)) } ?? .null),
            ("partners", .array(f.partners.map { SummaryJSON.partnerYear($0) })),
            ("milestonesOverdue", .int(f.milestonesOverdue)), ("metricsOffTrack", .int(f.metricsOffTrack)),
        ])
    }

    static func change(_ c: PlanDiff.Change<Exact>) -> JSONValue {
        .object([("before", money(c.old)), ("after", money(c.new)), ("change", money(c.difference))])
    }

    static func movement(_ m: HistoryMovement, _ h: PlanHistory) -> JSONValue {
        .object([
            ("from", .string(h.periods[m.from].revision.period)), ("to", .string(h.periods[m.to].revision.period)),
            ("passedOver", .array(m.passedOver.map { .string(h.periods[$0].revision.period) })),
            ("savings", .array(m.savings.map { r in .object([
                ("year", SummaryJSON.year(r.year)), ("planned", change(r.planned)), ("riskAdjusted", change(r.riskAdjusted)),
                ("costGrowthAvoided", change(r.costGrowthAvoided)),
            ]) })),
            ("inYear", m.inYear.map { r in .object([
                ("year", SummaryJSON.year(r.year)), ("forecastOutturn", change(r.forecastOutturn)), ("variance", change(r.variance)),
            ]) } ?? .null),
            ("schemes", .array(m.schemes.map { r in .object([
                ("scheme", .string(r.scheme)), ("title", .string(r.title)), ("year", SummaryJSON.year(r.year)), ("planned", change(r.planned)),
                ("riskAdjusted", change(r.riskAdjusted)), ("forecast", change(r.forecast)), ("costGrowthAvoided", change(r.costGrowthAvoided)),
            ]) })),
            ("schemesAdded", .array(m.schemesAdded.map(PlanDiffJSON.scheme))),
            ("schemesRemoved", .array(m.schemesRemoved.map(PlanDiffJSON.scheme))),
            ("schemeChanges", .array(m.schemeChanges.map(PlanDiffJSON.schemeField))),
            ("milestones", .array(m.milestones.map(PlanDiffJSON.milestone))),
        ])
    }
}
