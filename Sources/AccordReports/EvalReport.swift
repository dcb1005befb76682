import AccordChecks
import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord eval`: the risk-share terms of a checked plan evaluated under the plan as written or
/// under scenarios, with every figure of the working rounded once, here, for all four formats.
///
/// Rounding (LANGUAGE.md "Showing amounts") is the model's (`Shown`, `Allocation.shown`): the
/// schemes are a partition of the term's planned and delivered figures and each scheme's
/// dimensions a partition of its own; the amount shared is shown delivered − shown planned, and
/// the allocation's working is shown top-down from it, so every line adds up to the penny.
public struct EvalReport: Sendable {
    public let planTitle: String
    /// Every scenario the plan declares, by name.
    public let declaredScenarios: [String]
    public let planFile: String?
    public let asOf: AccordModel.Date
    /// nil: the plan as written (no `--scenario`).
    public let scenarios: [Scenario]?
    /// `--scenario all`: the scenarios side by side per partner, before each one's working.
    public let sideBySide: Bool
    /// By scenario (as declared), then term (as declared), then year.
    public let evaluations: [ShownEvaluation]
    /// Per term and year whose schemes have a `cost`: gross, cost and net (Costs.swift).
    public let costs: [TermCosts]

    /// Evaluates every term in each of its years under each of `scenarios` (nil: the plan as written).
    public init(_ checked: CheckedPlan, scenarios: [Scenario]?, sideBySide: Bool = false) {
        let model = checked.model
        planTitle = model.plan.title
        declaredScenarios = model.scenarios.map(\.name)
        planFile = checked.sources.files.first?.file.path
        asOf = checked.asOf
        self.scenarios = scenarios
        self.sideBySide = sideBySide
        var evaluations: [ShownEvaluation] = []
        for scenario in scenarios.map({ $0.map(Optional.some) }) ?? [nil] {
            for term in model.riskShares {
                for year in model.years(of: term) {
                    evaluations.append(ShownEvaluation(model.evaluate(term, year: year, scenario: scenario)))
                }
            }
        }
        self.evaluations = evaluations
        costs = model.riskShares.flatMap { term in model.years(of: term).compactMap { model.termCosts(term, year: $0) } }
    }

    /// Every partner any evaluation names, in name order (bytewise, as rounding breaks ties).
    func partners(of evaluations: [ShownEvaluation]) -> [String] {
        Set(evaluations.flatMap { $0.result.map(\.partner) }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The evaluations of one term and year, one per scenario: the columns of an exposure table.
    var exposureGroups: [[ShownEvaluation]] {
        var order: [String] = []
        var groups: [String: [ShownEvaluation]] = [:]
        for evaluation in evaluations {
            let key = "\(evaluation.term.name) \(evaluation.year)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(evaluation)
        }
        return order.map { groups[$0]! }
    }
}

/// One term, year and scenario, every figure rounded to the penny for showing.
public struct ShownEvaluation: Sendable {
    public enum Kind: String, Sendable { case shortfall, gain, none }

    // The same lines and band parts as the evaluation's, their figures rounded to the penny.
    public typealias SchemeLine = TermEvaluation.SchemeLine
    public typealias DimensionLine = TermEvaluation.DimensionLine
    public typealias BandPart = RiskShareAllocation.BandPart

    public typealias Band = RiskShareAllocation.ShownAllocation.Band
    public typealias Capped = RiskShareAllocation.CappedPartner
    public typealias Receiver = RiskShareAllocation.ShownAllocation.Receiver
    public typealias CapRound = RiskShareAllocation.ShownAllocation.CapRound

    public struct PartnerResult: Sendable {
        public let partner: String
        public let beforeCaps: Exact
        public let cap: Exact?
        public let amount: Exact
        /// Brought down to its cap in some round.
        public let capped: Bool
    }

    public let evaluation: TermEvaluation
    public var term: RiskShareTerm { evaluation.term }
    public var year: Int { evaluation.year }
    public var scenario: Scenario? { evaluation.scenario }

    public let schemes: [SchemeLine]
    public let planned: Exact
    public let delivered: Exact
    public let variance: Exact
    public let kind: Kind
    /// |variance|, the amount the bands share.
    public let amount: Exact
    /// Empty when there is no variance, or the term has no bands of this kind.
    public let bands: [Band]
    /// The part of the amount past the last `up-to` (bands that do not end in `above`, W411).
    public let beyondBands: Exact
    public let capRounds: [CapRound]
    /// Partners in name order.
    public let result: [PartnerResult]
    /// Σ of the partners' results.
    public let allocated: Exact
    /// What no partner bears before caps: past the bands, or percents short of 100%.
    public let unallocatedBeforeCaps: Exact
    /// What no partner bears: past the bands, left by caps, or percents short of 100%.
    public let unallocated: Exact
    /// Of `unallocated`, what caps left with nobody to receive it.
    public let unallocatedByCaps: Exact

    init(_ evaluation: TermEvaluation) {
        self.evaluation = evaluation
        let planned = Shown.partition(evaluation.schemes.map { ($0.scheme, $0.planned) })
        let delivered = Shown.partition(evaluation.schemes.map { ($0.scheme, $0.delivered) })
        var schemes: [SchemeLine] = []
        for (index, line) in evaluation.schemes.enumerated() {
            // A scheme's dimensions keep the pennies the term's partition gave the scheme.
            let linePlanned = Shown.partition(line.lines.map { ($0.dimension.rawValue, $0.planned) }, whole: planned.parts[index])
            let lineDelivered = Shown.partition(line.lines.map { ($0.dimension.rawValue, $0.delivered) }, whole: delivered.parts[index])
            schemes.append(SchemeLine(
                scheme: line.scheme, counts: line.counts,
                lines: line.lines.indices.map { DimensionLine(dimension: line.lines[$0].dimension, planned: linePlanned.parts[$0],
                                                               delivered: lineDelivered.parts[$0], source: line.lines[$0].source) },
                planned: planned.parts[index], delivered: delivered.parts[index]))
        }
        self.schemes = schemes
        self.planned = planned.whole
        self.delivered = delivered.whole
        variance = delivered.whole.subtracting(planned.whole)
        kind = evaluation.variance.isZero ? .none : evaluation.isShortfall ? .shortfall : .gain

        guard let allocation = evaluation.allocation else {
            amount = .zero; bands = []; beyondBands = .zero; capRounds = []; result = []
            allocated = .zero; unallocatedBeforeCaps = .zero; unallocated = .zero; unallocatedByCaps = .zero
            return
        }
        let shown = allocation.shown(amount: evaluation.shownAmount)
        amount = shown.amount
        bands = shown.bands
        beyondBands = shown.beyondBands
        capRounds = shown.capRounds
        let capped = Set(allocation.capRounds.flatMap { $0.capped.map(\.partner) })
        result = shown.parts.indices.map { i in
            let partner = shown.parts[i].partner
            return PartnerResult(partner: partner, beforeCaps: shown.beforeCaps[i].amount, cap: evaluation.caps[partner].map(Shown.amount),
                                 amount: shown.parts[i].amount, capped: capped.contains(partner))
        }
        allocated = shown.total
        unallocatedBeforeCaps = shown.unallocatedBeforeCaps
        unallocated = shown.unallocated
        unallocatedByCaps = shown.unallocatedByCaps
    }

    /// A partner's result with its sign: negative for a shortfall borne, positive for a gain kept.
    func signed(_ amount: Exact) -> Exact { kind == .shortfall ? amount.negated : amount }

}

// MARK: Words shared by the text and Markdown renderers

extension ShownEvaluation {
    /// `aic-op "Outpatient aligned incentive contract", FY22/23, cash-releasing`
    var heading: String {
        "\(term.name)\(term.title.map { " " + LiteralText.quoted($0) } ?? ""), \(LiteralText.financialYear(year)), measure \(term.measure.rawValue)"
    }

    /// How a scheme's delivered figure was reached.
    static func how(_ line: DimensionLine, scheme: String) -> String {
        switch line.source {
        case .fullDelivery: "100% of plan"
        case .scenarioDelivery(let share): "\(share.formattedPercent()) of plan (the scenario's delivery)"
        case .schemeDelivery(let share): "\(share.formattedPercent()) of plan (\(scheme)'s delivery)"
        case .outturn: "outturn"
        }
    }

    /// `up to £250,000.00 (from £0.00)`, `above £1,000,000.00`.
    static func describe(_ band: Band) -> String {
        if let to = band.to { return "up to \(money(to)) (from \(money(band.from)))" }
        return "above \(money(band.from))"
    }

    /// What the variance is, in one sentence.
    var varianceSentence: String {
        let arithmetic = "\(money(delivered)) delivered - \(money(planned)) planned = \(money(variance))"
        switch kind {
        case .none: return "Delivered equals planned (\(money(planned))): no shortfall or gain to share."
        case .shortfall, .gain:
            let bandsWord = kind == .shortfall ? "shortfall" : "gain"
            if bands.isEmpty {
                return "\(kind == .shortfall ? "Shortfall" : "Gain") of \(money(amount)) (\(arithmetic)); the term has no \(bandsWord) bands, so nobody bears it (unallocated)."
            }
            return "\(kind == .shortfall ? "Shortfall" : "Gain") of \(money(amount)) (\(arithmetic)), shared by the \(bandsWord) bands:"
        }
    }

    /// The heading of a cap round.
    static func describe(_ round: CapRound, number: Int) -> String {
        let over = round.capped.map { "\($0.partner) \(money($0.bore)) is over its cap of \(money($0.cap)) by \(money($0.removed))" }
        let share = round.receivers.isEmpty
            ? "nobody below its cap bears anything to receive it, so it is unallocated (W411)"
            : "shared in proportion to what each receiver bears (\(money(round.weight)) between them)"
        return "Cap round \(number): \(over.joined(separator: "; ")); \(money(round.removed)) removed, \(share)."
    }

    /// `£135,000.00 × £75,000.00 ÷ £225,000.00`
    static func formula(_ receiver: Receiver, of round: CapRound) -> String {
        "\(money(receiver.bore)) × \(money(round.removed)) ÷ \(money(round.weight))"
    }

    /// The unallocated remainder explained, or nil when there is none.
    var unallocatedSentence: String? {
        guard !unallocated.isZero else { return nil }
        var reasons: [String] = []
        if !beyondBands.isZero { reasons.append("\(Self.money(beyondBands)) past the last band (the bands do not end in `above`)") }
        if !unallocatedByCaps.isZero { reasons.append("\(Self.money(unallocatedByCaps)) that caps left with nobody to receive it") }
        if bands.contains(where: { !$0.unsplit.isZero }) { reasons.append("band percents short of 100%") }
        return "Unallocated \(Self.money(unallocated)) (W411): \(reasons.joined(separator: "; "))."
    }

    static func money(_ amount: Exact) -> String { amount.formattedMoney(alwaysPennies: true) }
    func money(_ amount: Exact) -> String { Self.money(amount) }
}

extension Scenario {
    /// `delivery 100% of plan by default; SE-05 30%; outturn PIP-06 FY22/23 cash-releasing £300,000.00`
    var deliverySentence: String {
        var parts = ["delivery \((defaultDelivery ?? .one).formattedPercent()) of plan by default"]
        parts += delivery.keys.sorted().map { "\($0) \(delivery[$0]!.formattedPercent())" }
        parts += outturns.map { "outturn \($0.scheme) \(LiteralText.financialYear($0.year)) \($0.dimension.rawValue) \($0.amount.formattedMoney(alwaysPennies: true))" }
        return parts.joined(separator: "; ")
    }
}
