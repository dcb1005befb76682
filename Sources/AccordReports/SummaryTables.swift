import AccordFigures
import AccordModel
import AccordNumbers
import AccordSyntax

/// One cell of a summary table, typed so each format shows it its own way: text and Markdown as
/// `£1,234,567`, CSV as `1234567.00`, HTML escaped.
public enum SummaryCell: Sendable {
    /// Text from the plan or from us; every renderer escapes it for its format.
    case text(String)
    case money(Exact)
    /// A movement in money, signed: `+£20,000`, `-£5,000`, `£0`.
    case change(Exact)
    /// A fraction shown as a percent (0.125 is 12.5%).
    case percent(Exact)
    /// A plain quantity: FTE, a metric value.
    case number(Exact)
    case count(Int)
    case date(Date)
    case month(Month)
    case year(Int)
    /// No value: `—` in text, an empty CSV cell.
    case none

    static func text(_ value: String?) -> SummaryCell { value.map(SummaryCell.text) ?? .none }
    static func money(_ value: Exact?) -> SummaryCell { value.map(SummaryCell.money) ?? .none }
    static func percent(_ value: Exact?) -> SummaryCell { value.map(SummaryCell.percent) ?? .none }
    static func date(_ value: Date?) -> SummaryCell { value.map(SummaryCell.date) ?? .none }

    var isNumeric: Bool {
        switch self {
        case .money, .change, .percent, .number, .count: true
        default: false
        }
    }

    /// A date, month or financial year: never broken across lines (`2022-09`, `FY22/23`).
    var isCalendar: Bool {
        switch self {
        case .date, .month, .year: true
        default: false
        }
    }

    /// How text, Markdown and HTML show it (before their own escaping).
    public var display: String {
        switch self {
        case .text(let text): text
        case .money(let x): x.formattedMoney()
        case .change(let x): x.formattedChange()
        case .percent(let x): x.formattedPercent()
        case .number(let x): x.formattedNumber()
        case .count(let n): String(n)
        case .date(let d): SummaryTables.iso(d)
        case .month(let m): SummaryTables.iso(m)
        case .year(let y): LiteralText.financialYear(y)
        case .none: "—"
        }
    }
}

public struct SummaryColumn: Sendable {
    public var header: String
    /// The CSV header: lower case with underscores, units where they help (`variance_percent`).
    public var key: String
    public var numeric: Bool
    /// The widest text column gives way (truncated with `…`) when a text table is too wide.
    public var flexible = false
    /// False for columns text output leaves out to fit 100 columns (they are in every other format).
    public var inText = true
    /// The sign (-1 or 1) of an amount a reader should be warned about: a shortfall, a gap.
    public var badSign: Int? = nil
    /// False for columns only spreadsheets need (a table's year or area when its title or its
    /// subtotal rows already say it): Markdown and HTML leave them out, as text does.
    public var inPage = true
}

/// A table of the summary, as every tabular format shows it.
public struct SummaryTable: Sendable {
    /// The name `--table` takes and the CSV file is called by.
    public var name: String
    public var title: String
    public var columns: [SummaryColumn]
    public var rows: [[SummaryCell]]
    /// How many rows at the end are totals (shown in bold where the format can).
    public var totalRows = 0
    /// Subtotal rows inside the table (an area's schemes), shown in bold where the format can.
    public var subtotalRows: Set<Int> = []
    /// A line under the table saying how to read it.
    public var note: String?

    /// The table as Markdown and HTML show it: without the columns only spreadsheets need.
    var forPage: SummaryTable {
        let keep = columns.indices.filter { columns[$0].inPage }
        var table = self
        table.columns = keep.map { columns[$0] }
        table.rows = rows.map { row in keep.map { row[$0] } }
        return table
    }
}

/// The summary's tables, shared by the text, Markdown, CSV and HTML renderers so each shows the
/// same figures under the same headings.
public enum SummaryTables {
    static func iso(_ d: Date) -> String { ModelJSON.iso(d) }
    static func iso(_ m: Month) -> String { ModelJSON.iso(m) }

    static func column(_ header: String, _ key: String? = nil, numeric: Bool = false, flexible: Bool = false, inText: Bool = true,
                       inPage: Bool = true) -> SummaryColumn {
        SummaryColumn(header: header, key: key ?? header.replacingSpacesAndDashes(), numeric: numeric, flexible: flexible, inText: inText,
                      inPage: inPage)
    }

    static let dimensionHeaders = ["cash-releasing", "productivity", "cost growth avoided"]

    /// The names `--table` accepts, in the order `-o FOLDER` writes them.
    public static let names = ["schemes", "savings", "scheme-savings", "areas", "pipeline", "in-year", "partners", "partner-areas",
                               "milestones", "metrics", "people", "updates", "risks", "diagnostics"]

    /// The named CSV table, in its widest form.
    public static func table(_ name: String, of summary: ProgrammeSummary) -> SummaryTable? {
        switch name {
        case "schemes": schemes(summary)
        case "savings": savingsWide(summary)
        case "scheme-savings": schemeSavings(summary, year: nil)
        case "areas": areas(summary)
        case "pipeline": pipeline(summary)
        case "partner-areas": partnerAreas(summary)
        case "diagnostics": diagnostics(summary)
        case "in-year": inYear(summary)
        case "partners": partners(summary)
        case "milestones": milestones(summary.milestones.all, name: "milestones", title: "Milestones")
        case "metrics": metrics(summary)
        case "people": people(summary)
        case "updates": updates(summary)
        case "risks": risks(summary)
        default: nil
        }
    }

    // MARK: Tables

    public static func schemes(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "schemes", title: "Scheme list", columns: [
            column("scheme"), column("title", flexible: true), column("area"), column("level"), column("status"),
            column("confidence"), column("lead"), column("partners", inText: false), column("recurrent", inText: false),
        ], rows: s.schemes.map { row in [
            .text(row.name), .text(row.title), .text(row.area), .text(row.level.rawValue), .text(row.status?.rawValue),
            .text(row.confidence.rawValue), .text(row.lead), .text(row.partners.joined(separator: " ")), .text(row.recurrent ? "yes" : "no"),
        ] })
    }

    /// Planned savings by year and dimension, with the risk-adjusted total (EXPECTED.md's table).
    public static func savingsPlanned(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "savings", title: "Savings by year (planned, before risk adjustment)",
                     columns: [column("year")] + dimensionHeaders.map { column($0, numeric: true) }
                        + [column("total incl. CGA", "total", numeric: true), column("RA incl. CGA", "risk_adjusted", numeric: true)],
                     rows: s.savings.map { y in [.year(y.year)] + Dimension.allCases.map { .money(y.planned[$0]) } + [.money(y.planned.total), .money(y.riskAdjusted.total)] },
                     note: "Totals include cost growth avoided (CGA), which is counted apart from savings at system level; RA = risk-adjusted.")
    }

    public static func savingsRiskAdjusted(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "savings-risk-adjusted", title: "Risk-adjusted savings by year (savings × confidence weight)",
                     columns: [column("year")] + dimensionHeaders.map { column($0, numeric: true) } + [column("total incl. CGA", "total", numeric: true)],
                     rows: s.savings.map { y in [.year(y.year)] + Dimension.allCases.map { .money(y.riskAdjusted[$0]) } + [.money(y.riskAdjusted.total)] })
    }

    public static func recurrence(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "recurrence", title: "Recurrent and non-recurrent savings (planned)",
                     columns: [column("year"), column("recurrent", numeric: true), column("non-recurrent", numeric: true), column("total", numeric: true)],
                     rows: s.savings.map { y in [.year(y.year), .money(y.recurrent), .money(y.nonRecurrent), .money(y.planned.total)] })
    }

    /// Every savings figure of a year on one row, for spreadsheets.
    public static func savingsWide(_ s: ProgrammeSummary) -> SummaryTable {
        let keys = ["cash_releasing", "productivity", "cost_growth_avoided", "total"]
        return SummaryTable(name: "savings", title: "Savings by year",
                            columns: [column("year")] + keys.map { column($0, numeric: true) } + keys.map { column("risk_adjusted_\($0)", numeric: true) }
                                + [column("recurrent", numeric: true), column("non_recurrent", numeric: true)],
                            rows: s.savings.map { y in
                                [.year(y.year)] + Dimension.allCases.map { .money(y.planned[$0]) } + [.money(y.planned.total)]
                                    + Dimension.allCases.map { .money(y.riskAdjusted[$0]) } + [.money(y.riskAdjusted.total), .money(y.recurrent), .money(y.nonRecurrent)]
                            })
    }

    // MARK: Board tables: savings by scheme, area, status; partner × area; diagnostics

    /// Abbreviations the board tables use, so the widest of them fits 100 text columns.
    static let abbreviations = "CR = cash-releasing, prod. = productivity, CGA = cost growth avoided (system-level); total = all three; RA = risk-adjusted (× confidence weight)."

    /// An area by its title ("Urgent and emergency care"), else its name.
    static func areaLabel(_ name: String, _ title: String?) -> String { title ?? (name.isEmpty ? "no area" : name) }

    /// CR, prod., CGA and total (prefixed "RA" for risk-adjusted); the total is always shown.
    static func dimensionColumns(_ prefix: String, inText: Bool, inPage: Bool = true) -> [SummaryColumn] {
        let keys = ["cash_releasing", "productivity", "cost_growth_avoided", "total"]
        return zip(["CR", "prod.", "CGA", "total"], keys).map { header, key in
            column(prefix.isEmpty ? header : "\(prefix) \(header)", prefix.isEmpty ? key : "risk_adjusted_\(key)", numeric: true,
                   inText: inText || header == "total", inPage: inPage || header == "total")
        }
    }

    static func dimensionCells(_ d: DimensionSplit) -> [SummaryCell] {
        Dimension.allCases.map { .money(d[$0]) } + [.money(d.total)]
    }

    static func inYearCells(_ f: InYearFigures?) -> [SummaryCell] {
        guard let f else { return [.none, .none, .none, .none] }
        return [.money(f.plan), .money(f.actual), .money(f.variance), .money(f.forecastOutturn)]
    }

    /// Per scheme: planned and risk-adjusted by dimension, year to date and forecast outturn;
    /// sorted by area, a subtotal after each area and the year's total last. One year's table,
    /// or (year nil, for CSV) every year's rows in one table.
    public static func schemeSavings(_ s: ProgrammeSummary, year: Int?) -> SummaryTable {
        let columns = [column("year", inText: false, inPage: false), column("area", inText: false, inPage: false),
                       column("area title", inText: false, inPage: false), column("scheme"), column("title", flexible: true),
                       column("status", inText: false)]
            + dimensionColumns("", inText: true) + costColumns(s) + dimensionColumns("RA", inText: false, inPage: false)
            + [column("YTD plan", "ytd_plan", numeric: true, inText: false), column("YTD actual", "ytd_actual", numeric: true, inText: false),
               SummaryColumn(header: "variance", key: "variance", numeric: true, inText: false, badSign: -1),
               column("forecast outturn", numeric: true, inText: false)]
        var rows: [[SummaryCell]] = [], subtotals: Set<Int> = [], totals: [[SummaryCell]] = []
        for y in s.schemeSavings where year == nil || y.year == year {
            for area in y.areas {
                for row in y.schemes where (row.area ?? "") == area.key {
                    rows.append([.year(y.year), .text(row.area), .text(area.title), .text(row.scheme), .text(row.title), .text(row.status?.rawValue)]
                                + dimensionCells(row.planned) + costCells(s, row.cost, row.net) + dimensionCells(row.riskAdjusted) + inYearCells(row.inYear))
                }
                subtotals.insert(rows.count)
                rows.append([.year(y.year), .text(area.key), .text(area.title), .text("subtotal"), .text(areaLabel(area.key, area.title)), .none]
                            + dimensionCells(area.planned) + costCells(s, area.cost, area.net) + dimensionCells(area.riskAdjusted) + inYearCells(area.inYear))
            }
            totals.append([.year(y.year), .none, .none, .text("total"), .text(LiteralText.financialYear(y.year)), .none]
                          + dimensionCells(y.total.planned) + costCells(s, y.total.cost, y.total.net) + dimensionCells(y.total.riskAdjusted) + inYearCells(y.total.inYear))
        }
        let title = year.map { "Savings by scheme, \(LiteralText.financialYear($0))" } ?? "Savings by scheme"
        return SummaryTable(name: "scheme-savings", title: title, columns: columns, rows: rows + totals, totalRows: totals.count,
                            subtotalRows: subtotals,
                            note: abbreviations + " Year to date and forecast outturn over the dimensions with an `actual` (as the in-year table); an area's subtotal and the total add up the rows shown." + costNote(s))
    }

    /// Per year and area: planned and risk-adjusted, by the area's title; a total per year.
    public static func areas(_ s: ProgrammeSummary) -> SummaryTable {
        let columns = [column("area", inText: false, inPage: false), column("area title", flexible: true), column("year"), column("schemes", numeric: true)]
            + dimensionColumns("", inText: false) + dimensionColumns("RA", inText: false) + [column("share", "share_percent", numeric: true)]
        var rows: [[SummaryCell]] = []
        for y in s.schemeSavings {
            for area in y.areas {
                rows.append([.text(area.key), .text(areaLabel(area.key, area.title)), .year(y.year), .count(area.schemes)]
                            + dimensionCells(area.planned) + dimensionCells(area.riskAdjusted) + [.percent(area.plannedShare)])
            }
        }
        let totals: [[SummaryCell]] = s.schemeSavings.map { y in
            [.none, .text("total"), .year(y.year), .count(y.total.schemes)] + dimensionCells(y.total.planned) + dimensionCells(y.total.riskAdjusted)
                + [.percent(y.total.plannedShare)]
        }
        return SummaryTable(name: "areas", title: "Savings by area", columns: columns, rows: rows + totals, totalRows: totals.count,
                            note: abbreviations + " Share = the area's part of the year's planned total.")
    }

    /// Per status in status order: schemes, planned and risk-adjusted, share of the year's plan.
    public static func pipeline(_ s: ProgrammeSummary) -> SummaryTable {
        let columns = [column("status"), column("year"), column("schemes", numeric: true)]
            + dimensionColumns("", inText: false) + dimensionColumns("RA", inText: false) + [column("share", "share_percent", numeric: true)]
        var rows: [[SummaryCell]] = []
        for y in s.pipeline {
            for status in y.statuses {
                rows.append([.text(status.key), .year(y.year), .count(status.schemes)] + dimensionCells(status.planned)
                            + dimensionCells(status.riskAdjusted) + [.percent(status.plannedShare)])
            }
        }
        let totals: [[SummaryCell]] = s.pipeline.map { y in
            [.text("total"), .year(y.year), .count(y.total.schemes)] + dimensionCells(y.total.planned) + dimensionCells(y.total.riskAdjusted)
                + [.percent(y.total.plannedShare)]
        }
        return SummaryTable(name: "pipeline", title: "Pipeline by status", columns: columns, rows: rows + totals, totalRows: totals.count,
                            note: abbreviations + " Schemes counts every scheme at that status; withdrawn schemes count in no total. Share = the status's part of the year's planned total.")
    }

    /// Per year, partner and area: attributed savings, planned and risk-adjusted.
    public static func partnerAreas(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "partner-areas", title: "Attributed savings by partner and area", columns: [
            column("partner"), column("area", inText: false, inPage: false), column("area title", flexible: true), column("year"),
            column("attributed", numeric: true), column("risk-adjusted", numeric: true),
        ], rows: s.partnerAreas.map { p in
            [.text(p.partner), .text(p.area), .text(areaLabel(p.area ?? "", p.areaTitle)), .year(p.year), .money(p.attributed), .money(p.riskAdjusted)]
        }, note: "Each partner's rows for a year add up to its attributed and risk-adjusted figures in the partners table (cost growth avoided is never attributed).")
    }

    /// The plan's errors and warnings, grouped by code (errors first).
    public static func diagnostics(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "diagnostics", title: "Diagnostics by code", columns: [
            column("code"), column("check", inText: false), column("severity", inText: false), column("file"), column("line", numeric: true),
            column("message", flexible: true),
        ], rows: s.diagnostics.flatMap { group in
            group.items.map { item in
                [.text(group.code.rawValue), .text(group.code.title), .text(group.severity.rawValue), .text(item.file),
                 item.line.map(SummaryCell.count) ?? .none, .text(item.message)]
            }
        })
    }

    public static func inYear(_ s: ProgrammeSummary) -> SummaryTable {
        var columns = [
            column("scheme"), column("title", flexible: true, inText: false), column("dimension"), column("year", inText: false),
            column("months", inText: false), column("YTD plan", "ytd_plan", numeric: true), column("YTD actual", "ytd_actual", numeric: true),
            SummaryColumn(header: "variance", key: "variance", numeric: true, badSign: -1), column("variance %", "variance_percent", numeric: true),
            column("forecast outturn", numeric: true), column("year plan", numeric: true, inText: false),
        ]
        guard let position = s.inYear else {
            return SummaryTable(name: "in-year", title: "In-year position", columns: columns, rows: [], note: "No plan year has begun by the as-of date.")
        }
        // Shown only where a line is forecast by month, so other plans' tables keep their shape.
        let forecastVariance = position.monthlyForecasts
        if forecastVariance {
            columns.append(SummaryColumn(header: "vs plan", key: "forecast_variance", numeric: true, badSign: -1))
        }
        func cells(_ f: InYearFigures) -> [SummaryCell] {
            [.money(f.plan), .money(f.actual), .money(f.variance), .percent(f.variancePercent), .money(f.forecastOutturn), .money(f.yearPlan)]
                + (forecastVariance ? [.money(f.forecastVariance)] : [])
        }
        var rows: [[SummaryCell]] = position.lines.map { line in
            [.text(line.scheme), .text(line.title), .text(line.dimension.rawValue), .year(position.year), .count(position.months)] + cells(line.figures)
        }
        if !position.lines.isEmpty {
            rows.append([.text("total"), .text(""), .text(""), .year(position.year), .count(position.months)] + cells(position.total))
        }
        let through = position.months == 0 ? "no month begun yet" : position.months == 1 ? "M1" : "M1–M\(position.months)"
        return SummaryTable(name: "in-year", title: "In-year position \(LiteralText.financialYear(position.year)), year to date \(through)",
                            columns: columns, rows: rows, totalRows: position.lines.isEmpty ? 0 : 1,
                            note: position.lines.isEmpty ? "No scheme has reported an actual for this year."
                                : forecastVariance ? "Lines with at least one `actual` or monthly `forecast`; the plan is phased (evenly unless `phasing` says otherwise). A line forecast by month has a forecast outturn of its actuals + its monthly forecasts + the phased plan of the months with neither; vs plan = forecast outturn − the year's plan."
                                : "Lines with at least one `actual`; the plan is phased (evenly unless `phasing` says otherwise).")
    }

    public static func partners(_ s: ProgrammeSummary) -> SummaryTable {
        let columns = [
            column("partner"), column("year"), column("attributed", numeric: true), column("risk-adjusted", numeric: true),
        ] + partnerCostColumns(s) + [
            column("envelope", numeric: true), SummaryColumn(header: "gap", key: "gap", numeric: true, badSign: 1), column("cover", "coverage_percent", numeric: true),
            column("ct %", "control_total_percent", numeric: true), column("control total", numeric: true, inText: false),
            // Text makes room for cost and net (to fit 100 columns): the other formats keep it.
            column("control total RA", "control_total_risk_adjusted", numeric: true, inText: !s.hasCosts),
        ]
        var rows: [[SummaryCell]] = []
        for total in s.partnerTotals {
            for p in s.partners where p.year == total.year {
                rows.append([.text(p.partner), .year(p.year), .money(p.attributed), .money(p.riskAdjusted)] + partnerCostCells(s, p) + [.money(p.envelope), .money(p.gap),
                             .percent(p.coverage), .percent(p.controlTotalShare.map(Shown.percent)), .money(p.controlTotal), .money(p.controlTotalRiskAdjusted)])
            }
        }
        let totals: [[SummaryCell]] = s.partnerTotals.map { t in
            [.text("total"), .year(t.year), .money(t.attributed), .money(t.riskAdjusted)] + partnerCostCells(s, t) + [.money(t.envelope), .text(""), .text(""), .text(""),
             .money(t.controlTotal), .money(t.controlTotalRiskAdjusted)]
        }
        // With costs, what counts against the envelope is net of them (Costs.swift).
        let against = s.hasCosts ? "(risk-adjusted − cost)" : "risk-adjusted"
        return SummaryTable(name: "partners", title: "Partners: attributed savings against envelopes", columns: columns, rows: rows + totals,
                            totalRows: totals.count,
                            note: "Attributed by share (cost growth avoided is system-level, never attributed); RA = risk-adjusted; gap = envelope − \(against) (positive: unidentified, as W401; negative: more than covered); cover = \(against) ÷ envelope; control total = attributed × ct %." + costNote(s))
    }

    /// Which day counts a milestone table shows: an overdue list only days late, a list due soon
    /// only days to go, a mixed list (slipping, every milestone) both.
    public enum MilestoneDays: Sendable { case late, toGo, both }

    public static func milestones(_ list: [MilestoneStatus], name: String, title: String, days: MilestoneDays = .both) -> SummaryTable {
        let late = days != .toGo, toGo = days != .late
        func count(_ n: Int?) -> SummaryCell { n.map(SummaryCell.count) ?? .none }
        return SummaryTable(name: name, title: title, columns: [
            column("milestone"), column("title", flexible: true), column("state", inText: false), column("due"),
        ] + (late ? [column("days late", numeric: true)] : []) + (toGo ? [column("days to go", numeric: true)] : []) + [
            column("forecast"), column("slip days", numeric: true, inText: false),
            column("done", inText: false), column("critical"), column("owner"),
        ], rows: list.map { m in
            [.text(m.qualifiedName), .text(m.title), .text(m.state.rawValue), .date(m.due)]
                + (late ? [count(m.daysLate)] : []) + (toGo ? [count(m.daysToGo)] : [])
                + [.date(m.forecast), count(m.slipDays), .date(m.done), .text(m.critical ? "yes" : "no"), .text(m.owner)]
        })
    }

    public static func metrics(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "metrics", title: "Metrics: latest actual against the plan line", columns: [
            column("metric"), column("title", flexible: true), column("kind", inText: false), column("better", inText: false),
            column("baseline", numeric: true, inText: false), column("target", numeric: true), column("target month", inText: false),
            column("latest", numeric: true), column("at"), column("plan line", "expected", numeric: true), column("status"),
        ], rows: s.metrics.map { m in
            let metric = m.metric
            func value(_ x: Exact?) -> SummaryCell {
                guard let x else { return .none }
                switch metric.valueKind {
                case .money?: return .money(x)
                case .percent?: return .percent(x)
                default: return .number(x)
                }
            }
            let status: SummaryCell = switch m.state {
            case .onTrack: .text("on track")
            case .offTrack: .text("off track")
            case .notJudged: .text(m.reason)
            }
            return [.text(metric.qualifiedName), .text(metric.title), .text(metric.kind?.rawValue), .text(metric.better?.rawValue),
                    value(metric.baseline?.value), value(metric.target), metric.targetMonth.map(SummaryCell.month) ?? .none,
                    value(m.latest?.value), m.latest.map { .month($0.month) } ?? .none, value(m.expected), status]
        }, note: "The plan line joins the baseline, trajectory points and target with straight lines (as W410), holding the target after its month.")
    }

    public static func people(_ s: ProgrammeSummary) -> SummaryTable {
        SummaryTable(name: "people", title: "People: FTE allocated against capacity", columns: [
            column("person"), column("name"), column("partner"), column("capacity", numeric: true), column("allocated", numeric: true),
            column("status"), column("roles", flexible: true),
        ], rows: s.people.map { p in [
            .text(p.person), .text(p.title), .text(p.partner), .number(p.capacity), .number(p.allocated),
            .text(p.overCapacity ? "over capacity" : "ok"),
            .text(p.allocations.map { "\($0.scheme) \($0.role)\($0.fte.map { " " + $0.formattedNumber() } ?? "")" }.joined(separator: ", ")),
        ] }, note: "Roles on schemes not closed or withdrawn (as W404); FTE only where a role states it.")
    }
}

extension String {
    /// `cost growth avoided` → `cost_growth_avoided`.
    func replacingSpacesAndDashes() -> String {
        String(map { $0 == " " || $0 == "-" ? "_" : $0 }).lowercased()
    }
}
