import AccordModel
import AccordSyntax

/// `accord eval`: the risk-share terms of a checked plan evaluated under the plan as written or
/// under scenarios, with every figure of the working rounded once, here, for all four formats.
///
/// Rounding (LANGUAGE.md "Showing amounts"): each line of the working is a partition rounded by
/// largest remainder against its own rounded whole, so it adds up to the penny — the schemes to
/// the term's planned and delivered figures, a band's partners (and any percents short of 100%)
/// to what the band holds, a cap round's receivers (and what nobody could take) to what it
/// removed, the partners' results and the unallocated remainder to the amount. Lines are rounded
/// from exact values independently, so a figure carried from one line to another may differ by a
/// penny when the exact amounts have fractions of a penny.
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

    /// Evaluates every term in each of its years under each of `scenarios` (nil: the plan as written).
    public init(_ checked: CheckedPlan, scenarios: [Scenario]?, sideBySide: Bool = false) throws(ArithmeticProblem) {
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
                    evaluations.append(try ShownEvaluation(try model.evaluate(term, year: year, scenario: scenario)))
                }
            }
        }
        self.evaluations = evaluations
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

    public struct Band: Sendable {
        public let from: Exact
        /// nil for `above`.
        public let to: Exact?
        /// What the band holds.
        public let inside: Exact
        public let parts: [BandPart]
        /// The part no percent covers (percents short of 100%, E401).
        public let unsplit: Exact
    }

    public struct Capped: Sendable {
        public let partner: String
        public let bore: Exact
        public let cap: Exact
        public let removed: Exact
    }

    public struct Receiver: Sendable {
        public let partner: String
        public let bore: Exact
        public let receives: Exact
        /// What it bears after the round.
        public let after: Exact
    }

    public struct CapRound: Sendable {
        public let capped: [Capped]
        public let removed: Exact
        /// Σ of the receivers' `bore`: the denominator of their shares of `removed`.
        public let weight: Exact
        public let receivers: [Receiver]
        /// What nobody could receive (W411).
        public let unallocated: Exact
    }

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

    init(_ evaluation: TermEvaluation) throws(ArithmeticProblem) {
        self.evaluation = evaluation
        let planned = try Self.partition(evaluation.schemes.map { ($0.scheme, $0.planned) })
        let delivered = try Self.partition(evaluation.schemes.map { ($0.scheme, $0.delivered) })
        var schemes: [SchemeLine] = []
        for (index, line) in evaluation.schemes.enumerated() {
            let linePlanned = try Self.partition(line.lines.map { ($0.dimension.rawValue, $0.planned) })
            let lineDelivered = try Self.partition(line.lines.map { ($0.dimension.rawValue, $0.delivered) })
            schemes.append(SchemeLine(
                scheme: line.scheme, counts: line.counts,
                lines: line.lines.indices.map { DimensionLine(dimension: line.lines[$0].dimension, planned: linePlanned.parts[$0],
                                                               delivered: lineDelivered.parts[$0], source: line.lines[$0].source) },
                planned: planned.parts[index], delivered: delivered.parts[index]))
        }
        self.schemes = schemes
        self.planned = planned.whole
        self.delivered = delivered.whole
        variance = try delivered.whole.subtracting(planned.whole)
        kind = evaluation.variance.isZero ? .none : evaluation.isShortfall ? .shortfall : .gain

        guard let allocation = evaluation.allocation else {
            amount = .zero; bands = []; beyondBands = .zero; capRounds = []; result = []
            allocated = .zero; unallocatedBeforeCaps = .zero; unallocated = .zero; unallocatedByCaps = .zero
            return
        }
        amount = try allocation.amount.rounded(places: 2)
        bands = try allocation.bands.map { (band) throws(ArithmeticProblem) in
            let parts = try Self.partition(band.parts.map { ($0.partner, $0.amount) } + [(Self.remainderKey, band.unsplit)])
            return Band(from: try band.from.rounded(places: 2), to: try band.to?.rounded(places: 2), inside: parts.whole,
                        parts: band.parts.indices.map { BandPart(partner: band.parts[$0].partner, share: band.parts[$0].share, amount: parts.parts[$0]) },
                        unsplit: parts.parts.last ?? .zero)
        }
        beyondBands = try allocation.beyondBands.rounded(places: 2)
        capRounds = try allocation.capRounds.map { (round) throws(ArithmeticProblem) in
            let removed = try Self.partition(round.capped.map { ($0.partner, $0.removed) })
            let received = try Self.partition(round.receivers.map { ($0.partner, $0.receives) } + [(Self.remainderKey, round.unallocated)])
            let after = try Self.partition(round.after.map { ($0.partner, $0.amount) })
            let afterByPartner = Dictionary(uniqueKeysWithValues: zip(round.after.map(\.partner), after.parts))
            return CapRound(
                capped: try round.capped.indices.map { (i) throws(ArithmeticProblem) in
                    Capped(partner: round.capped[i].partner, bore: try round.capped[i].bore.rounded(places: 2),
                           cap: try round.capped[i].cap.rounded(places: 2), removed: removed.parts[i])
                },
                removed: received.whole,
                weight: try Exact.sum(round.receivers.map(\.bore)).rounded(places: 2),
                receivers: try round.receivers.indices.map { (i) throws(ArithmeticProblem) in
                    Receiver(partner: round.receivers[i].partner, bore: try round.receivers[i].bore.rounded(places: 2),
                             receives: received.parts[i], after: afterByPartner[round.receivers[i].partner] ?? .zero)
                },
                unallocated: received.parts.last ?? .zero)
        }
        let before = try Self.partition(allocation.beforeCaps.map { ($0.partner, $0.amount) }
                                        + [(Self.remainderKey, try allocation.unallocated.subtracting(allocation.unallocatedByCaps))])
        let shown = try allocation.shown()
        let capped = Set(allocation.capRounds.flatMap { $0.capped.map(\.partner) })
        result = allocation.final.indices.map { i in
            let partner = allocation.final[i].partner
            return PartnerResult(partner: partner, beforeCaps: before.parts[i], cap: evaluation.caps[partner].flatMap { try? $0.rounded(places: 2) },
                                 amount: shown.parts[i].amount, capped: capped.contains(partner))
        }
        allocated = shown.total
        unallocatedBeforeCaps = before.parts.last ?? .zero
        unallocated = shown.unallocated
        unallocatedByCaps = try allocation.unallocatedByCaps.rounded(places: 2)
    }

    /// A partner's result with its sign: negative for a shortfall borne, positive for a gain kept.
    func signed(_ amount: Exact) -> Exact { kind == .shortfall ? amount.negated : amount }

    /// Sorts after every partner or scheme name, so rounding ties go to named parts first.
    static let remainderKey = "\u{10FFFF}"

    static func partition(_ parts: [(String, Exact)]) throws(ArithmeticProblem) -> RoundedPartition {
        try Exact.roundedPartition(parts.map { (key: $0.0, value: $0.1) }, places: 2)
    }
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
