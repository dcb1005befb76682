import AccordFigures
import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord summary --format json`: the summary's figures, shaped as docs/summary.schema.json
/// describes. Values are written as in `accord model` (ModelJSON): money a decimal string in
/// pounds with two decimals, percents a decimal string of the percentage, dates ISO, years
/// `FY22/23`, absent values `null`.
public enum SummaryJSON {
    public static let schemaVersion = 1

    public static func render(_ s: ProgrammeSummary) -> String {
        JSONWriter.write(.object([
            ("schemaVersion", .int(schemaVersion)),
            ("plan", .object([
                ("title", .string(s.header.title)), ("asOf", .string(ModelJSON.iso(s.header.asOf))),
                ("years", .array(s.header.years.map(year))), ("files", .array(s.header.files.map { .string($0) })),
                ("errors", .int(s.header.errors)), ("warnings", .int(s.header.warnings)), ("hasErrors", .bool(s.header.hasErrors)),
            ])),
            ("schemes", .object([
                ("count", .int(s.schemes.count)),
                ("byStatus", tallies(s.byStatus, "status")), ("byArea", tallies(s.byArea, "area")), ("byLevel", tallies(s.byLevel, "level")),
                ("list", .array(s.schemes.map { r in .object([
                    ("name", .string(r.name)), ("title", .string(r.title)), ("area", .string(r.area)), ("level", .string(r.level.rawValue)),
                    ("status", .string(r.status?.rawValue)), ("confidence", .string(r.confidence.rawValue)), ("lead", .string(r.lead)),
                    ("partners", .array(r.partners.map { .string($0) })), ("recurrent", .bool(r.recurrent)),
                ]) })),
            ])),
            ("savings", .array(s.savings.map { y in .object([
                ("year", year(y.year)), ("planned", split(y.planned)), ("riskAdjusted", split(y.riskAdjusted)),
                ("recurrent", money(y.recurrent)), ("nonRecurrent", money(y.nonRecurrent)),
                ("headline", .object([
                    ("savingsPlanned", money(y.planned.savings)), ("savingsRiskAdjusted", money(y.riskAdjusted.savings)),
                    ("costGrowthAvoidedPlanned", money(y.planned[.costGrowthAvoided])),
                    ("costGrowthAvoidedRiskAdjusted", money(y.riskAdjusted[.costGrowthAvoided])),
                ])),
            ]) })),
            ("schemeSavings", .array(s.schemeSavings.map { y in .object([
                ("year", year(y.year)),
                ("schemes", .array(y.schemes.map { r in .object([
                    ("scheme", .string(r.scheme)), ("title", .string(r.title)), ("area", .string(r.area)), ("status", .string(r.status?.rawValue)),
                    ("recurrent", .bool(r.recurrent)), ("planned", split(r.planned)), ("riskAdjusted", split(r.riskAdjusted)),
                    ("inYear", r.inYear.map { .object(figures($0)) } ?? .null),
                ] + costs(s.hasCosts, r.cost, r.net)) })),
                ("areas", .array(y.areas.map { group($0, "area", costs: s.hasCosts) })),
                ("total", group(y.total, nil, costs: s.hasCosts)),
            ]) })),
            ("pipeline", .array(s.pipeline.map { y in .object([
                ("year", year(y.year)), ("statuses", .array(y.statuses.map { group($0, "status", costs: s.hasCosts) })), ("total", group(y.total, nil, costs: s.hasCosts)),
            ]) })),
            ("partnerAreas", .array(s.partnerAreas.map { p in .object([
                ("partner", .string(p.partner)), ("area", .string(p.area)), ("areaTitle", .string(p.areaTitle)), ("year", year(p.year)),
                ("attributed", money(p.attributed)), ("riskAdjusted", money(p.riskAdjusted)),
            ]) })),
            ("diagnostics", .array(s.diagnostics.map { g in .object([
                ("code", .string(g.code.rawValue)), ("title", .string(g.code.title)), ("severity", .string(g.severity.rawValue)),
                ("count", .int(g.items.count)),
                ("items", .array(g.items.map { i in .object([("file", .string(i.file)), ("line", i.line.map(JSONValue.int) ?? .null), ("message", .string(i.message))]) })),
            ]) })),
            ("inYear", s.inYear.map(inYear) ?? .null),
            ("partners", .array(s.partners.map { partnerYear($0, costs: s.hasCosts) })),
            ("partnerTotals", .array(s.partnerTotals.map { partnerYear($0, costs: s.hasCosts) })),
            ("milestones", milestones(s.milestones)),
            ("metrics", .object([
                ("onTrack", .int(s.metrics.count { $0.state == .onTrack })), ("offTrack", .int(s.metrics.count { $0.state == .offTrack })),
                ("notJudged", .int(s.metrics.count { $0.state == .notJudged })), ("items", .array(s.metrics.map(metric))),
            ])),
            ("people", .array(s.people.map { p in .object([
                ("person", .string(p.person)), ("name", .string(p.title)), ("partner", .string(p.partner)),
                ("capacity", number(p.capacity)), ("allocated", number(p.allocated)), ("overCapacity", .bool(p.overCapacity)),
                ("allocations", .array(p.allocations.map { .object([("scheme", .string($0.scheme)), ("role", .string($0.role)), ("fte", $0.fte.map(number) ?? .null)]) })),
            ]) })),
        ] + updatesAndRisks(s)))
    }

    static func money(_ x: Exact) -> JSONValue { ModelJSON.money(x) }
    static func number(_ x: Exact) -> JSONValue { .string(x.decimalString(places: 2)) }
    static func year(_ y: Int) -> JSONValue { .string(LiteralText.financialYear(y)) }

    static func tallies(_ list: [ProgrammeSummary.Tally], _ key: String) -> JSONValue {
        .array(list.map { .object([(key, .string($0.key))] + (key == "area" ? [("title", .string($0.title))] : []) + [("count", .int($0.count))]) })
    }

    static func split(_ d: DimensionSplit) -> JSONValue {
        .object([("cashReleasing", money(d[.cashReleasing])), ("productivity", money(d[.productivity])),
                 ("costGrowthAvoided", money(d[.costGrowthAvoided])), ("total", money(d.total))])
    }

    /// An area's or status's savings (`key` names it), or the year's total (`key` nil).
    static func group(_ g: SavingsGroup, _ key: String?, costs hasCosts: Bool) -> JSONValue {
        .object((key.map { [($0, .string(g.key.isEmpty ? nil : g.key))] } ?? []) + (key == "area" ? [("title", .string(g.title))] : []) + [
            ("schemes", .int(g.schemes)), ("planned", split(g.planned)), ("riskAdjusted", split(g.riskAdjusted)),
            ("inYear", g.inYear.map { .object(figures($0)) } ?? .null), ("plannedSharePercent", g.plannedShare.map(ModelJSON.percent) ?? .null),
        ] + costs(hasCosts, g.cost, g.net))
    }

    static func figures(_ f: InYearFigures) -> [(String, JSONValue)] {
        [("plan", money(f.plan)), ("actual", money(f.actual)), ("variance", money(f.variance)),
         ("variancePercent", f.variancePercent.map(ModelJSON.percent) ?? .null),
         ("forecastOutturn", money(f.forecastOutturn)), ("yearPlan", money(f.yearPlan))]
    }

    static func inYear(_ p: InYearSummary) -> JSONValue {
        // `forecastVariance` only where a line is forecast by month, as the table shows it.
        func inYearFigures(_ f: InYearFigures) -> [(String, JSONValue)] {
            let variance: [(String, JSONValue)] = p.monthlyForecasts ? [("forecastVariance", money(f.forecastVariance))] : []
            return figures(f) + variance
        }
        return .object([
            ("year", year(p.year)), ("months", .int(p.months)),
            ("lines", .array(p.lines.map { .object([("scheme", .string($0.scheme)), ("title", .string($0.title)), ("dimension", .string($0.dimension.rawValue))] + inYearFigures($0.figures)) })),
            ("total", .object(inYearFigures(p.total))),
        ])
    }

    static func partnerYear(_ p: PartnerYear, costs hasCosts: Bool = false) -> JSONValue {
        .object((p.partner.isEmpty ? [] : [("partner", .string(p.partner)), ("title", .string(p.title))]) + [
            ("year", year(p.year)), ("attributed", money(p.attributed)), ("riskAdjusted", money(p.riskAdjusted)),
            ("envelope", p.envelope.map(money) ?? .null),
        ] + (p.partner.isEmpty ? [] : [
            ("gap", p.gap.map(money) ?? .null), ("coverage", p.coverage.map(ModelJSON.percent) ?? .null),
            ("controlTotalPercent", p.controlTotalShare.map { ModelJSON.percent(Shown.percent($0)) } ?? .null),
        ]) + [("controlTotal", money(p.controlTotal)), ("controlTotalRiskAdjusted", money(p.controlTotalRiskAdjusted))]
          + (hasCosts ? [("cashReleasing", money(p.cashReleasing))] : []) + costs(hasCosts, p.cost, p.net))
    }

    /// `cost` and `net` (cash-releasing − cost), only for a plan with costs: without them the
    /// JSON is what it was (Costs.swift).
    static func costs(_ hasCosts: Bool, _ cost: Exact, _ net: Exact) -> [(String, JSONValue)] {
        hasCosts ? [("cost", money(cost)), ("net", money(net))] : []
    }

    static func milestones(_ m: MilestoneSummary) -> JSONValue {
        .object([
            ("count", .int(m.count)), ("done", .int(m.done)), ("overdue", .int(m.overdue.count)), ("dueSoon", .int(m.dueSoon.count)),
            ("later", .int(m.later)), ("slipping", .int(m.slipping.count)), ("soonDays", .int(MilestoneSummary.soonDays)),
            ("items", .array(m.all.map { i in .object([
                ("scheme", .string(i.scheme)), ("name", .string(i.name)), ("title", .string(i.title)), ("state", .string(i.state.rawValue)),
                ("due", .string(i.due.map(ModelJSON.iso))), ("done", .string(i.done.map(ModelJSON.iso))),
                ("forecast", .string(i.forecast.map(ModelJSON.iso))), ("critical", .bool(i.critical)), ("owner", .string(i.owner)),
                ("slipping", .bool(i.slipping)), ("days", i.days.map(JSONValue.int) ?? .null), ("slipDays", i.slipDays.map(JSONValue.int) ?? .null),
            ]) })),
        ])
    }

    static func metric(_ m: MetricStatus) -> JSONValue {
        let metric = m.metric
        // Percent metrics as percentages (4.5, not 0.045), like every other percent here.
        func value(_ x: Exact) -> JSONValue { metric.valueKind == .percent ? ModelJSON.percent(x) : number(x) }
        func point(_ p: MetricPoint?) -> JSONValue {
            p.map { .object([("month", .string(ModelJSON.iso($0.month))), ("value", value($0.value))]) } ?? .null
        }
        return .object([
            ("scheme", .string(metric.scheme)), ("name", .string(metric.name)), ("title", .string(metric.title)),
            ("kind", .string(metric.kind?.rawValue)), ("better", .string(metric.better?.rawValue)), ("unit", .string(metric.unit)),
            ("valueKind", .string(metric.valueKind?.rawValue)), ("baseline", point(metric.baseline)),
            ("target", metric.target.map(value) ?? .null), ("targetMonth", .string(metric.targetMonth.map(ModelJSON.iso))),
            ("trajectory", .array(metric.trajectory.map { point($0) })),
            ("latest", point(m.latest)), ("expected", m.expected.map(value) ?? .null),
            ("state", .string(m.state.rawValue)), ("reason", .string(m.reason)),
        ])
    }
}
