import AccordSyntax

/// One risk-share term evaluated for one year under one scenario (brief §3, `accord eval`).
public struct TermEvaluation: Sendable {
    public enum Source: Sendable, Equatable {
        /// Plan × a delivery share (the scheme's own, else the scenario's default, else 100%).
        case delivery(Exact)
        /// A known outturn replaced the plan figure.
        case outturn
    }

    public struct SchemeLine: Sendable {
        public let scheme: String
        public let planned: Exact
        public let delivered: Exact
        public let source: Source
    }

    public let term: RiskShareTerm
    public let year: Int
    /// nil for the plan as written (100% delivery, no variance).
    public let scenario: Scenario?
    public let schemes: [SchemeLine]
    public let planned: Exact
    public let delivered: Exact
    /// delivered − planned: negative is a shortfall, positive a gain.
    public let variance: Exact
    /// The split of the shortfall or gain; nil when there is no variance.
    public let allocation: RiskShareAllocation.Allocation?

    public var isShortfall: Bool { variance.isNegative }
}

extension PlanModel {
    /// The years a term is evaluated in: its own `years`, else every plan year.
    public func years(of term: RiskShareTerm) -> [Int] {
        term.years.map(Array.init) ?? years
    }

    /// Evaluates `term` in `year` under `scenario`. Amounts are before risk adjustment.
    public func evaluate(_ term: RiskShareTerm, year: Int, scenario: Scenario?) throws(ArithmeticProblem) -> TermEvaluation {
        var lines: [TermEvaluation.SchemeLine] = []
        var planned = Exact.zero, delivered = Exact.zero
        for name in term.schemes {
            guard let scheme = scheme(name), scheme.counts else { continue }
            var schemePlanned = Exact.zero, schemeDelivered = Exact.zero
            var source = TermEvaluation.Source.delivery(.one)
            for dimension in term.measure.dimensions {
                let plan = scheme.savings(in: year)?.amount(dimension) ?? .zero
                schemePlanned = try schemePlanned.adding(plan)
                if let outturn = scenario?.outturns.first(where: { $0.scheme == name && $0.year == year && $0.dimension == dimension }) {
                    schemeDelivered = try schemeDelivered.adding(outturn.amount)
                    source = .outturn
                } else {
                    let share = scenario?.delivery[name] ?? scenario?.defaultDelivery ?? .one
                    schemeDelivered = try schemeDelivered.adding(plan.multiplied(by: share))
                    if source != .outturn { source = .delivery(share) }
                }
            }
            lines.append(.init(scheme: name, planned: schemePlanned, delivered: schemeDelivered, source: source))
            planned = try planned.adding(schemePlanned)
            delivered = try delivered.adding(schemeDelivered)
        }
        let variance = try delivered.subtracting(planned)
        var allocation: RiskShareAllocation.Allocation?
        if !variance.isZero {
            let bands = (variance.isNegative ? term.shortfall : term.gain).map {
                RiskShareAllocation.Band(upTo: $0.upTo, splits: $0.splits.map { ($0.partner, $0.share) })
            }
            var caps: [String: Exact] = [:]
            for cap in term.caps { caps[cap.partner] = cap.amount }
            allocation = try RiskShareAllocation.allocate(amount: variance.magnitude, bands: bands, caps: caps)
        }
        return TermEvaluation(term: term, year: year, scenario: scenario, schemes: lines, planned: planned,
                              delivered: delivered, variance: variance, allocation: allocation)
    }
}

extension PlanRules {
    /// W411 on check: every declared scenario is evaluated, and a cap that leaves part of an
    /// amount with no partner to bear it is reported at the cap of the first partner brought down.
    mutating func checkScenarios() {
        for term in model.riskShares {
            for scenario in model.scenarios {
                for year in model.years(of: term) {
                    guard let evaluation = try? model.evaluate(term, year: year, scenario: scenario),
                          let allocation = evaluation.allocation, !allocation.unallocatedByCaps.isZero else { continue }
                    let capped = Set(allocation.capRounds.flatMap { $0.capped.map(\.partner) })
                    guard let first = term.caps.filter({ capped.contains($0.partner) }).min(by: { $0.partner < $1.partner }) else { continue }
                    let kind = evaluation.isShortfall ? "shortfall" : "gain"
                    report(.W411, first.ref, "in scenario \(scenario.name), \(term.name) \(LiteralText.financialYear(year)): caps leave \(allocation.unallocatedByCaps.formattedMoney(alwaysPennies: true)) of the \(kind) of \(evaluation.variance.magnitude.formattedMoney(alwaysPennies: true)) with no partner to bear it",
                           help: "raise a cap, or add a partner without a cap to the bands, so the whole amount is shared")
                }
            }
        }
    }
}
