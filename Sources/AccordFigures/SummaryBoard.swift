import AccordDiagnostics
import AccordModel
import AccordNumbers
import AccordSyntax

// The summary's board tables (savings by scheme and area, partner × area, pipeline by status,
// diagnostics). Every amount is rounded in ProgrammeSummary's rounding helpers (Summary.swift):
// a year's total is split across its schemes and each scheme's share across its dimensions, both
// by largest remainder (brief §3 "Showing amounts", rule 2); every subtotal (area, status, the
// year's dimensions, recurrent and non-recurrent) is the sum of the shown scheme figures (rule 3),
// so every table foots and the same figure shows the same pennies everywhere.

/// One scheme's savings in one year, as shown.
public struct SchemeSavings: Sendable {
    public var scheme: String
    public var title: String?
    public var area: String?
    public var status: Status?
    public var recurrent: Bool
    public var planned: DimensionSplit
    public var riskAdjusted: DimensionSplit
    /// Over the scheme's lines of the in-year table (dimensions with an `actual`), in the
    /// in-year year only; nil without actuals.
    public var inYear: InYearFigures?
    /// The year's `cost` (zero without one), a part of the year's total cost (Costs.swift).
    public var cost: Exact = .zero
}

/// A group of schemes' savings in one year (an area, a status, the programme): sums of the
/// schemes' shown figures.
public struct SavingsGroup: Sendable {
    /// The area's or status's name; empty for the programme.
    public var key: String
    /// The area's title, when it has one.
    public var title: String?
    /// Schemes in the group that count (withdrawn ones count in no total).
    public var schemes: Int
    public var planned: DimensionSplit
    public var riskAdjusted: DimensionSplit
    public var inYear: InYearFigures?
    /// The sum of the schemes' shown costs.
    public var cost: Exact = .zero
    /// The group's share of the year's planned total (all three dimensions), from exact values.
    public var plannedShare: Exact?
}

public struct SchemeSavingsYear: Sendable {
    public var year: Int
    /// Sorted by area (in the order the plan declares areas; schemes without an area last),
    /// then by scheme name.
    public var schemes: [SchemeSavings]
    /// One subtotal per area holding a scheme with savings this year, in the same order.
    public var areas: [SavingsGroup]
    public var total: SavingsGroup
}

/// One partner's attributed savings from one area in one year: the partner's figure in the
/// partners table split across areas.
public struct PartnerAreaYear: Sendable {
    public var partner: String
    public var partnerTitle: String?
    public var area: String?
    public var areaTitle: String?
    public var year: Int
    public var attributed: Exact
    public var riskAdjusted: Exact
}

/// The schemes of one status in one year: how much of the programme rests on each stage.
public struct PipelineYear: Sendable {
    public var year: Int
    /// Status order (withdrawn last), statuses with at least one scheme; a withdrawn group
    /// counts its schemes but no savings.
    public var statuses: [SavingsGroup]
    public var total: SavingsGroup
}

/// The plan's diagnostics of one code, for the report.
public struct DiagnosticGroup: Sendable {
    public struct Item: Sendable {
        public var file: String?
        public var line: Int?
        public var message: String
    }
    public var code: DiagnosticCode
    public var severity: Severity
    public var items: [Item]
}

extension DimensionSplit {
    /// Cash-releasing + productivity: what the headline calls savings. Cost growth avoided is
    /// counted apart, at system level (brief §3), and never added to it in a headline.
    public var savings: Exact { self[.cashReleasing].adding(self[.productivity]) }

    static func sum(_ splits: [DimensionSplit]) -> DimensionSplit {
        var amounts: [Dimension: Exact] = [:]
        for dimension in Dimension.allCases { amounts[dimension] = splits.reduce(Exact.zero) { $0.adding($1[dimension]) } }
        return DimensionSplit(amounts: amounts, total: splits.reduce(Exact.zero) { $0.adding($1.total) })
    }
}

extension InYearFigures {
    static func sum(_ figures: [InYearFigures]) -> InYearFigures? {
        guard !figures.isEmpty else { return nil }
        func total(_ value: (InYearFigures) -> Exact) -> Exact { figures.reduce(Exact.zero) { $0.adding(value($1)) } }
        return InYearFigures(plan: total(\.plan), actual: total(\.actual), forecastOutturn: total(\.forecastOutturn), yearPlan: total(\.yearPlan),
                             exactPlan: total(\.exactPlan), exactActual: total(\.exactActual))
    }
}

extension ProgrammeSummary {
    /// Areas in declaration order, then any undeclared area a scheme names.
    static func areaOrder(_ model: PlanModel) -> [String] {
        let names = model.areas.map(\.name) + model.schemes.compactMap(\.area)
        return names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    static func areaTitle(_ model: PlanModel, _ name: String?) -> String? {
        model.areas.first { $0.name == name }?.title
    }

    static func group(_ rows: [SchemeSavings], key: String, title: String?, yearExact: Exact, exact: Exact) -> SavingsGroup {
        SavingsGroup(key: key, title: title, schemes: rows.count, planned: .sum(rows.map(\.planned)), riskAdjusted: .sum(rows.map(\.riskAdjusted)),
                     inYear: .sum(rows.compactMap(\.inYear)), cost: Exact.sum(rows.map(\.cost)), plannedShare: Shown.percent(exact, of: yearExact))
    }

    /// Savings by scheme for one year: the year's total across schemes, each scheme's across
    /// its dimensions (planned and risk-adjusted alike), then subtotals per area; and the
    /// year's pipeline by status from the same rows.
    static func schemeSavings(_ model: PlanModel, year: Int, inYear: InYearSummary?) -> (SchemeSavingsYear, PipelineYear) {
        var schemes: [Scheme] = [], planned: [[Dimension: Exact]] = [], adjusted: [[Dimension: Exact]] = []
        for scheme in model.schemes where scheme.counts {
            guard let savings = scheme.savings(in: year) else { continue }
            schemes.append(scheme)
            var p: [Dimension: Exact] = [:], a: [Dimension: Exact] = [:]
            for dimension in Dimension.allCases {
                p[dimension] = savings.amount(dimension)
                a[dimension] = model.riskAdjusted(savings.amount(dimension), for: scheme)
            }
            planned.append(p)
            adjusted.append(a)
        }
        let plannedSplits = topDown(schemes.map(\.name), planned), adjustedSplits = topDown(schemes.map(\.name), adjusted)
        let costs = Shown.partition(schemes.map { ($0.name, $0.savings(in: year)?.cost ?? .zero) }).parts
        let lines = inYear.map { position in position.year == year ? Dictionary(grouping: position.lines, by: \.scheme) : [:] } ?? [:]
        let order = areaOrder(model)
        func rank(_ area: String?) -> Int { area.flatMap { order.firstIndex(of: $0) } ?? order.count }
        // Indices, not names, tie rows to their exact totals: a plan with a duplicate name (E201) still reads.
        let sorted = schemes.indices.sorted { i, j in
            let a = schemes[i], b = schemes[j]
            return rank(a.area) != rank(b.area) ? rank(a.area) < rank(b.area) : Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8))
        }
        let rows = sorted.map { i in
            SchemeSavings(scheme: schemes[i].name, title: schemes[i].title, area: schemes[i].area, status: schemes[i].status,
                          recurrent: schemes[i].recurrent, planned: plannedSplits[i], riskAdjusted: adjustedSplits[i],
                          inYear: .sum(lines[schemes[i].name, default: []].map(\.figures)), cost: costs[i])
        }
        let exact = sorted.map { exactSum(planned[$0]) }
        let yearExact = exact.reduce(Exact.zero) { $0.adding($1) }
        func group(_ key: String, _ title: String?, where belongs: (SchemeSavings) -> Bool) -> SavingsGroup {
            let members = rows.indices.filter { belongs(rows[$0]) }
            return Self.group(members.map { rows[$0] }, key: key, title: title, yearExact: yearExact,
                              exact: members.reduce(Exact.zero) { $0.adding(exact[$1]) })
        }
        let areas = (order.map(Optional.some) + [nil]).filter { area in rows.contains { $0.area == area } }.map { area in
            group(area ?? "", areaTitle(model, area)) { $0.area == area }
        }
        let statuses: [SavingsGroup] = Status.allCases.compactMap { status in
            let count = model.schemes.count { $0.status == status }
            guard count > 0 else { return nil }
            var byStatus = group(status.rawValue, nil) { $0.status == status }
            byStatus.schemes = count
            return byStatus
        }
        let total = group("", nil) { _ in true }
        return (SchemeSavingsYear(year: year, schemes: rows, areas: areas, total: total), PipelineYear(year: year, statuses: statuses, total: total))
    }

    static func exactSum(_ amounts: [Dimension: Exact]) -> Exact {
        Dimension.allCases.reduce(Exact.zero) { $0.adding(amounts[$1] ?? .zero) }
    }

    /// Each partner's attributed savings (its shown figure in the partners table) split across
    /// the areas of the schemes they come from.
    static func partnerAreas(_ model: PlanModel, partners: [PartnerYear]) -> [PartnerAreaYear] {
        let order = areaOrder(model)
        var rows: [PartnerAreaYear] = []
        for year in model.years {
            // partner → area → exact (planned, risk-adjusted)
            var exact: [String: [String: (planned: Exact, riskAdjusted: Exact)]] = [:]
            for scheme in model.schemes where scheme.counts {
                for dimension in Dimension.allCases {
                    for (partner, part) in model.attribution(of: scheme, year: year, dimension: dimension) {
                        var figures = exact[partner, default: [:]][scheme.area ?? "", default: (.zero, .zero)]
                        figures.planned = figures.planned.adding(part)
                        figures.riskAdjusted = figures.riskAdjusted.adding(model.riskAdjusted(part, for: scheme))
                        exact[partner, default: [:]][scheme.area ?? ""] = figures
                    }
                }
            }
            for partner in partners where partner.year == year {
                guard let areas = exact[partner.partner] else { continue }
                let keys = (order + [""]).filter { areas[$0] != nil }
                let planned = split(keys.map { ($0, areas[$0]!.planned) }, into: partner.attributed)
                let adjusted = split(keys.map { ($0, areas[$0]!.riskAdjusted) }, into: partner.riskAdjusted)
                for (i, key) in keys.enumerated() {
                    rows.append(PartnerAreaYear(partner: partner.partner, partnerTitle: partner.title, area: key.isEmpty ? nil : key,
                                                areaTitle: areaTitle(model, key), year: year, attributed: planned[i], riskAdjusted: adjusted[i]))
                }
            }
        }
        return rows
    }

    /// Diagnostics grouped by code: errors first, then warnings, each by code; items in the
    /// order `accord check` shows them.
    static func diagnosticGroups(_ diagnostics: [Diagnostic]) -> [DiagnosticGroup] {
        var groups: [DiagnosticGroup] = []
        for diagnostic in diagnostics {
            let item = DiagnosticGroup.Item(file: diagnostic.file?.path, line: diagnostic.file.map { _ in diagnostic.start.line }, message: diagnostic.message)
            if let index = groups.firstIndex(where: { $0.code == diagnostic.code && $0.severity == diagnostic.severity }) {
                groups[index].items.append(item)
            } else {
                groups.append(DiagnosticGroup(code: diagnostic.code, severity: diagnostic.severity, items: [item]))
            }
        }
        return groups.sorted { ($0.severity == .error ? 0 : 1, $0.code.rawValue) < ($1.severity == .error ? 0 : 1, $1.code.rawValue) }
    }
}
