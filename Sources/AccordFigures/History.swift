import AccordChecks
import AccordDiagnostics
import AccordModel
import AccordNumbers
import AccordSyntax

/// A plan's trajectory across its own history (`accord history`): one checked revision per
/// period, its figures from `ProgrammeSummary` (so every figure is the one `accord summary`
/// shows for that revision), and the movement between consecutive periods, matched by name as
/// `PlanDiff` matches them. A revision whose plan has errors keeps only its counts: its figures
/// are left out of every trend and movement, never shown as zeros.
public struct PlanHistory: Sendable {
    public var periods: [HistoryPeriod]
    /// Between each period with figures and the next one with figures.
    public var movements: [HistoryMovement]
    /// Every plan year of any period with figures, in order.
    public var years: [Int]
    /// Each critical milestone's slip per period, for the slip chart.
    public var criticalSlips: [SlipSeries]
}

/// The revision chosen for a period, as read from the repository.
public struct HistoryRevision: Sendable {
    /// `2022-09`, `w/c 2022-09-12`, a tag, or a short commit name.
    public var period: String
    public var commit: String
    /// The commit's date (committer date, in its own time zone).
    public var date: Date
    public var subject: String

    public init(period: String, commit: String, date: Date, subject: String) {
        self.period = period
        self.commit = commit
        self.date = date
        self.subject = subject
    }

    public var shortCommit: String { String(commit.prefix(7)) }
}

public struct HistoryPeriod: Sendable {
    public var revision: HistoryRevision
    /// The plan's title in this revision.
    public var title: String
    public var asOf: Date
    public var errors: Int
    public var warnings: Int
    /// Nil when the plan has errors: left out of the trend figures, with a note.
    public var figures: PeriodFigures?
}

/// What a board reads off one period, every amount as `accord summary` shows it.
public struct PeriodFigures: Sendable {
    public var schemes: Int
    public var byStatus: [ProgrammeSummary.Tally]
    public var savings: [HistorySavings]
    /// The financial year of the as-of date within the plan (its first year before it starts).
    public var currentYear: Int?
    /// Year to date and forecast outturn for `currentYear` over the lines with actuals; nil
    /// before the plan's first year or while no line has an actual.
    public var inYear: InYearSummary?
    /// Each partner's position in `currentYear`.
    public var partners: [PartnerYear]
    public var milestonesOverdue: Int
    public var metricsOffTrack: Int
    public var critical: [MilestoneStatus]

    public func savings(in year: Int) -> HistorySavings? { savings.first { $0.year == year } }
}

/// One plan year of a period: savings (cash-releasing + productivity) planned and risk-adjusted,
/// cost growth avoided apart (it is never attributed to a partner), and the partners' envelopes.
public struct HistorySavings: Sendable {
    public var year: Int
    public var planned: Exact
    public var riskAdjusted: Exact
    public var costGrowthAvoided: Exact
    public var costGrowthAvoidedRiskAdjusted: Exact
    /// The sum of the partners' envelope lines that year; nil when no partner has one.
    public var envelope: Exact?
}

/// What moved from one period with figures to the next.
public struct HistoryMovement: Sendable {
    /// Indexes into `PlanHistory.periods`.
    public var from: Int
    public var to: Int
    /// Periods between the two whose plans had errors.
    public var passedOver: [Int]
    /// Programme savings per plan year of either period.
    public var savings: [ProgrammeMovement]
    /// The current year's forecast outturn and year-to-date variance, when both periods are in
    /// the same current year.
    public var inYear: InYearMovement?
    /// Per scheme and year, where any figure moved.
    public var schemes: [SchemeMovement]
    public var schemesAdded: [PlanDiff.SchemeEntry]
    public var schemesRemoved: [PlanDiff.SchemeEntry]
    /// Status and confidence changes.
    public var schemeChanges: [PlanDiff.SchemeFieldChange]
    /// Every scheme's title in the later period, for the rows that give only its name.
    public var schemeTitles: [String: String]
    /// Milestones added, removed, moved or done, with the days moved.
    public var milestones: [PlanDiff.MilestoneChange]

    public var isEmpty: Bool {
        savings.isEmpty && inYear == nil && schemes.isEmpty && schemesAdded.isEmpty && schemesRemoved.isEmpty
            && schemeChanges.isEmpty && milestones.isEmpty
    }
}

public struct ProgrammeMovement: Sendable {
    public var year: Int
    public var planned: PlanDiff.Change<Exact>
    public var riskAdjusted: PlanDiff.Change<Exact>
    public var costGrowthAvoided: PlanDiff.Change<Exact>
}

public struct InYearMovement: Sendable {
    public var year: Int
    public var forecastOutturn: PlanDiff.Change<Exact>
    public var variance: PlanDiff.Change<Exact>
}

/// A scheme's savings in one year (cash-releasing + productivity; nothing once withdrawn):
/// planned, risk-adjusted and forecast outturn (the `forecast` where given, else the plan), and
/// cost growth avoided apart. Each side is rounded to the penny; the change is after − before.
public struct SchemeMovement: Sendable {
    public var scheme: String
    public var title: String?
    public var year: Int
    public var planned: PlanDiff.Change<Exact>
    public var riskAdjusted: PlanDiff.Change<Exact>
    public var forecast: PlanDiff.Change<Exact>
    public var costGrowthAvoided: PlanDiff.Change<Exact>
}

/// A critical milestone's expected date (done, else forecast, else due) against its due date
/// in the first period that shows it, per period: nil where the period has no figures or the
/// plan no such dated milestone.
public struct SlipSeries: Sendable {
    public var milestone: String
    public var title: String?
    public var baselineDue: Date
    public var days: [Int?]
}

extension PlanDiff.Change where Value == Exact {
    /// After − before.
    public var difference: Exact { new.subtracting(old) }
}

extension PlanHistory {
    /// The history of the given revisions, oldest first, each already checked.
    public init(_ revisions: [(revision: HistoryRevision, plan: CheckedPlan)]) {
        var versions: [PlanVersion?] = [], periods: [HistoryPeriod] = []
        for (revision, checked) in revisions {
            let errors = checked.diagnostics.errorCount
            versions.append(errors == 0 ? PlanVersion(checked) : nil)
            periods.append(HistoryPeriod(revision: revision, title: checked.model.plan.title, asOf: checked.asOf, errors: errors, warnings: checked.diagnostics.warningCount,
                                         figures: errors == 0 ? PeriodFigures(ProgrammeSummary(checked)) : nil))
        }
        self.periods = periods
        let clean = periods.indices.filter { periods[$0].figures != nil }
        years = Array(Set(clean.flatMap { periods[$0].figures!.savings.map(\.year) })).sorted()
        movements = zip(clean, clean.dropFirst()).map { from, to in
            HistoryMovement(from: from, to: to, passedOver: Array(from + 1 ..< to), old: (versions[from]!, periods[from].figures!),
                            new: (versions[to]!, periods[to].figures!))
        }
        criticalSlips = Self.slips(periods)
    }

    static func slips(_ periods: [HistoryPeriod]) -> [SlipSeries] {
        var series: [SlipSeries] = []
        var index: [String: Int] = [:]
        for (p, period) in periods.enumerated() {
            for m in period.figures?.critical ?? [] {
                guard let due = m.due else { continue }
                if index[m.qualifiedName] == nil {
                    index[m.qualifiedName] = series.count
                    series.append(SlipSeries(milestone: m.qualifiedName, title: m.title, baselineDue: due, days: Array(repeating: nil, count: periods.count)))
                }
                let i = index[m.qualifiedName]!
                series[i].days[p] = Date.days(from: series[i].baselineDue, to: m.done ?? m.forecast ?? due)
            }
        }
        return series
    }
}

extension PeriodFigures {
    init(_ s: ProgrammeSummary) {
        schemes = s.schemes.count
        byStatus = s.byStatus
        let currentYear = s.inYear?.year ?? s.header.years.first
        self.currentYear = currentYear
        // No line with an actual is no position, not a zero one.
        inYear = s.inYear.flatMap { $0.lines.isEmpty ? nil : $0 }
        savings = s.savings.map { y in
            // The summary's dimension parts add up to its total, so these are sums of shown pennies.
            let total = s.partnerTotals.first { $0.year == y.year }
            return HistorySavings(year: y.year, planned: y.planned[.cashReleasing].adding(y.planned[.productivity]),
                                  riskAdjusted: y.riskAdjusted[.cashReleasing].adding(y.riskAdjusted[.productivity]),
                                  costGrowthAvoided: y.planned[.costGrowthAvoided], costGrowthAvoidedRiskAdjusted: y.riskAdjusted[.costGrowthAvoided],
                                  envelope: total?.envelope)
        }
        partners = s.partners.filter { $0.year == currentYear }
        milestonesOverdue = s.milestones.overdue.count
        metricsOffTrack = s.metrics.count { $0.state == .offTrack }
        critical = s.milestones.all.filter(\.critical)
    }
}

extension HistoryMovement {
    init(from: Int, to: Int, passedOver: [Int], old: (version: PlanVersion, figures: PeriodFigures), new: (version: PlanVersion, figures: PeriodFigures)) {
        self.from = from
        self.to = to
        self.passedOver = passedOver
        // Declarations' text is for `accord diff`'s "other changes", which history does not show.
        let diff = PlanDiff(old: old.version, new: new.version, comparingText: false)
        schemesAdded = diff.schemesAdded
        schemesRemoved = diff.schemesRemoved
        schemeChanges = diff.schemeFields.filter { ["status", "confidence"].contains($0.field) }
        schemeTitles = Dictionary(new.version.model.schemes.compactMap { scheme in scheme.title.map { (scheme.name, $0) } },
                                  uniquingKeysWith: { first, _ in first })
        milestones = diff.milestones
        savings = Set((old.figures.savings + new.figures.savings).map(\.year)).sorted().compactMap { year in
            let a = old.figures.savings(in: year), b = new.figures.savings(in: year)
            let row = ProgrammeMovement(year: year, planned: .init(old: a?.planned ?? .zero, new: b?.planned ?? .zero),
                                        riskAdjusted: .init(old: a?.riskAdjusted ?? .zero, new: b?.riskAdjusted ?? .zero),
                                        costGrowthAvoided: .init(old: a?.costGrowthAvoided ?? .zero, new: b?.costGrowthAvoided ?? .zero))
            return row.planned.changed || row.riskAdjusted.changed || row.costGrowthAvoided.changed ? row : nil
        }
        if let a = old.figures.inYear, let b = new.figures.inYear, a.year == b.year {
            let row = InYearMovement(year: a.year, forecastOutturn: .init(old: a.total.forecastOutturn, new: b.total.forecastOutturn),
                                     variance: .init(old: a.total.variance, new: b.total.variance))
            inYear = row.forecastOutturn.changed || row.variance.changed ? row : nil
        }
        schemes = Self.schemes(old.version.model, new.version.model)
    }

    /// Per scheme (by name, as `PlanDiff` pairs them) and year, the rows where a figure moved.
    static func schemes(_ old: PlanModel, _ new: PlanModel) -> [SchemeMovement] {
        var rows: [SchemeMovement] = []
        for (name, a, b) in PlanDiff.paired(old.schemes, new.schemes, by: \.name) {
            let years = Set((a?.savings.map(\.year) ?? []) + (b?.savings.map(\.year) ?? [])).sorted()
            for year in years {
                let x = old.countedSavings(a, year: year), y = new.countedSavings(b, year: year)
                let row = SchemeMovement(scheme: name, title: (b ?? a)?.title, year: year, planned: .init(old: x.planned, new: y.planned),
                                         riskAdjusted: .init(old: x.riskAdjusted, new: y.riskAdjusted), forecast: .init(old: x.forecast, new: y.forecast),
                                         costGrowthAvoided: .init(old: x.costGrowthAvoided, new: y.costGrowthAvoided))
                if row.planned.changed || row.riskAdjusted.changed || row.forecast.changed || row.costGrowthAvoided.changed { rows.append(row) }
            }
        }
        return rows
    }
}

extension PlanModel {
    /// A scheme's savings in a year as the programme counts them (nothing for a withdrawn or
    /// missing scheme), each rounded to the penny as the summary rounds a single amount.
    func countedSavings(_ scheme: Scheme?, year: Int) -> (planned: Exact, riskAdjusted: Exact, forecast: Exact, costGrowthAvoided: Exact) {
        guard let scheme, scheme.counts, let savings = scheme.savings(in: year) else { return (.zero, .zero, .zero, .zero) }
        var planned = Exact.zero, forecast = Exact.zero
        for dimension in [Dimension.cashReleasing, .productivity] {
            planned = planned.adding(savings.amount(dimension))
            forecast = forecast.adding(savings.forecasts[dimension] ?? savings.amount(dimension))
        }
        return (Shown.amount(planned), Shown.amount(riskAdjusted(planned, for: scheme)),
                Shown.amount(forecast), Shown.amount(savings.amount(.costGrowthAvoided)))
    }
}
