import AccordNumbers
import AccordSyntax

/// One risk-share term evaluated for one year under one scenario (brief §3, `accord eval`).
public struct TermEvaluation: Sendable {
    /// Where a scheme's delivered figure in one dimension comes from.
    public enum Source: Sendable, Equatable {
        /// No delivery % applies (no scenario, or one that sets none): 100% of plan.
        case fullDelivery
        /// Plan × the scenario's default `delivery`.
        case scenarioDelivery(Exact)
        /// Plan × the scenario's `delivery` for this scheme.
        case schemeDelivery(Exact)
        /// The scenario's `outturn` for this scheme, year and dimension replaces the plan figure.
        case outturn

        /// The share of plan delivered, when delivery is a share of plan.
        public var share: Exact? {
            switch self {
            case .fullDelivery: .one
            case .scenarioDelivery(let share), .schemeDelivery(let share): share
            case .outturn: nil
            }
        }
    }

    /// One scheme's figures in one measured dimension.
    public struct DimensionLine: Sendable {
        public let dimension: Dimension
        public let planned: Exact
        public let delivered: Exact
        public let source: Source

        /// Public so a report can hold the same line with its figures rounded for showing.
        public init(dimension: Dimension, planned: Exact, delivered: Exact, source: Source) {
            self.dimension = dimension
            self.planned = planned
            self.delivered = delivered
            self.source = source
        }
    }

    /// One of the term's schemes.
    public struct SchemeLine: Sendable {
        public let scheme: String
        /// False for a `withdrawn` scheme: it counts in no total, so it has no lines.
        public let counts: Bool
        /// One line per measured dimension (three for `measure total`).
        public let lines: [DimensionLine]
        public let planned: Exact
        public let delivered: Exact

        public init(scheme: String, counts: Bool, lines: [DimensionLine], planned: Exact, delivered: Exact) {
            self.scheme = scheme
            self.counts = counts
            self.lines = lines
            self.planned = planned
            self.delivered = delivered
        }
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
    /// Each partner's cap for the term (the first `cap` line per partner).
    public let caps: [String: Exact]
    /// The split of the shortfall or gain; nil when there is no variance.
    public let allocation: RiskShareAllocation.Allocation?

    public var isShortfall: Bool { variance.isNegative }

    /// The amount the bands share as shown: shown delivered − shown planned, without its sign
    /// (LANGUAGE.md "Showing amounts", rule 3).
    public var shownAmount: Exact { Shown.amount(delivered).subtracting(Shown.amount(planned)).magnitude }
}

extension PlanModel {
    /// The years a term is evaluated in: its own `years`, else every plan year.
    public func years(of term: RiskShareTerm) -> [Int] {
        term.years.map(Array.init) ?? years
    }

    /// Evaluates `term` in `year` under `scenario` (nil: the plan as written). Amounts are before
    /// risk adjustment, and a savings `forecast` plays no part: brief §3 counts plan × delivery %,
    /// replaced only by a scenario's `outturn`.
    public func evaluate(_ term: RiskShareTerm, year: Int, scenario: Scenario?) -> TermEvaluation {
        var schemeLines: [TermEvaluation.SchemeLine] = []
        var planned = Exact.zero, delivered = Exact.zero
        for name in term.schemes {
            guard let scheme = scheme(name) else { continue }
            guard scheme.counts else {
                schemeLines.append(.init(scheme: name, counts: false, lines: [], planned: .zero, delivered: .zero))
                continue
            }
            let source: TermEvaluation.Source =
                if let share = scenario?.delivery[name] { .schemeDelivery(share) }
                else if let share = scenario?.defaultDelivery { .scenarioDelivery(share) }
                else { .fullDelivery }
            var lines: [TermEvaluation.DimensionLine] = []
            for dimension in term.measure.dimensions {
                let plan = scheme.savings(in: year)?.amount(dimension) ?? .zero
                if let outturn = scenario?.outturns.first(where: { $0.scheme == name && $0.year == year && $0.dimension == dimension }) {
                    lines.append(.init(dimension: dimension, planned: plan, delivered: outturn.amount, source: .outturn))
                } else {
                    lines.append(.init(dimension: dimension, planned: plan, delivered: plan.multiplied(by: source.share ?? .one), source: source))
                }
            }
            let schemePlanned = Exact.sum(lines.map(\.planned)), schemeDelivered = Exact.sum(lines.map(\.delivered))
            schemeLines.append(.init(scheme: name, counts: true, lines: lines, planned: schemePlanned, delivered: schemeDelivered))
            planned = planned.adding(schemePlanned)
            delivered = delivered.adding(schemeDelivered)
        }
        let variance = delivered.subtracting(planned)
        var caps: [String: Exact] = [:]
        for cap in term.caps where caps[cap.partner] == nil { caps[cap.partner] = cap.amount }
        var allocation: RiskShareAllocation.Allocation?
        if !variance.isZero {
            let bands = (variance.isNegative ? term.shortfall : term.gain).map {
                RiskShareAllocation.Band(upTo: $0.upTo, splits: $0.splits.map { ($0.partner, $0.share) })
            }
            allocation = RiskShareAllocation.allocate(amount: variance.magnitude, bands: bands, caps: caps)
        }
        return TermEvaluation(term: term, year: year, scenario: scenario, schemes: schemeLines, planned: planned,
                              delivered: delivered, variance: variance, caps: caps, allocation: allocation)
    }
}
