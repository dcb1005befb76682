import AccordChecks
import AccordDiagnostics
import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord model`: the checked model as JSON. The shape is versioned (`schemaVersion`) and
/// described by `docs/model.schema.json`. Money is a decimal string in pounds with two decimals
/// (rounded half-even), percents a decimal string of the percentage with two decimals, dates and
/// months ISO strings, financial years `FY22/23`; absent values are `null`.
public enum ModelJSON {
    public static let schemaVersion = 1

    public static func render(_ checked: CheckedPlan) -> String {
        let model = checked.model
        let plan = model.plan
        let document: JSONValue = .object([
            ("schemaVersion", .int(schemaVersion)),
            ("plan", .object([
                ("title", .string(plan.title)),
                ("file", .string(checked.sources.files.first?.file.path)),
                ("years", .array(model.years.map { .string(LiteralText.financialYear($0)) })),
                ("asOf", .string(iso(checked.asOf))),
                ("approved", .string(plan.approvedOn.map(iso))),
                ("approvedBy", .string(plan.approvedBy)),
                ("confidenceWeights", .object(Confidence.allCases.map { ($0.rawValue, percent(model.weight($0))) })),
                ("requiredMetricKinds", .array(plan.requiredMetricKinds.map { .string($0.rawValue) })),
            ])),
            ("files", .array(checked.sources.files.map { .string($0.file.path) })),
            ("partners", .array(model.partners.map { p in .object([
                ("name", .string(p.name)), ("title", .string(p.title)), ("type", .string(p.type)), ("controlTotal", percent(p.controlTotal)),
            ]) })),
            ("people", .array(model.people.map { p in .object([
                ("name", .string(p.name)), ("title", .string(p.title)), ("partner", .string(p.partner)),
                ("role", .string(p.role)), ("capacity", .string(p.capacity.decimalString(places: 2))),
            ]) })),
            ("areas", .array(model.areas.map { .object([("name", .string($0.name)), ("title", .string($0.title))]) })),
            ("envelopes", .array(model.envelopes.map { e in .object([
                ("partner", .string(e.partner)),
                ("lines", .array(e.lines.map { .object([("year", .string(LiteralText.financialYear($0.year))), ("amount", money($0.amount))]) })),
            ]) })),
            ("schemes", .array(model.schemes.map { scheme($0, model) })),
            ("riskShares", .array(model.riskShares.map(riskShare))),
            ("scenarios", .array(model.scenarios.map(scenario))),
        ] + updatesAndRisks(updates: [], risks: model.risks) + [
            ("partnerYears", .array(partnerYears(model))),
            ("diagnostics", .object([("errors", .int(checked.diagnostics.errorCount)), ("warnings", .int(checked.diagnostics.warningCount))])),
        ])
        return JSONWriter.write(document)
    }

    static func money(_ x: Exact) -> JSONValue { .string(x.decimalString(places: 2)) }
    static func percent(_ x: Exact) -> JSONValue { .string(x.multiplied(by: .hundred).decimalString(places: 2)) }
    public static func iso(_ d: AccordModel.Date) -> String { d.iso }
    public static func iso(_ m: Month) -> String { m.iso }

    private static func scheme(_ s: Scheme, _ model: PlanModel) -> JSONValue {
        .object([
            ("name", .string(s.name)), ("title", .string(s.title)), ("area", .string(s.area)), ("level", .string(s.level.rawValue)),
            ("status", .string(s.status?.rawValue)), ("lead", .string(s.lead)), ("partners", .array(s.partners.map { .string($0) })),
            ("roles", .array(s.roles.map { .object([("role", .string($0.role)), ("person", .string($0.person)), ("fte", .string($0.fte?.decimalString(places: 2)))]) })),
            ("approved", .string(s.approvedOn.map(iso))), ("approvedBy", .string(s.approvedBy)),
            ("confidence", .string(s.confidence.rawValue)), ("confidenceWeight", percent(model.weight(s.confidence))),
            ("recurrent", .bool(s.recurrent)), ("qia", .string(s.qia)), ("qiaDate", .string(s.qiaDate.map(iso))),
            ("counts", .bool(s.counts)),
            ("share", s.share.map { share in .object(share.keys.sorted().map { ($0, percent(share[$0]!)) }) } ?? .null),
            ("savings", .array(s.savings.map { savings($0, of: s, model) })),
            ("milestones", .array(s.milestones.map { m in .object([
                ("name", .string(m.name)), ("title", .string(m.title)), ("due", .string(m.due.map(iso))), ("critical", .bool(m.critical)),
                ("owner", .string(m.owner)), ("done", .string(m.done.map(iso))), ("forecast", .string(m.forecast.map(iso))),
                ("after", .array(m.after.map { .string("\($0.scheme).\($0.milestone)") })),
            ]) })),
            ("metrics", .array(s.metrics.map { m in .object([
                ("name", .string(m.name)), ("title", .string(m.title)), ("kind", .string(m.kind?.rawValue)), ("unit", .string(m.unit)),
                ("better", .string(m.better?.rawValue)), ("valueKind", .string(m.valueKind?.rawValue)),
                ("baseline", m.baseline.map { point($0, of: m) } ?? .null),
                ("target", m.target.map { metricValue($0, of: m) } ?? .null), ("targetMonth", .string(m.targetMonth.map(iso))),
                ("change", m.change.map(percent) ?? .null),
                ("trajectory", .array(m.trajectory.map { point($0, of: m) })), ("actuals", .array(m.actuals.map { point($0, of: m) })),
            ]) })),
        ] + updatesAndRisks(updates: s.updates, risks: s.risks))
    }

    private static func savings(_ y: YearSavings, of s: Scheme, _ model: PlanModel) -> JSONValue {
        let shown = model.shownSavings(of: s, y)
        let attribution: [JSONValue] = shown.attribution.map {
            .object([("partner", .string($0.partner)), ("dimension", .string($0.dimension.rawValue)),
                     ("planned", money($0.planned)), ("riskAdjusted", money($0.riskAdjusted))])
        }
        func months(_ entries: [SavingsActual]) -> JSONValue {
            .array(entries.map { .object([("month", .string("M\($0.month)")), ("dimension", .string($0.dimension.rawValue)), ("amount", money($0.amount))]) })
        }
        let forecasts: [(String, JSONValue)] = y.forecasts.keys.sorted().map { ($0.rawValue, money(y.forecasts[$0]!)) }
        return .object([
            ("year", .string(LiteralText.financialYear(y.year))),
            ("cashReleasing", money(shown.planned[.cashReleasing])), ("productivity", money(shown.planned[.productivity])),
            ("costGrowthAvoided", money(shown.planned[.costGrowthAvoided])),
            ("total", money(shown.planned.total)), ("riskAdjusted", money(shown.riskAdjusted.total)),
            ("phasing", y.phasing.map { .array($0.map(percent)) } ?? .null),
            ("actuals", months(y.actuals)), ("forecasts", .object(forecasts)), ("attribution", .array(attribution)),
        ] + (y.monthlyForecasts.isEmpty ? [] : [("monthlyForecasts", months(y.monthlyForecasts))]) + cost(model.shownCost(of: s, y, cashReleasing: shown.planned[.cashReleasing])))
    }

    /// `cost`, `net` and `costAttribution`, only for a year with a `cost` line (Costs.swift).
    private static func cost(_ cost: SchemeYearCost?) -> [(String, JSONValue)] {
        guard let cost else { return [] }
        return [("cost", money(cost.cost)), ("net", money(cost.net)),
                ("costAttribution", .array(cost.attribution.map { .object([("partner", .string($0.partner)), ("cost", money($0.cost))]) }))]
    }

    private static func point(_ p: MetricPoint, of metric: Metric) -> JSONValue {
        .object([("month", .string(iso(p.month))), ("value", metricValue(p.value, of: metric))])
    }

    /// A percent metric's values are percentages, as shares are (`"6.20"` for 6.2%, not `"0.06"`).
    private static func metricValue(_ x: Exact, of metric: Metric) -> JSONValue {
        metric.valueKind == .percent ? percent(x) : .string(x.decimalString(places: 2))
    }

    private static func riskShare(_ t: RiskShareTerm) -> JSONValue {
        func bands(_ list: [Band]) -> JSONValue {
            .array(list.map { b in .object([
                ("upTo", b.upTo.map(money) ?? .null),
                ("splits", .array(b.splits.map { .object([("partner", .string($0.partner)), ("share", percent($0.share))]) })),
            ]) })
        }
        return .object([
            ("name", .string(t.name)), ("title", .string(t.title)), ("schemes", .array(t.schemes.map { .string($0) })),
            ("measure", .string(t.measure.rawValue)),
            ("years", t.years.map { r in .array(r.map { .string(LiteralText.financialYear($0)) }) } ?? .null),
            ("shortfall", bands(t.shortfall)), ("gain", bands(t.gain)),
            ("caps", .array(t.caps.map { .object([("partner", .string($0.partner)), ("amount", money($0.amount))]) })),
        ])
    }

    private static func scenario(_ s: Scenario) -> JSONValue {
        .object([
            ("name", .string(s.name)), ("title", .string(s.title)),
            ("defaultDelivery", s.defaultDelivery.map(percent) ?? .null),
            ("delivery", .object(s.delivery.keys.sorted().map { ($0, percent(s.delivery[$0]!)) })),
            ("outturns", .array(s.outturns.map { .object([("scheme", .string($0.scheme)), ("year", .string(LiteralText.financialYear($0.year))),
                                                          ("dimension", .string($0.dimension.rawValue)), ("amount", money($0.amount))]) })),
        ])
    }

    /// The summary's shown figures, partner by partner, each partner's years in order.
    private static func partnerYears(_ model: PlanModel) -> [JSONValue] {
        let byYear = model.years.map { model.partnerYears($0).rows }
        return model.partners.indices.flatMap { i in
            byYear.map { rows in
                let row = rows[i]
                return .object([
                    ("partner", .string(row.partner)), ("year", .string(LiteralText.financialYear(row.year))),
                    ("attributed", money(row.attributed)), ("riskAdjusted", money(row.riskAdjusted)),
                    ("controlTotal", money(row.controlTotal)), ("controlTotalRiskAdjusted", money(row.controlTotalRiskAdjusted)),
                    ("envelope", row.envelope.map(money) ?? .null), ("gap", row.gap.map(money) ?? .null),
                ])
            }
        }
    }
}
