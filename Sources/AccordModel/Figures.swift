import AccordSyntax

/// The derived figures of brief §3: attribution by share, risk adjustment by confidence weight,
/// control-total view, envelope gap and the in-year position. Exact throughout; arithmetic that
/// overflows gives nil (the evaluator has already refused any value that large).
extension PlanModel {
    /// A scheme's savings in one year and dimension attributed to partners: by `share`, or all to
    /// the one partner. Cost growth avoided is system-level and never attributed.
    public func attribution(of scheme: Scheme, year: Int, dimension: Dimension) -> [String: Exact] {
        var parts: [String: Exact] = [:]
        forEachAttributed(scheme, year: year, dimension: dimension) { parts[$0] = $1 }
        return parts
    }

    /// Each entry of `attribution(of:year:dimension:)`, without building the dictionary.
    private func forEachAttributed(_ scheme: Scheme, year: Int, dimension: Dimension, _ body: (_ partner: String, _ part: Exact) -> Void) {
        guard let amount = attributable(scheme, year: year, dimension: dimension) else { return }
        if let share = scheme.share {
            for (partner, fraction) in share {
                if let part = try? amount.multiplied(by: fraction) { body(partner, part) }
            }
        } else if scheme.partners.count == 1 {
            body(scheme.partners[0], amount)
        }
    }

    /// The amount a scheme's year and dimension puts up for attribution, if any.
    private func attributable(_ scheme: Scheme, year: Int, dimension: Dimension) -> Exact? {
        guard dimension.isAttributed, let amount = scheme.savings(in: year)?.amount(dimension), !amount.isZero else { return nil }
        return amount
    }

    /// Savings × the scheme's confidence weight.
    public func riskAdjusted(_ amount: Exact, for scheme: Scheme) -> Exact {
        (try? amount.multiplied(by: weight(scheme.confidence))) ?? .zero
    }

    /// A partner's attributed savings in a year across every counting scheme, planned and risk-adjusted.
    public func attributed(to partner: String, year: Int) -> (planned: Exact, riskAdjusted: Exact) {
        attributedByPartner(year: year, only: partner)[partner] ?? (.zero, .zero)
    }

    /// Every partner's attributed savings in a year (or only `partner`'s), planned and
    /// risk-adjusted: one pass over the schemes however many partners there are.
    func attributedByPartner(year: Int, only partner: String? = nil) -> [String: (planned: Exact, riskAdjusted: Exact)] {
        var totals: [String: (planned: Exact, riskAdjusted: Exact)] = [:]
        for scheme in schemes where scheme.counts {
            for dimension in Dimension.allCases {
                forEachAttributed(scheme, year: year, dimension: dimension) { name, part in
                    guard partner == nil || name == partner else { return }
                    var total = totals[name] ?? (.zero, .zero)
                    total.planned = (try? total.planned.adding(part)) ?? total.planned
                    total.riskAdjusted = (try? total.riskAdjusted.adding(riskAdjusted(part, for: scheme))) ?? total.riskAdjusted
                    totals[name] = total
                }
            }
        }
        return totals
    }

    /// The system view of a partner's attributed savings: planned and risk-adjusted, each ×
    /// the partner's `control-total` (brief §3, "Control total").
    public func controlTotalView(of partner: String, year: Int) -> (planned: Exact, riskAdjusted: Exact) {
        let share = self.partner(partner)?.controlTotal ?? .one
        let attributed = attributed(to: partner, year: year)
        return (attributed.planned.times(share), attributed.riskAdjusted.times(share))
    }

    /// Envelope − attributed risk-adjusted savings for a partner and year; nil when the partner
    /// has no envelope line that year. Positive means short (W401), negative means covered.
    public func envelopeGap(for partner: String, year: Int) -> (envelope: Exact, gap: Exact)? {
        guard let line = envelopes.first(where: { $0.partner == partner })?.lines.first(where: { $0.year == year }) else { return nil }
        return (line.amount, line.amount.minus(attributed(to: partner, year: year).riskAdjusted))
    }

    /// Programme savings of every scheme that counts, planned and risk-adjusted, in one year (nil:
    /// every year) and one dimension (nil: all three).
    public func programmeSavings(year: Int, dimension: Dimension?) -> (planned: Exact, riskAdjusted: Exact) {
        var planned = Exact.zero, adjusted = Exact.zero
        for scheme in schemes where scheme.counts {
            for savings in scheme.savings where savings.year == year {
                for d in Dimension.allCases where dimension == nil || d == dimension {
                    planned = planned.plus(savings.amount(d))
                    adjusted = adjusted.plus(riskAdjusted(savings.amount(d), for: scheme))
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
        let phasing = savings.phasing ?? Array(repeating: Exact(1).dividedOrZero(by: Exact(12)), count: 12)
        let share = (try? Exact.sum(phasing.prefix(months))) ?? .zero
        return (try? savings.amount(dimension).multiplied(by: share)) ?? .zero
    }

    /// The in-year position of one scheme, year and dimension (brief §3, "In-year tracking");
    /// nil without an `actual` for that dimension.
    public func inYearPosition(_ savings: YearSavings, _ dimension: Dimension, asOf: Date) -> InYearPosition? {
        let actuals = savings.actuals.filter { $0.dimension == dimension }
        guard !actuals.isEmpty else { return nil }
        let plan = yearToDatePlan(savings, dimension, asOf: asOf)
        let actual = (try? Exact.sum(actuals.map(\.amount))) ?? .zero
        return InYearPosition(months: Date.monthsBegun(year: savings.year, asOf: asOf), plan: plan, actual: actual,
                              forecastOutturn: savings.forecasts[dimension] ?? savings.amount(dimension), yearPlan: savings.amount(dimension))
    }
}

/// Year to date (M1 to M`months`): plan, actual and variance; and the forecast outturn for the year.
public struct InYearPosition: Sendable, Equatable {
    public var months: Int
    public var plan: Exact
    public var actual: Exact
    public var forecastOutturn: Exact
    public var yearPlan: Exact
    public var variance: Exact { actual.minus(plan) }
}

/// Arithmetic for figures derived from values the evaluator has already bounded, where an
/// overflow cannot arise in practice: it gives zero (or leaves the value as it was).
extension Exact {
    public func dividedOrZero(by other: Exact) -> Exact { (try? divided(by: other)) ?? .zero }
    public func times(_ other: Exact) -> Exact { (try? multiplied(by: other)) ?? .zero }
    public func plus(_ other: Exact) -> Exact { (try? adding(other)) ?? self }
    public func minus(_ other: Exact) -> Exact { (try? subtracting(other)) ?? self }
}
