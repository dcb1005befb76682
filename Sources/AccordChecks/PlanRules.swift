import AccordDiagnostics
import AccordModel
import AccordNumbers
import AccordSyntax

/// The checks of brief §4 that look at the finished model (E401–E409, W401–W414), each a
/// function appending diagnostics. Names (E2xx) and values (E3xx) were checked while building.
struct PlanRules {
    let model: PlanModel
    /// Nil when the plan's `as-of` could not be read: checks against it are skipped.
    let asOf: Date?
    /// Schemes and bands that could not be read whole, the mistake already reported: their
    /// partners are not counted nor their percents summed.
    let incomplete: Incomplete
    var diagnostics: [Diagnostic] = []
    /// Each year's in-year figures as the summary shows them, by scheme and dimension: worked
    /// out once per year when W414 first quotes them (once per scheme made the check quadratic).
    private var shownInYear: [Int: [SchemeDimension: InYearFigures]] = [:]

    private struct SchemeDimension: Hashable {
        let scheme: SchemeID
        let dimension: Dimension
    }

    init(model: PlanModel, asOf: Date?, incomplete: Incomplete) {
        self.model = model
        self.asOf = asOf
        self.incomplete = incomplete
    }

    mutating func report(_ code: DiagnosticCode, _ ref: SourceRef, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(code, file: model.file(of: ref), range: ref.range, message: message, help: help))
    }

    mutating func run() {
        for scheme in model.schemes {
            if !incomplete.schemes.contains(scheme.id) {
                checkShare(scheme)
                checkLevel(scheme)
                checkLead(scheme)
            }
            checkClosure(scheme)
            checkActuals(scheme)
            checkMilestones(scheme)
            checkMetrics(scheme)
            checkGovernance(scheme)
            checkInYear(scheme)
            checkCosts(scheme)
            checkUpdates(scheme)
        }
        checkMilestoneOrder()
        checkMilestoneCycles()
        checkEnvelopes()
        checkCapacity()
        for term in model.riskShares { checkBands(term) }
        checkScenarios()
        checkRisks()
    }

    private func money(_ x: Exact) -> String { x.formattedMoney() }

    // MARK: Shares and partners (E401, E402, E405, E407, E403)

    mutating func checkShare(_ scheme: Scheme) {
        if let share = scheme.share, let ref = scheme.shareRef {
            let total = Exact.sum(share.values)
            if total != .one {
                report(.E401, ref, "the shares of scheme \(scheme.name) sum to \(total.formattedPercent()), not 100%",
                       help: "adjust the partners' percents so they add up to 100%")
            }
            for line in scheme.shareLines where !scheme.partners.contains(line.partner) {
                report(.E402, line.ref, "\(line.partner) has a share of scheme \(scheme.name) but is not among its partners",
                       help: "add \(line.partner) to `partners`, or remove its share line")
            }
        } else if scheme.partners.count >= 2, scheme.savings.contains(where: { s in Dimension.allCases.contains { $0.isAttributed && !s.amount($0).isZero } }) {
            report(.E405, scheme.ref, "scheme \(scheme.name) has \(scheme.partners.count) partners and savings, but no `share`",
                   help: "add a `share { … }` block saying how its savings are attributed, e.g. \(scheme.partners.prefix(2).map { "\($0) 50%" }.joined(separator: "; "))")
        }
    }

    mutating func checkLevel(_ scheme: Scheme) {
        let count = scheme.partners.count
        if scheme.level == .system, count < 2 {
            report(.E403, scheme.partnersRef ?? scheme.attributeRefs[.level] ?? scheme.ref, "scheme \(scheme.name) is at system level but has \(count) partner\(count == 1 ? "" : "s")",
                   help: "a system scheme needs two or more partners; name them in `partners`, or write `level organisation`")
        } else if scheme.level == .organisation, count > 1 {
            report(.E403, scheme.partnersRef ?? scheme.attributeRefs[.level] ?? scheme.ref, "scheme \(scheme.name) is at organisation level but has \(count) partners",
                   help: "an organisation scheme has one partner; write `level system` or `level place`, or keep one partner")
        }
    }

    mutating func checkLead(_ scheme: Scheme) {
        guard let lead = scheme.lead, !scheme.partners.contains(lead), let ref = scheme.partnersRef else { return }
        report(.E407, ref, "the lead partner \(lead) is not among the partners of scheme \(scheme.name)",
               help: "add \(lead) to `partners`")
    }

    // MARK: Status and milestones (E404, E408, W402, W412, W409)

    mutating func checkClosure(_ scheme: Scheme) {
        guard scheme.status == .closure || scheme.status == .closed else { return }
        for milestone in scheme.milestones where milestone.critical && milestone.done == nil {
            report(.E404, milestone.ref, "scheme \(scheme.name) is \(scheme.status!.phrase) but critical milestone \(milestone.name) is not done",
                   help: "record `done DATE` on the milestone, or move the scheme back to `delivery`")
        }
    }

    mutating func checkMilestones(_ scheme: Scheme) {
        for milestone in scheme.milestones {
            var titled: String { "\(milestone.qualifiedName)\(milestone.title.map { " " + LiteralText.quoted($0) } ?? "")" } // for messages only
            if let asOf, let done = milestone.done, done > asOf, let ref = milestone.doneRef {
                report(.E408, ref, "\(milestone.qualifiedName) is marked done on \(format(done)), after the as-of date \(format(asOf))",
                       help: "a milestone cannot be done in the future; correct the date, or use `forecast` for an expected date")
            }
            guard let due = milestone.due, let dueRef = milestone.dueRef, scheme.counts else { continue }
            if let asOf, milestone.isOverdue(asOf: asOf) {
                report(.W402, dueRef, "\(titled) due \(format(due)), not done",
                       help: "record `done DATE` if it is complete, or a `forecast DATE` for when it will be")
            }
            if milestone.isSlipping, let forecast = milestone.forecast {
                report(.W412, dueRef, "\(titled) is slipping: forecast \(format(forecast)), \(Date.days(from: due, to: forecast)) days after its due date \(format(due))",
                       help: "agree a recovery plan, or re-baseline the due date through change control")
            }
        }
        if scheme.status == .refresh, let years = model.plan.years {
            let end = Date(year: years.upperBound + 1, month: 3, day: 31)
            let open = scheme.milestones.contains { $0.critical && $0.done == nil && ($0.due.map { $0 <= end } ?? false) }
            if !open {
                report(.W409, scheme.ref, "scheme \(scheme.name) is in refresh but has no critical milestone still to do within the plan years",
                       help: "add the critical milestones of the refreshed plan, or move the scheme to `closure`")
            }
        }
    }

    /// W405: a milestone due before one of its prerequisites; W416: done before one is done.
    mutating func checkMilestoneOrder() {
        for scheme in model.schemes {
            for milestone in scheme.milestones {
                for prerequisite in milestone.after {
                    guard let target = prerequisite.target else { continue }
                    let other = model[target]
                    if let due = milestone.due, let otherDue = other.due, due < otherDue {
                        report(.W405, prerequisite.ref, "\(milestone.qualifiedName) is due \(format(due)), before its prerequisite \(other.qualifiedName) (due \(format(otherDue)))",
                               help: "move the due date after \(format(otherDue)), or remove the dependency")
                    }
                    guard let done = milestone.done else { continue }
                    if let otherDone = other.done {
                        if done < otherDone {
                            report(.W416, prerequisite.ref, "\(milestone.qualifiedName) was done on \(format(done)), before its prerequisite \(other.qualifiedName) (done \(format(otherDone)))",
                                   help: "check both `done` dates, or remove the dependency if \(milestone.name) did not wait for \(other.qualifiedName)")
                        }
                    } else {
                        report(.W416, prerequisite.ref, "\(milestone.qualifiedName) is done (\(format(done))) but its prerequisite \(other.qualifiedName) is not",
                               help: "record `done DATE` on \(other.qualifiedName) if it is complete, or remove the dependency if \(milestone.name) did not wait for it")
                    }
                }
            }
        }
    }

    /// E204: milestones whose `after` chains lead back to themselves, reported at each member's
    /// `after` link inside the cycle, each naming the whole cycle.
    mutating func checkMilestoneCycles() {
        // The graph's nodes are every milestone in model order: a scheme's first milestone is
        // node `first[scheme]`, its others follow.
        var milestones: [MilestoneID] = [], first: [Int] = []
        for scheme in model.schemes {
            first.append(milestones.count)
            milestones += scheme.milestones.map(\.id)
        }
        let successors = milestones.map { model[$0].after.compactMap { $0.target.map { first[$0.scheme.index] + $0.index } } }
        for component in Graph.stronglyConnectedComponents(count: milestones.count, successors: successors) {
            guard component.count > 1 || successors[component[0]].contains(component[0]) else { continue }
            let walk = Graph.closedWalk(through: component.sorted(), successors: successors)
            let positions = Graph.positions(in: walk)
            for member in component.sorted() {
                let path = Graph.Rotation(walk: walk, member: member, positions: positions)
                let milestone = model[milestones[member]], next = milestones[path[1]]
                guard let link = milestone.after.first(where: { $0.target == next }) else { continue }
                report(.E204, link.ref, "\(milestone.qualifiedName) comes after itself: \(Graph.describeCycle(path, separator: " after ") { model[milestones[$0]].qualifiedName })",
                       help: "remove one of these `after` links: a milestone cannot wait for one that waits for it")
            }
        }
    }

    // MARK: Savings (E409, W414)

    mutating func checkActuals(_ scheme: Scheme) {
        guard let asOf else { return }
        // A metric's actual, like a savings actual, is for a month that has begun.
        for metric in scheme.metrics {
            for actual in metric.actuals where Date(year: actual.month.year, month: actual.month.month, day: 1) > asOf {
                report(.E409, actual.ref, "an actual of \(metric.qualifiedName) for \(format(actual.month)), a month that has not begun by the as-of date \(format(asOf))",
                       help: "report actuals only for months that have begun; check the month or the plan's `as-of`")
            }
        }
        for savings in scheme.savings {
            let begun = Date.monthsBegun(year: savings.year, asOf: asOf)
            for actual in savings.actuals where actual.month > begun {
                let first = Date.firstDay(ofMonth: actual.month, year: savings.year)
                report(.E409, actual.ref, "an actual for M\(actual.month) of \(LiteralText.financialYear(savings.year)) (from \(format(first))), a month that has not begun by the as-of date \(format(asOf))",
                       help: "report actuals only for months that have begun; check the month or the plan's `as-of`")
            }
            checkMonthlyForecasts(savings, asOf: asOf)
        }
    }

    /// The line of the summary's in-year table for this scheme, dimension and year; nil without one.
    mutating func shownFigures(_ scheme: Scheme, _ dimension: Dimension, year: Int, asOf: Date) -> InYearFigures? {
        if shownInYear[year] == nil {
            let lines = model.inYear(year, asOf: asOf).lines.map { (SchemeDimension(scheme: $0.schemeID, dimension: $0.dimension), $0.figures) }
            shownInYear[year] = Dictionary(lines, uniquingKeysWith: { first, _ in first })
        }
        return shownInYear[year]?[SchemeDimension(scheme: scheme.id, dimension: dimension)]
    }

    /// W414 quotes the summary's in-year figures (`PlanModel.inYear`), so the two agree to the penny.
    mutating func checkInYear(_ scheme: Scheme) {
        guard scheme.counts else { return }
        for savings in scheme.savings {
            for dimension in Dimension.allCases {
                if let asOf, savings.actuals.contains(where: { $0.dimension == dimension }),
                   let position = model.inYearPosition(savings, dimension, asOf: asOf),
                   position.actual < position.plan.multiplied(by: Exact(reduced: 9, 10)),
                   let shown = shownFigures(scheme, dimension, year: savings.year, asOf: asOf) {
                    let behind = position.plan.subtracting(position.actual)
                    report(.W414, savings.ref, "\(scheme.name) \(LiteralText.financialYear(savings.year)) \(dimension.rawValue): year-to-date actual \(money(shown.actual)) is \((Shown.percent(behind, of: position.plan) ?? .zero).formattedPercent()) behind the plan of \(money(shown.plan))",
                           help: "more than 10% behind plan: agree a recovery plan, or record a realistic `forecast`")
                    continue
                }
                let plan = savings.amount(dimension)
                if savings.hasMonthlyForecasts(dimension) {
                    checkMonthlyOutturn(scheme, savings, dimension)
                } else if let forecast = savings.forecasts[dimension], forecast < plan {
                    report(.W414, savings.ref, "\(scheme.name) \(LiteralText.financialYear(savings.year)) \(dimension.rawValue): forecast outturn \(money(forecast)) is below the plan of \(money(plan))",
                           help: "close the gap, or reflect it in the plan and the envelope")
                }
            }
        }
    }

    // MARK: Envelopes and people (W401, W404)

    /// W401 quotes the summary's partner figures (`PlanModel.partnerYears`): the shortfall is the
    /// summary's gap, worked out from the shown figures.
    mutating func checkEnvelopes() {
        // Each year's figures for every partner, worked out once (a pass over the schemes each).
        var years: [Int: (shown: [PartnerYear], attributed: [(planned: Exact, riskAdjusted: Exact)], costs: [(cashReleasing: Exact, cost: Exact)])] = [:]
        for envelope in model.envelopes {
            guard let partner = envelope.partnerID else { continue }
            // A line outside the plan's years is E304 already: it has no savings to compare.
            for line in envelope.lines where model.plan.years?.contains(line.year) ?? true {
                let year = years[line.year] ?? (model.partnerYears(line.year).rows, model.attributedByPartner(year: line.year), model.attributedCashAndCost(year: line.year))
                years[line.year] = year
                let exact = year.attributed[partner.index].riskAdjusted.subtracting(year.costs[partner.index].cost)
                guard exact < line.amount else { continue }
                let row = year.shown[partner.index], shownEnvelope = row.envelope ?? Shown.amount(line.amount)
                // With a cost, the message names it: the figure against the envelope is net of it (Costs.swift).
                let savings = row.cost.isZero ? money(row.riskAdjusted) : "\(money(row.riskAdjusted)) less cost \(money(row.cost))"
                report(.W401, line.ref, "\(envelope.partner) \(LiteralText.financialYear(line.year)): attributed risk-adjusted savings \(savings) against an envelope of \(money(shownEnvelope)), short by \(money(shownEnvelope.subtracting(row.netRiskAdjusted)))",
                       help: "identify more savings for \(envelope.partner), raise confidence in existing schemes, or agree a smaller envelope")
            }
        }
    }

    mutating func checkCapacity() {
        let allocations = model.allocationsByPerson()
        for (index, person) in model.people.enumerated() {
            let mine = allocations[index]
            let total = mine.totalFTE
            if total > person.capacity {
                let schemes = mine.compactMap { a in a.fte.map { "\(a.scheme) \($0.formattedNumber())" } }
                report(.W404, person.ref, "\(person.name) is allocated \(total.formattedNumber()) FTE (\(schemes.joined(separator: ", "))) against a capacity of \(person.capacity.formattedNumber())",
                       help: "reduce the allocations, or raise `capacity` if they have more time for the programme")
            }
        }
    }

    // MARK: Metrics (W403, W406, W410)

    mutating func checkMetrics(_ scheme: Scheme) {
        if scheme.status == .delivery || scheme.status == .refresh {
            let kinds = Set(scheme.metrics.compactMap(\.kind))
            let missing = model.plan.requiredMetricKinds.filter { !kinds.contains($0) }
            if !missing.isEmpty {
                report(.W403, scheme.ref, "scheme \(scheme.name) is \(scheme.status!.phrase) without \(missing.map { "a\("aeiou".contains($0.rawValue.first!) ? "n" : "") \($0.rawValue)" }.joined(separator: " or ")) metric",
                       help: "add a metric with `kind \(missing[0].rawValue)` so delivery can be tracked")
            }
        }
        for metric in scheme.metrics {
            if let better = metric.better, let baseline = metric.baseline?.value, let target = metric.target, let ref = metric.targetRef,
               better == .lower ? target > baseline : target < baseline {
                report(.W406, ref, "\(metric.qualifiedName)'s target \(metric.format(target)) is \(better == .lower ? "higher" : "lower") than its baseline \(metric.format(baseline)), but `better \(better.rawValue)`",
                       help: "check the sign of the change, or the metric's `better`")
            }
            checkTrajectory(metric)
        }
    }

    /// W410: the latest actual against the trajectory at that month, interpolating straight
    /// lines between points (the baseline counts as a point).
    mutating func checkTrajectory(_ metric: Metric) {
        guard !metric.trajectory.isEmpty, let better = metric.better, let actual = metric.actuals.last,
              let expected = metric.trajectoryValue(at: actual.month) else { return }
        let worse = better == .lower ? actual.value > expected : actual.value < expected
        guard worse else { return }
        report(.W410, actual.ref, "\(metric.qualifiedName): actual \(metric.format(actual.value)) at \(format(actual.month)) is worse than the trajectory's \(metric.format(expected)) at \(format(actual.month))",
               help: "explain the variance and the recovery in the scheme's update, or revise the trajectory through change control")
    }

    // MARK: Risk-share bands (E401, E402, E406, W411)

    mutating func checkBands(_ term: RiskShareTerm) {
        let partners = Set(term.schemes.compactMap(model.scheme).flatMap(\.partners))
        for (bands, kind) in [(term.shortfall, "shortfall"), (term.gain, "gain")] where !bands.isEmpty {
            var previous: Exact?
            var sawAbove = false
            for band in bands {
                let total = Exact.sum(band.splits.map(\.share))
                if total != .one, !incomplete.bands.contains(band.ref) {
                    report(.E401, band.ref, "this \(kind) band's percents sum to \(total.formattedPercent()), not 100%", help: "adjust the partners' percents so the band adds up to 100%")
                }
                // No known partner at all means the schemes' own names did not resolve (E202 there).
                for split in band.splits where !partners.isEmpty && !partners.contains(split.partner) {
                    report(.E402, split.ref, "\(split.partner) is not a partner of any scheme of risk-share term \(term.name)",
                           help: "a band may name only partners of the schemes it measures (\(partners.sorted().joined(separator: ", ")))")
                }
                if sawAbove {
                    report(.E406, band.ref, "a \(kind) band after `above`", help: "`above` takes the rest of the amount, so it must be the last band")
                } else if let upTo = band.upTo, let previous, upTo <= previous {
                    report(.E406, band.ref, "this band's threshold \(money(upTo)) is not above the previous one (\(money(previous)))", help: "list `up-to` bands in ascending order")
                }
                if band.upTo == nil { sawAbove = true }
                previous = band.upTo ?? previous
            }
            if !sawAbove, let last = bands.last {
                report(.W411, last.ref, "the \(kind) bands of \(term.name) do not end in `above`: any amount past \(money(bands.compactMap(\.upTo).max() ?? .zero)) is left unallocated",
                       help: "add a final band: above PARTNER 100%")
            }
        }
    }

    // MARK: Governance (W408, W413)

    mutating func checkGovernance(_ scheme: Scheme) {
        guard let status = scheme.status else { return }
        if status.isAtLeast(.delivery) {
            if scheme.approvedOn == nil {
                report(.W408, scheme.ref, "scheme \(scheme.name) is \(status.phrase) but has no `approved` date", help: "record the approval: approved 2022-04-12 by \"SFPC\"")
            } else if scheme.qia != "signed-off" {
                report(.W408, scheme.attributeRefs[.qia] ?? scheme.ref, "scheme \(scheme.name) is \(status.phrase) without a signed-off quality impact assessment",
                       help: "record it once signed off: qia signed-off 2022-03-30")
            }
        }
        if scheme.confidence == .green, status == .idea || status == .scoping {
            report(.W413, scheme.attributeRefs[.confidence] ?? scheme.ref, "scheme \(scheme.name) is rated green while still at \(status.rawValue)", help: "rate it amber or red until it is approved and delivering")
        }
    }

    private func format(_ date: Date) -> String { date.iso }

    private func format(_ month: Month) -> String { month.iso }
}
