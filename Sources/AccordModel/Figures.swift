import AccordNumbers
import AccordSyntax

/// The derived figures of brief §3: attribution by share, risk adjustment by confidence weight,
/// control-total view, envelope gap and the in-year position. Exact throughout.
extension PlanModel {
    /// A scheme's savings in one year and dimension attributed to partners: by `share`, or all to
    /// the one partner. Cost growth avoided is system-level and never attributed.
    public func attribution(of scheme: Scheme, year: Int, dimension: Dimension) -> [String: Exact] {
        var parts: [String: Exact] = [:]
        forEachAttributed(scheme, year: year, dimension: dimension) { parts[self[$0].name] = $1 }
        return parts
    }

    /// Each entry of `attribution(of:year:dimension:)`, without building the dictionary.
    func forEachAttributed(_ scheme: Scheme, year: Int, dimension: Dimension, _ body: (_ partner: PartnerID, _ part: Exact) -> Void) {
        guard let amount = attributable(scheme, year: year, dimension: dimension) else { return }
        forEachPart(of: amount, by: scheme, body)
    }

    /// `amount` split by the scheme's `share`, or all to its one partner (savings and costs alike).
    func forEachPart(of amount: Exact, by scheme: Scheme, _ body: (_ partner: PartnerID, _ part: Exact) -> Void) {
        for part in scheme.shareParts {
            body(part.partner, part.fraction == .one ? amount : amount.multiplied(by: part.fraction))
        }
    }

    /// The amount a scheme's year and dimension puts up for attribution, if any.
    private func attributable(_ scheme: Scheme, year: Int, dimension: Dimension) -> Exact? {
        guard dimension.isAttributed, let amount = scheme.savings(in: year)?.amount(dimension), !amount.isZero else { return nil }
        return amount
    }

    /// Savings × the scheme's confidence weight.
    public func riskAdjusted(_ amount: Exact, for scheme: Scheme) -> Exact {
        amount.multiplied(by: weight(scheme.confidence))
    }

    /// A partner's attributed savings in a year across every counting scheme, planned and risk-adjusted.
    public func attributed(to partner: String, year: Int) -> (planned: Exact, riskAdjusted: Exact) {
        names.partner(partner).map { attributedByPartner(year: year)[$0.index] } ?? (.zero, .zero)
    }

    /// Every partner's attributed savings in a year, planned and risk-adjusted, by partner id:
    /// one pass over the schemes however many partners there are.
    package func attributedByPartner(year: Int) -> [(planned: Exact, riskAdjusted: Exact)] {
        var totals = [(planned: Exact, riskAdjusted: Exact)](repeating: (.zero, .zero), count: partners.count)
        for scheme in schemes where scheme.counts {
            for dimension in Dimension.allCases {
                forEachAttributed(scheme, year: year, dimension: dimension) { partner, part in
                    totals[partner.index].planned = totals[partner.index].planned.adding(part)
                    totals[partner.index].riskAdjusted = totals[partner.index].riskAdjusted.adding(riskAdjusted(part, for: scheme))
                }
            }
        }
        return totals
    }

    /// A partner's envelope for a year; nil when it has no envelope line that year.
    public func envelopeLine(for partner: String, year: Int) -> Exact? {
        envelopes.first(where: { $0.partner == partner })?.lines.first(where: { $0.year == year })?.amount
    }

    /// Programme savings of every scheme that counts, planned and risk-adjusted, in one year (nil:
    /// every year) and one dimension (nil: all three).
    public func programmeSavings(year: Int, dimension: Dimension?) -> (planned: Exact, riskAdjusted: Exact) {
        var planned = Exact.zero, adjusted = Exact.zero
        for scheme in schemes where scheme.counts {
            for savings in scheme.savings where savings.year == year {
                for d in Dimension.allCases where dimension == nil || d == dimension {
                    planned = planned.adding(savings.amount(d))
                    adjusted = adjusted.adding(riskAdjusted(savings.amount(d), for: scheme))
                }
            }
        }
        return (planned, adjusted)
    }

    /// The plan's years as a list (empty when `years` is missing).
    public var years: [Int] { plan.years.map(Array.init) ?? [] }

    /// Year-to-date plan for one scheme, year and dimension: the year's plan × the phasing of
    /// the months begun.
    public func yearToDatePlan(_ savings: YearSavings, _ dimension: Dimension, asOf: Date) -> Exact {
        let months = Date.monthsBegun(year: savings.year, asOf: asOf)
        let phasing = savings.phasing ?? Array(repeating: Exact.twelfth, count: 12)
        return savings.amount(dimension).multiplied(by: Exact.sum(phasing.prefix(months)))
    }

    /// The in-year position of one scheme, year and dimension (brief §3, "In-year tracking");
    /// nil without an `actual` or a monthly `forecast` for that dimension.
    public func inYearPosition(_ savings: YearSavings, _ dimension: Dimension, asOf: Date) -> InYearPosition? {
        let actuals = savings.actuals.filter { $0.dimension == dimension }
        guard !actuals.isEmpty || savings.hasMonthlyForecasts(dimension) else { return nil }
        let plan = yearToDatePlan(savings, dimension, asOf: asOf)
        let actual = Exact.sum(actuals.map(\.amount))
        return InYearPosition(months: Date.monthsBegun(year: savings.year, asOf: asOf), plan: plan, actual: actual,
                              forecastOutturn: savings.forecastOutturn(dimension), yearPlan: savings.amount(dimension))
    }
}

/// Year to date (M1 to M`months`): plan, actual and variance; and the forecast outturn for the year.
public struct InYearPosition: Sendable, Equatable {
    public var months: Int
    public var plan: Exact
    public var actual: Exact
    public var forecastOutturn: Exact
    public var yearPlan: Exact
    public var variance: Exact { actual.subtracting(plan) }
}

/// Year to date and forecast outturn, shown (rounded) so that variance = actual − plan exactly.
public struct InYearFigures: Sendable, Equatable {
    public var plan: Exact
    public var actual: Exact
    public var forecastOutturn: Exact
    public var yearPlan: Exact
    public var variance: Exact { actual.subtracting(plan) }
    /// Forecast outturn against the year's plan, from the shown figures (rule 3).
    public var forecastVariance: Exact { forecastOutturn.subtracting(yearPlan) }
    /// The exact year-to-date plan and actual these figures were shown from: a percent is worked
    /// out from them (rule 3), and a sum of lines (a scheme, an area) sums them too.
    package var exactPlan: Exact
    package var exactActual: Exact
    /// Variance as a share of the year-to-date plan, from the exact figures (`Shown.percent`);
    /// nil when that plan is zero.
    public var variancePercent: Exact? { Shown.percent(exactActual.subtracting(exactPlan), of: exactPlan) }

    package init(plan: Exact, actual: Exact, forecastOutturn: Exact, yearPlan: Exact, exactPlan: Exact, exactActual: Exact) {
        self.plan = plan
        self.actual = actual
        self.forecastOutturn = forecastOutturn
        self.yearPlan = yearPlan
        self.exactPlan = exactPlan
        self.exactActual = exactActual
    }
}

/// The PMO's monthly position for one financial year (brief §3, "In-year tracking").
public struct InYearSummary: Sendable {
    public struct Line: Sendable {
        public var scheme: String
        public var schemeID: SchemeID
        public var title: String?
        public var dimension: Dimension
        public var figures: InYearFigures
    }
    public var year: Int
    /// Year to date runs M1 to M`months`.
    public var months: Int
    /// Only scheme, year and dimension lines with at least one `actual`.
    public var lines: [Line]
    /// The sum of the lines.
    public var total: InYearFigures
    /// Whether a line is forecast by month: the table then shows the forecast variance too.
    public var monthlyForecasts = false
}

/// One partner's savings in one year against its envelope (brief §3, "Attribution", "Control
/// total", "Envelope gap"). For a total row, `partner` is empty and the envelope sums the lines.
public struct PartnerYear: Sendable {
    public var partner: String
    public var title: String?
    public var year: Int
    public var attributed: Exact
    public var riskAdjusted: Exact
    /// Attributed cash-releasing savings and cost (Costs.swift), each a partition of the year's total.
    public var cashReleasing: Exact = .zero
    public var cost: Exact = .zero
    /// Nil when the partner has no envelope line that year.
    public var envelope: Exact?
    /// The partner's inclusion in the control total (nil on a total row).
    public var controlTotalShare: Exact?
    public var controlTotal: Exact
    public var controlTotalRiskAdjusted: Exact
    /// Envelope − (risk-adjusted attributed − attributed cost), from the shown figures: positive
    /// is unidentified (W401), negative more than covered.
    public var gap: Exact? { envelope.map { $0.subtracting(netRiskAdjusted) } }
    /// Risk-adjusted attributed less cost as a share of the envelope, from the exact figures (`Shown.percent`).
    public var coverage: Exact?
}

/// A person's role on a scheme, with the FTE given to it when stated.
public struct Allocation: Sendable, Equatable {
    public var scheme: String
    public var role: String
    public var fte: Exact?
}

// MARK: - Shared definitions (also used by the checks)

extension PlanModel {
    /// A person's roles on schemes that still need them: counting schemes not yet closed (W404).
    public func allocations(of person: String) -> [Allocation] { names.person(person).map { allocationsByPerson()[$0.index] } ?? [] }

    /// Everyone's roles, by person id, in one pass over the schemes (people and schemes both
    /// grow with the programme, so a pass per person would be quadratic).
    public func allocationsByPerson() -> [[Allocation]] {
        var byPerson = [[Allocation]](repeating: [], count: people.count)
        for scheme in schemes where scheme.counts && scheme.status != .closed {
            for role in scheme.roles {
                guard let person = names.person(role.person) else { continue }
                byPerson[person.index].append(Allocation(scheme: scheme.name, role: role.role, fte: role.fte))
            }
        }
        return byPerson
    }
}

extension [Allocation] {
    /// The FTE given across these roles (roles without an FTE count nothing).
    public var totalFTE: Exact { compactMap(\.fte).reduce(Exact.zero) { $0.adding($1) } }
}

extension Milestone {
    /// Due before the as-of date and not done (W402).
    public func isOverdue(asOf: Date) -> Bool { done == nil && (due.map { $0 < asOf } ?? false) }

    /// Forecast later than its due date and not done (W412).
    public var isSlipping: Bool {
        guard done == nil, let due, let forecast else { return false }
        return forecast > due
    }
}

extension Metric {
    /// The trajectory's value at `month`: its point there, else the straight line between the
    /// neighbouring points (the baseline is a point); nil after the last point or before the baseline.
    public func trajectoryValue(at month: Month) -> Exact? {
        Metric.interpolate((baseline.map { [($0.month, $0.value)] } ?? []) + trajectory.map { ($0.month, $0.value) }, at: month)
    }

    /// The value at `month` on the straight lines between `points`: a point's own value there;
    /// nil before the first point or after the last.
    package static func interpolate(_ points: [(Month, Exact)], at month: Month) -> Exact? {
        let points = points.sorted { $0.0 < $1.0 }
        guard let first = points.first, let last = points.last, month >= first.0, month <= last.0 else { return nil }
        if let exact = points.first(where: { $0.0 == month }) { return exact.1 }
        guard let after = points.firstIndex(where: { $0.0 > month }), after > 0 else { return nil }
        let (m0, v0) = points[after - 1], (m1, v1) = points[after]
        let elapsed = Exact(month.index - m0.index)
        // m1 is after m0, so the span is never zero.
        return v0.adding(v1.subtracting(v0).multiplied(by: elapsed.multiplied(by: Exact(reduced: 1, BigInt(m1.index - m0.index)))))
    }

    /// A metric value as written: money as money, percents as percents.
    public func format(_ x: Exact) -> String {
        switch valueKind {
        case .money?: x.formattedMoney()
        case .percent?: x.formattedPercent()
        default: x.formattedNumber(grouping: false)
        }
    }

    /// The plan line at `month`: baseline, trajectory points and target joined by straight lines
    /// (as W410 joins them), holding the target after its month; nil before the baseline.
    public func plannedValue(at month: Month) -> Exact? {
        var points = (baseline.map { [($0.month, $0.value)] } ?? []) + trajectory.map { ($0.month, $0.value) }
        if let target, let targetMonth, !points.contains(where: { $0.0 >= targetMonth }) { points.append((targetMonth, target)) }
        guard let last = points.max(by: { $0.0 < $1.0 }) else { return nil }
        return month > last.0 ? last.1 : Metric.interpolate(points, at: month)
    }
}

// MARK: - Shown figures the checks share

extension PlanModel {
    /// The in-year position of one financial year (brief §3, "In-year tracking"), every line
    /// shown as a part of the year's total (rule 2) so that the lines add to it; W414 quotes
    /// the same figures.
    public func inYear(_ year: Int, asOf: Date) -> InYearSummary {
        var keys: [String] = [], positions: [InYearPosition] = []
        var lines: [InYearSummary.Line] = []
        var monthlyForecasts = false
        for scheme in schemes where scheme.counts {
            guard let savings = scheme.savings(in: year) else { continue }
            for dimension in Dimension.allCases {
                guard let position = inYearPosition(savings, dimension, asOf: asOf) else { continue }
                monthlyForecasts = monthlyForecasts || savings.hasMonthlyForecasts(dimension)
                keys.append("\(scheme.name) \(dimension.rawValue)")
                positions.append(position)
                lines.append(.init(scheme: scheme.name, schemeID: scheme.id, title: scheme.title, dimension: dimension,
                                   figures: InYearFigures(plan: .zero, actual: .zero, forecastOutturn: .zero, yearPlan: .zero, exactPlan: .zero, exactActual: .zero)))
            }
        }
        func column(_ value: (InYearPosition) -> Exact) -> RoundedPartition {
            Shown.partition(zip(keys, positions).map { ($0, value($1)) })
        }
        let plan = column(\.plan), actual = column(\.actual), forecast = column(\.forecastOutturn), yearPlan = column(\.yearPlan)
        for i in lines.indices {
            lines[i].figures = InYearFigures(plan: plan.parts[i], actual: actual.parts[i], forecastOutturn: forecast.parts[i], yearPlan: yearPlan.parts[i],
                                             exactPlan: positions[i].plan, exactActual: positions[i].actual)
        }
        let exactPlan = Exact.sum(positions.map(\.plan)), exactActual = Exact.sum(positions.map(\.actual))
        return InYearSummary(year: year, months: Date.monthsBegun(year: year, asOf: asOf), lines: lines,
                             total: InYearFigures(plan: plan.whole, actual: actual.whole, forecastOutturn: forecast.whole, yearPlan: yearPlan.whole,
                                                  exactPlan: exactPlan, exactActual: exactActual),
                             monthlyForecasts: monthlyForecasts)
    }

    /// Every partner's attributed savings in one year against its envelope, each column shown as a
    /// partition of the year's total (rule 2); the gap is worked out from the shown figures
    /// (rule 3), so W401's "short by" is the summary's gap.
    public func partnerYears(_ year: Int) -> (rows: [PartnerYear], total: PartnerYear) {
        let byPartner = attributedByPartner(year: year), costs = attributedCashAndCost(year: year)
        let figures = partners.indices.map { index in
            let partner = partners[index], attributed = byPartner[index]
            return (partner, attributed, (attributed.planned.multiplied(by: partner.controlTotal), attributed.riskAdjusted.multiplied(by: partner.controlTotal)),
                    envelopeLine(for: partner.name, year: year), costs[index])
        }
        let keys = partners.map(\.name)
        func column(_ values: [Exact]) -> RoundedPartition { Shown.partition(Array(zip(keys, values))) }
        let attributed = column(figures.map(\.1.planned)), adjusted = column(figures.map(\.1.riskAdjusted))
        let control = column(figures.map(\.2.0)), controlAdjusted = column(figures.map(\.2.1))
        let cash = column(figures.map(\.4.cashReleasing)), cost = column(figures.map(\.4.cost))
        var rows: [PartnerYear] = []
        for (i, (partner, exact, _, envelope, costs)) in figures.enumerated() {
            rows.append(PartnerYear(partner: partner.name, title: partner.title, year: year, attributed: attributed.parts[i],
                                    riskAdjusted: adjusted.parts[i], cashReleasing: cash.parts[i], cost: cost.parts[i],
                                    envelope: envelope.map(Shown.amount), controlTotalShare: partner.controlTotal,
                                    controlTotal: control.parts[i], controlTotalRiskAdjusted: controlAdjusted.parts[i],
                                    coverage: envelope.flatMap { Shown.percent(exact.riskAdjusted.subtracting(costs.cost), of: $0) }))
        }
        let envelopes = rows.compactMap(\.envelope)
        let exactEnvelopes = figures.compactMap(\.3)
        let total = PartnerYear(partner: "", title: nil, year: year, attributed: attributed.whole, riskAdjusted: adjusted.whole,
                                cashReleasing: cash.whole, cost: cost.whole, envelope: envelopes.isEmpty ? nil : Exact.sum(envelopes), controlTotalShare: nil,
                                controlTotal: control.whole, controlTotalRiskAdjusted: controlAdjusted.whole,
                                coverage: exactEnvelopes.isEmpty ? nil : Shown.percent(Exact.sum(figures.filter { $0.3 != nil }.map { $0.1.riskAdjusted.subtracting($0.4.cost) }), of: Exact.sum(exactEnvelopes)))
        return (rows, total)
    }
}
