import AccordNumbers
import AccordSyntax

/// Cost to deliver and net savings (`cost` in a savings year). A cost is attributed to partners
/// by the scheme's `share` exactly as its cash-releasing savings are, and never risk-adjusted (it
/// is committed). Net = cash-releasing − cost, per scheme, partner and year; the envelope gap is
/// envelope − (attributed risk-adjusted savings − attributed cost). Reports add cost and net only
/// when `hasCosts`, so a plan without `cost` lines shows exactly what it did before.
extension PlanModel {
    /// Whether a counting scheme has a `cost` line.
    public var hasCosts: Bool { schemes.contains { $0.counts && $0.savings.contains { $0.cost != nil } } }

    /// A scheme's cost in one year attributed to partners, as its cash-releasing savings are.
    public func costAttribution(of scheme: Scheme, year: Int) -> [String: Exact] {
        var parts: [String: Exact] = [:]
        forEachCostPart(of: scheme, year: year) { parts[self[$0].name] = $1 }
        return parts
    }

    private func forEachCostPart(of scheme: Scheme, year: Int, _ body: (_ partner: PartnerID, _ part: Exact) -> Void) {
        if let cost = scheme.savings(in: year)?.cost, !cost.isZero { forEachPart(of: cost, by: scheme, body) }
    }

    /// Every partner's attributed cash-releasing savings and cost in a year, across counting
    /// schemes, by partner id.
    package func attributedCashAndCost(year: Int) -> [(cashReleasing: Exact, cost: Exact)] {
        var totals = [(cashReleasing: Exact, cost: Exact)](repeating: (.zero, .zero), count: partners.count)
        for scheme in schemes where scheme.counts {
            forEachAttributed(scheme, year: year, dimension: .cashReleasing) { totals[$0.index].cashReleasing = totals[$0.index].cashReleasing.adding($1) }
            forEachCostPart(of: scheme, year: year) { totals[$0.index].cost = totals[$0.index].cost.adding($1) }
        }
        return totals
    }

    /// A scheme's cash-releasing savings and cost over the plan's years (W418).
    public func planTotals(of scheme: Scheme) -> (cashReleasing: Exact, cost: Exact) {
        let inPlan = scheme.savings.filter { plan.years?.contains($0.year) ?? false }
        return (Exact.sum(inPlan.map { $0.amount(.cashReleasing) }), Exact.sum(inPlan.map { $0.cost ?? .zero }))
    }
}

extension PartnerYear {
    /// Attributed cash-releasing − attributed cost, from the shown figures (rule 3).
    public var net: Exact { cashReleasing.subtracting(cost) }
    /// What counts against the envelope: risk-adjusted savings less the (committed) cost.
    public var netRiskAdjusted: Exact { riskAdjusted.subtracting(cost) }
}

/// A scheme's cost in one year as shown: the cost (rule 1), its partners a partition of it
/// (rule 2, partners in name order) and net = the shown cash-releasing − the shown cost (rule 3).
public struct SchemeYearCost: Sendable {
    public var cost: Exact
    public var net: Exact
    public var attribution: [(partner: String, cost: Exact)]
}

extension PlanModel {
    /// Nil without a `cost` line that year; `cashReleasing` is the scheme's shown figure.
    public func shownCost(of scheme: Scheme, _ savings: YearSavings, cashReleasing: Exact) -> SchemeYearCost? {
        guard let exact = savings.cost else { return nil }
        let cost = Shown.amount(exact)
        let parts = costAttribution(of: scheme, year: savings.year).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let shown = Shown.partition(parts.map { ($0.key, $0.value) }, whole: cost).parts
        return SchemeYearCost(cost: cost, net: cashReleasing.subtracting(cost), attribution: zip(parts, shown).map { ($0.key, $1) })
    }
}

/// The cost to deliver of a risk-share term's schemes in one year (`accord eval`): committed, so
/// outside the allocation, which shares savings. Gross and cost are each a partition of the
/// term's total (rule 2); net is gross − cost from the shown figures (rule 3).
public struct TermCosts: Sendable {
    public struct Line: Sendable {
        public var scheme: String
        public var gross: Exact
        public var cost: Exact
        public var net: Exact { gross.subtracting(cost) }
    }
    public var term: String
    public var year: Int
    public var lines: [Line]
    public var total: Line
}

extension PlanModel {
    /// Nil when none of the term's counting schemes has a `cost` line that year.
    public func termCosts(_ term: RiskShareTerm, year: Int) -> TermCosts? {
        let savings = term.schemes.compactMap { name in scheme(name).flatMap { $0.counts ? $0.savings(in: year) : nil }.map { (name, $0) } }
        guard savings.contains(where: { $0.1.cost != nil }) else { return nil }
        let gross = Shown.partition(savings.map { ($0.0, $0.1.amount(.cashReleasing)) })
        let cost = Shown.partition(savings.map { ($0.0, $0.1.cost ?? .zero) })
        return TermCosts(term: term.name, year: year,
                         lines: savings.indices.map { TermCosts.Line(scheme: savings[$0].0, gross: gross.parts[$0], cost: cost.parts[$0]) },
                         total: TermCosts.Line(scheme: "total", gross: gross.whole, cost: cost.whole))
    }
}
