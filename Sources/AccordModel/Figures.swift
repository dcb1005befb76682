import AccordSyntax

/// The derived figures of brief §3: attribution by share, risk adjustment by confidence weight,
/// control-total view, envelope gap and the in-year position. Exact throughout.
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
                body(partner, amount.multiplied(by: fraction))
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
        amount.multiplied(by: weight(scheme.confidence))
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
                    total.planned = total.planned.adding(part)
                    total.riskAdjusted = total.riskAdjusted.adding(riskAdjusted(part, for: scheme))
                    totals[name] = total
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

