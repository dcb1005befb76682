import AccordChecks
import AccordDiagnostics
import AccordModel
import AccordNumbers
import AccordSyntax

/// The programme at a glance, as of a date (brief §6): what every `accord summary` format shows.
///
/// Money here is already rounded to the penny, the one place the summary rounds (the helpers
/// under "Rounding, in one place"): single amounts half-even; every split a reader may add up by
/// largest remainder against its rounded whole — a year's total across schemes and each scheme's
/// across its dimensions (top-down), partners to a year and each partner's across areas, scheme
/// lines to the in-year total; and every other subtotal (a year's dimensions, areas, statuses,
/// recurrent and non-recurrent) as the sum of the shown scheme figures. Renderers only format;
/// they never round or add money themselves.
public struct ProgrammeSummary: Sendable {
    public var header: Header
    public var schemes: [SchemeRow]
    /// Statuses in status order (withdrawn last), only those with schemes.
    public var byStatus: [Tally]
    /// Areas in declaration order, then any undeclared area a scheme names.
    public var byArea: [Tally]
    public var byLevel: [Tally]
    /// Per plan year: the planned and risk-adjusted totals by dimension (sums of the scheme rows).
    public var savings: [SavingsYear]
    /// Per plan year: every counting scheme with savings that year, and per-area subtotals.
    public var schemeSavings: [SchemeSavingsYear]
    /// Per plan year: schemes and savings by status.
    public var pipeline: [PipelineYear]
    /// Per plan year, partner and area: attributed savings, each partner's split across areas.
    public var partnerAreas: [PartnerAreaYear]
    /// The plan's diagnostics, by code.
    public var diagnostics: [DiagnosticGroup]
    /// Nil when no plan year has begun by the as-of date.
    public var inYear: InYearSummary?
    public var partners: [PartnerYear]
    /// One total per plan year over `partners`.
    public var partnerTotals: [PartnerYear]
    public var milestones: MilestoneSummary
    public var metrics: [MetricStatus]
    public var people: [PersonLoad]
    /// Whether a counting scheme has a `cost` line: only then do reports show cost and net (Costs.swift).
    public var hasCosts: Bool
    /// Each scheme's latest update (empty when no scheme has one) and the risk register.
    public var updates: [UpdateRow]
    public var risks: [Risk]

    public struct Header: Sendable {
        public var title: String
        public var asOf: Date
        public var years: [Int]
        public var files: [String]
        public var errors: Int
        public var warnings: Int
        public var hasErrors: Bool { errors > 0 }
    }

    /// A count of schemes under one key (a status, an area, a level).
    public struct Tally: Sendable, Equatable {
        public var key: String
        public var title: String?
        public var count: Int
    }

    public struct SchemeRow: Sendable {
        public var name: String
        public var title: String?
        public var area: String?
        public var level: Level
        public var status: Status?
        public var confidence: Confidence
        public var lead: String?
        public var partners: [String]
        public var recurrent: Bool
    }
}

/// Savings split by dimension, each part rounded so that the parts add up to `total`.
public struct DimensionSplit: Sendable, Equatable {
    public var amounts: [Dimension: Exact]
    public var total: Exact
    public subscript(_ dimension: Dimension) -> Exact { amounts[dimension] ?? .zero }
}

public struct SavingsYear: Sendable {
    public var year: Int
    public var planned: DimensionSplit
    public var riskAdjusted: DimensionSplit
    /// The planned total split by the schemes' `recurrent`: the two add up to `planned.total`.
    public var recurrent: Exact
    public var nonRecurrent: Exact
}

public struct MilestoneSummary: Sendable {
    /// Every milestone of a counting scheme, in plan order.
    public var all: [MilestoneStatus]
    public var count: Int { all.count }
    public var done: Int { all.count { $0.state == .done } }
    public var later: Int { all.count { $0.state == .later } }
    public var overdue: [MilestoneStatus] { all.filter { $0.state == .overdue } }
    /// Due from the as-of date to 90 days after it, not done; soonest first (plan order on a tie).
    public var dueSoon: [MilestoneStatus] {
        all.enumerated().filter { $0.element.state == .dueSoon }
            .sorted { ($0.element.due!, $0.offset) < ($1.element.due!, $1.offset) }.map(\.element)
    }
    public var slipping: [MilestoneStatus] { all.filter(\.slipping) }
    public static let soonDays = 90
}

public struct MilestoneStatus: Sendable {
    public enum State: String, Sendable { case done, overdue, dueSoon = "due-soon", later, undated }
    public var scheme: String
    public var name: String
    public var title: String?
    public var due: Date?
    public var done: Date?
    public var forecast: Date?
    public var critical: Bool
    public var owner: String?
    public var state: State
    /// Forecast later than due and not done (W412).
    public var slipping: Bool
    /// Days past due for an overdue milestone, days to go for one due soon or later.
    public var days: Int?
    /// `days` when overdue: how late it is.
    public var daysLate: Int? { state == .overdue ? days : nil }
    /// `days` when due soon or later: how long is left.
    public var daysToGo: Int? { state == .overdue ? nil : days }
    /// Forecast − due, in days, when slipping.
    public var slipDays: Int?
    public var qualifiedName: String { "\(scheme).\(name)" }
}

public struct MetricStatus: Sendable {
    public enum State: String, Sendable { case onTrack = "on-track", offTrack = "off-track", notJudged = "not-judged" }
    public var metric: Metric
    public var latest: MetricPoint?
    /// The plan line's value at the latest actual's month.
    public var expected: Exact?
    public var state: State
    /// Why a metric is not judged, in a reader's words.
    public var reason: String?
}

public struct PersonLoad: Sendable {
    public var person: String
    public var title: String?
    public var partner: String?
    public var capacity: Exact
    public var allocated: Exact
    public var allocations: [Allocation]
    public var overCapacity: Bool { allocated > capacity }
}

// MARK: - Computing the summary

extension ProgrammeSummary {
    public init(_ checked: CheckedPlan) {
        let model = checked.model, asOf = checked.asOf
        header = Header(title: model.plan.title, asOf: asOf, years: model.years, files: checked.sources.files.map(\.file.path),
                        errors: checked.diagnostics.errorCount, warnings: checked.diagnostics.warningCount)
        schemes = model.schemes.map {
            SchemeRow(name: $0.name, title: $0.title, area: $0.area, level: $0.level, status: $0.status, confidence: $0.confidence,
                      lead: $0.lead, partners: $0.partners, recurrent: $0.recurrent)
        }
        byStatus = Status.allCases.compactMap { status in
            let count = model.schemes.count { $0.status == status }
            return count == 0 ? nil : Tally(key: status.rawValue, title: nil, count: count)
        }
        byArea = Self.areaOrder(model).map { name in
            Tally(key: name, title: Self.areaTitle(model, name), count: model.schemes.count { $0.area == name })
        }
        byLevel = Level.allCases.map { level in Tally(key: level.rawValue, title: nil, count: model.schemes.count { $0.level == level }) }
        let position = Self.inYear(model, asOf: asOf)
        inYear = position
        savings = model.years.map { Self.savings(model, year: $0) }
        var byYear = model.years.map { Self.schemeSavings(model, year: $0, inYear: position) }
        // A year's dimensions are a partition of its total (rule 2), shown alike in the savings
        // table and the total rows of the scheme and pipeline tables.
        for (i, year) in savings.enumerated() {
            byYear[i].0.total.planned = year.planned
            byYear[i].0.total.riskAdjusted = year.riskAdjusted
            byYear[i].1.total = byYear[i].0.total
        }
        schemeSavings = byYear.map(\.0)
        hasCosts = model.hasCosts
        pipeline = byYear.map(\.1)
        (partners, partnerTotals) = Self.partners(model)
        partnerAreas = Self.partnerAreas(model, partners: partners)
        diagnostics = Self.diagnosticGroups(checked.diagnostics)
        milestones = Self.milestones(model, asOf: asOf)
        metrics = model.schemes.filter(\.counts).flatMap(\.metrics).map(Self.metricStatus)
        let allocations = model.allocationsByPerson()
        people = model.people.indices.map { index in
            let person = model.people[index], mine = allocations[index]
            return PersonLoad(person: person.name, title: person.title, partner: person.partner, capacity: person.capacity,
                              allocated: mine.totalFTE, allocations: mine)
        }
        updates = Self.updates(model, asOf: asOf)
        risks = model.riskRegister
    }

    /// "5 schemes: 1 scoping, 2 delivery, 1 refresh, 1 closed".
    public var schemeCountLine: String {
        let noun = schemes.count == 1 ? "scheme" : "schemes"
        let parts = byStatus.map { "\($0.count) \($0.key)" }
        return "\(schemes.count) \(noun)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }

    // MARK: Rounding (Showing.swift)

    static func split(_ parts: [(key: String, value: Exact)]) -> (parts: [Exact], whole: Exact) {
        let partition = Shown.partition(parts)
        return (partition.parts, partition.whole)
    }

    /// Parts rounded by largest remainder against `whole`, a figure already shown as part of a
    /// larger partition (a scheme's dimensions against the scheme's pennies; a partner's areas
    /// against its attributed figure), so the parts add up to it exactly (rule 2, handed down).
    static func split(_ parts: [(key: String, value: Exact)], into whole: Exact) -> [Exact] {
        Shown.partition(parts, whole: whole).parts
    }

    /// Top-down (brief §3, rule 2): the wholes of `amounts` split across `keys`, then each
    /// part across its dimensions against the pennies it was given.
    static func topDown(_ keys: [String], _ amounts: [[Dimension: Exact]]) -> [DimensionSplit] {
        let totals = split(zip(keys, amounts).map { ($0, exactSum($1)) }).parts
        return zip(amounts, totals).map { amounts, total in
            let parts = split(Dimension.allCases.map { ($0.rawValue, amounts[$0] ?? .zero) }, into: total)
            return DimensionSplit(amounts: Dictionary(uniqueKeysWithValues: zip(Dimension.allCases, parts)), total: total)
        }
    }

    // MARK: Sections

    /// A year's savings: each dimension a part of the year's total (rule 2), risk-adjusted
    /// likewise, recurrent and non-recurrent a partition of the planned total.
    static func savings(_ model: PlanModel, year: Int) -> SavingsYear {
        var planned: [Dimension: Exact] = [:], adjusted: [Dimension: Exact] = [:]
        var recurrent = Exact.zero, nonRecurrent = Exact.zero
        for scheme in model.schemes where scheme.counts {
            guard let savings = scheme.savings(in: year) else { continue }
            for dimension in Dimension.allCases {
                let amount = savings.amount(dimension)
                planned[dimension, default: .zero] = planned[dimension, default: .zero].adding(amount)
                adjusted[dimension, default: .zero] = adjusted[dimension, default: .zero].adding(model.riskAdjusted(amount, for: scheme))
                if scheme.recurrent { recurrent = recurrent.adding(amount) } else { nonRecurrent = nonRecurrent.adding(amount) }
            }
        }
        let recurrence = split([("non-recurrent", nonRecurrent), ("recurrent", recurrent)])
        return SavingsYear(year: year, planned: dimensionSplit(planned), riskAdjusted: dimensionSplit(adjusted),
                           recurrent: recurrence.parts[1], nonRecurrent: recurrence.parts[0])
    }

    static func dimensionSplit(_ amounts: [Dimension: Exact]) -> DimensionSplit {
        let (parts, whole) = split(Dimension.allCases.map { ($0.rawValue, amounts[$0] ?? .zero) })
        return DimensionSplit(amounts: Dictionary(uniqueKeysWithValues: zip(Dimension.allCases, parts)), total: whole)
    }

    /// The financial year holding the as-of date; past the plan's horizon, its last year (all
    /// twelve months); before it, none.
    static func inYear(_ model: PlanModel, asOf: Date) -> InYearSummary? {
        guard let years = model.plan.years, asOf.financialYear >= years.lowerBound else { return nil }
        return model.inYear(min(asOf.financialYear, years.upperBound), asOf: asOf)
    }

    static func partners(_ model: PlanModel) -> (rows: [PartnerYear], totals: [PartnerYear]) {
        var rows: [PartnerYear] = [], totals: [PartnerYear] = []
        for year in model.years {
            let shown = model.partnerYears(year)
            rows += shown.rows
            totals.append(shown.total)
        }
        return (rows, totals)
    }

    static func milestones(_ model: PlanModel, asOf: Date) -> MilestoneSummary {
        let soon = asOf.adding(days: MilestoneSummary.soonDays)
        let all = model.schemes.filter(\.counts).flatMap(\.milestones).map { milestone in
            let state: MilestoneStatus.State
            var days: Int?
            if milestone.done != nil {
                state = .done
            } else if let due = milestone.due {
                state = milestone.isOverdue(asOf: asOf) ? .overdue : due <= soon ? .dueSoon : .later
                days = state == .overdue ? asOf.dayNumber - due.dayNumber : due.dayNumber - asOf.dayNumber
            } else {
                state = .undated
            }
            let slip = milestone.isSlipping ? milestone.forecast!.dayNumber - milestone.due!.dayNumber : nil
            return MilestoneStatus(scheme: milestone.scheme, name: milestone.name, title: milestone.title, due: milestone.due,
                                   done: milestone.done, forecast: milestone.forecast, critical: milestone.critical, owner: milestone.owner,
                                   state: state, slipping: milestone.isSlipping, days: days, slipDays: slip)
        }
        return MilestoneSummary(all: all)
    }

    static func metricStatus(_ metric: Metric) -> MetricStatus {
        guard let latest = metric.actuals.max(by: { $0.month < $1.month }) else {
            return MetricStatus(metric: metric, latest: nil, expected: nil, state: .notJudged, reason: "no actual yet")
        }
        guard let expected = metric.plannedValue(at: latest.month) else {
            return MetricStatus(metric: metric, latest: latest, expected: nil, state: .notJudged, reason: "no trajectory or target at that month")
        }
        guard let better = metric.better else {
            return MetricStatus(metric: metric, latest: latest, expected: expected, state: .notJudged, reason: "no `better` direction")
        }
        let worse = better == .lower ? latest.value > expected : latest.value < expected
        return MetricStatus(metric: metric, latest: latest, expected: expected, state: worse ? .offTrack : .onTrack, reason: nil)
    }
}

/// One scheme's savings in one year as shown: the total (rule 1), its dimensions as a partition
/// of it, and each attributed dimension's partners as a partition of that dimension's shown
/// figure (rule 2, top-down); the same for the risk-adjusted figures.
public struct SchemeYearFigures: Sendable {
    public struct Attribution: Sendable, Equatable {
        public var partner: String
        public var dimension: Dimension
        public var planned: Exact
        public var riskAdjusted: Exact
    }
    public var planned: DimensionSplit
    public var riskAdjusted: DimensionSplit
    /// By dimension (cash-releasing, then productivity), partners in name order.
    public var attribution: [Attribution]
}

extension PlanModel {
    public func shownSavings(of scheme: Scheme, _ savings: YearSavings) -> SchemeYearFigures {
        func split(_ value: (Dimension) -> Exact) -> DimensionSplit {
            let partition = Shown.partition(Dimension.allCases.map { ($0.rawValue, value($0)) })
            return DimensionSplit(amounts: Dictionary(uniqueKeysWithValues: zip(Dimension.allCases, partition.parts)), total: partition.whole)
        }
        let planned = split { savings.amount($0) }
        let adjusted = split { riskAdjusted(savings.amount($0), for: scheme) }
        var attribution: [SchemeYearFigures.Attribution] = []
        for dimension in Dimension.allCases where dimension.isAttributed {
            let parts = self.attribution(of: scheme, year: savings.year, dimension: dimension)
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            guard !parts.isEmpty else { continue }
            let shownPlanned = Shown.partition(parts.map { ($0.key, $0.value) }, whole: planned[dimension])
            let shownAdjusted = Shown.partition(parts.map { ($0.key, riskAdjusted($0.value, for: scheme)) }, whole: adjusted[dimension])
            for i in parts.indices {
                attribution.append(.init(partner: parts[i].key, dimension: dimension, planned: shownPlanned.parts[i], riskAdjusted: shownAdjusted.parts[i]))
            }
        }
        return SchemeYearFigures(planned: planned, riskAdjusted: adjusted, attribution: attribution)
    }
}
