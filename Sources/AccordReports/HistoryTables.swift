import AccordFigures
import AccordModel
import AccordSyntax

/// `accord history`'s tables, built once from `PlanHistory` so text, Markdown, CSV and HTML show
/// the same figures (the summary's `SummaryTable` and its renderers). Amounts are the model's;
/// a change is the model's after − before. Periods whose plan has errors appear in `periods`
/// with their counts and nowhere else, as each other table's note says.
public enum HistoryTables {
    /// The names `--table` accepts, in the order `-o FOLDER` writes them.
    public static let names = ["periods", "position", "savings", "partners", "movement", "in-year", "scheme-movement",
                               "scheme-changes", "milestones", "slips"]

    public static func table(_ name: String, of h: PlanHistory) -> SummaryTable? {
        switch name {
        case "periods": periods(h)
        case "position": position(h)
        case "savings": savings(h)
        case "partners": partners(h)
        case "movement": movement(h)
        case "in-year": inYearMovement(h)
        case "scheme-movement": schemeMovement(h)
        case "scheme-changes": schemeChanges(h)
        case "milestones": milestones(h)
        case "slips": slips(h)
        default: nil
        }
    }

    static func column(_ header: String, _ key: String? = nil, numeric: Bool = false, flexible: Bool = false, inText: Bool = true) -> SummaryColumn {
        SummaryTables.column(header, key, numeric: numeric, flexible: flexible, inText: inText)
    }

    /// "Left out of the figures: 2022-11 (3 errors)." or nil when every period has figures.
    public static func leftOutNote(_ h: PlanHistory) -> String? {
        let left = h.periods.filter { $0.figures == nil }
        guard !left.isEmpty else { return nil }
        return "Left out of these figures because the plan had errors: "
            + left.map { "\($0.revision.period) (\($0.errors) error\($0.errors == 1 ? "" : "s"))" }.joined(separator: ", ") + "."
    }

    /// Every figure table's note: how to read it, then which periods it leaves out.
    static func note(_ text: String?, _ h: PlanHistory) -> String? {
        let parts = [text, leftOutNote(h)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The periods with figures, with their index.
    static func clean(_ h: PlanHistory) -> [(HistoryPeriod, PeriodFigures)] {
        h.periods.compactMap { p in p.figures.map { (p, $0) } }
    }

    // MARK: Per period

    public static func periods(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "periods", title: "Revisions checked, one per period", columns: [
            column("period"), column("commit"), column("date"), column("as of"), column("errors", numeric: true),
            column("warnings", numeric: true), column("schemes", numeric: true), column("by status", flexible: true),
            column("subject", inText: false),
        ], rows: h.periods.map { p in
            [.text(p.revision.period), .text(p.revision.shortCommit), .date(p.revision.date), .date(p.asOf), .count(p.errors), .count(p.warnings),
             p.figures.map { .count($0.schemes) } ?? .none,
             .text(p.figures.map { f in f.byStatus.map { "\($0.count) \($0.key)" }.joined(separator: ", ") } ?? "left out: the plan has errors"),
             .text(p.revision.subject)]
        }, note: "Each period is read at one revision (by --every, the last commit in it that changed the plan's folder); the plan is checked as of its `as-of`, else the commit's date.")
    }

    public static func position(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "position", title: "Position in the current year (savings = cash-releasing + productivity)", columns: [
            column("period"), column("year"), column("planned", numeric: true), column("risk-adjusted", numeric: true),
            column("forecast outturn", numeric: true), SummaryColumn(header: "YTD variance", key: "ytd_variance", numeric: true, badSign: -1),
            column("overdue", "milestones_overdue", numeric: true), column("off track", "metrics_off_track", numeric: true),
        ], rows: clean(h).map { p, f in
            let year = f.currentYear.flatMap(f.savings(in:))
            return [.text(p.revision.period), f.currentYear.map(SummaryCell.year) ?? .none, .money(year?.planned), .money(year?.riskAdjusted),
                    .money(f.inYear?.total.forecastOutturn), .money(f.inYear?.total.variance), .count(f.milestonesOverdue), .count(f.metricsOffTrack)]
        }, note: note("Forecast outturn and YTD variance cover the lines with an `actual`, as `accord summary` shows them; overdue milestones and off-track metrics as of the period's as-of date.", h))
    }

    public static func savings(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "savings", title: "Savings by plan year", columns: [
            column("period"), column("year"), column("planned", numeric: true), column("risk-adjusted", numeric: true),
            column("CGA planned", "cost_growth_avoided", numeric: true), column("CGA RA", "cost_growth_avoided_risk_adjusted", numeric: true),
            column("envelope", numeric: true),
        ], rows: clean(h).flatMap { p, f in
            f.savings.map { y in [.text(p.revision.period), .year(y.year), .money(y.planned), .money(y.riskAdjusted), .money(y.costGrowthAvoided),
                                  .money(y.costGrowthAvoidedRiskAdjusted), .money(y.envelope)] }
        }, note: note("Planned and risk-adjusted are cash-releasing + productivity; cost growth avoided (CGA) apart; envelope is the partners' envelopes summed.", h))
    }

    public static func partners(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "partners", title: "Envelope gap per partner in the current year", columns: [
            column("period"), column("partner"), column("year"), column("envelope", numeric: true), column("risk-adjusted", numeric: true),
            SummaryColumn(header: "gap", key: "gap", numeric: true, badSign: 1),
        ], rows: clean(h).flatMap { p, f in
            f.partners.filter { $0.envelope != nil }.map { r in
                [.text(p.revision.period), .text(r.partner), .year(r.year), .money(r.envelope), .money(r.riskAdjusted), .money(r.gap)]
            }
        }, note: note("Partners with an envelope that year; gap = envelope − risk-adjusted attributed (positive: unidentified).", h))
    }

    // MARK: Movement

    static func fromTo(_ h: PlanHistory, _ m: HistoryMovement) -> [SummaryCell] {
        [.text(h.periods[m.from].revision.period), .text(h.periods[m.to].revision.period)]
    }

    static let fromToColumns = [column("from"), column("to")]

    public static func movement(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "movement", title: "Programme savings: movement between periods", columns: fromToColumns + [
            column("year"), column("planned", numeric: true), SummaryColumn(header: "change", key: "planned_change", numeric: true, badSign: -1),
            column("risk-adjusted", numeric: true), SummaryColumn(header: "change", key: "risk_adjusted_change", numeric: true, badSign: -1),
            column("CGA change", "cost_growth_avoided_change", numeric: true),
        ], rows: h.movements.flatMap { m in
            m.savings.map { r in
                fromTo(h, m) + [.year(r.year), .money(r.planned.new), .change(r.planned.difference), .money(r.riskAdjusted.new),
                                .change(r.riskAdjusted.difference), .change(r.costGrowthAvoided.difference)]
            }
        }, note: note("Only years that moved; planned and risk-adjusted are the later period's.", h))
    }

    public static func inYearMovement(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "in-year", title: "Current year: movement of forecast outturn and YTD variance", columns: fromToColumns + [
            column("year"), column("forecast outturn", numeric: true), SummaryColumn(header: "change", key: "forecast_outturn_change", numeric: true, badSign: -1),
            column("YTD variance", "ytd_variance", numeric: true), SummaryColumn(header: "change", key: "ytd_variance_change", numeric: true, badSign: -1),
        ], rows: h.movements.compactMap { m in
            m.inYear.map { r in
                fromTo(h, m) + [.year(r.year), .money(r.forecastOutturn.new), .change(r.forecastOutturn.difference), .money(r.variance.new),
                                .change(r.variance.difference)]
            }
        }, note: note("Between periods in the same current year.", h))
    }

    public static func schemeMovement(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "scheme-movement", title: "Scheme savings: movement between periods", columns: fromToColumns + [
            column("scheme"), column("title", flexible: true, inText: false), column("year"),
            column("planned", numeric: true, inText: false), SummaryColumn(header: "planned Δ", key: "planned_change", numeric: true, badSign: -1),
            column("risk-adjusted", numeric: true, inText: false), SummaryColumn(header: "RA Δ", key: "risk_adjusted_change", numeric: true, badSign: -1),
            column("forecast", numeric: true, inText: false), SummaryColumn(header: "forecast Δ", key: "forecast_change", numeric: true, badSign: -1),
            column("CGA Δ", "cost_growth_avoided_change", numeric: true),
        ], rows: h.movements.flatMap { m in
            m.schemes.map { r in
                fromTo(h, m) + [.text(r.scheme), .text(r.title), .year(r.year), .money(r.planned.new), .change(r.planned.difference),
                                .money(r.riskAdjusted.new), .change(r.riskAdjusted.difference), .money(r.forecast.new), .change(r.forecast.difference),
                                .change(r.costGrowthAvoided.difference)]
            }
        }, note: note("Savings are cash-releasing + productivity (RA: risk-adjusted; forecast: the `forecast` where given, else the plan); a withdrawn scheme counts nothing.", h))
    }

    public static func schemeChanges(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "scheme-changes", title: "Schemes added, removed, and status and confidence changes", columns: fromToColumns + [
            column("scheme"), column("title", flexible: true), column("change"),
        ], rows: h.movements.flatMap { m in
            func entry(_ e: PlanDiff.SchemeEntry, _ what: String) -> [SummaryCell] {
                fromTo(h, m) + [.text(e.name), .text(e.title), .text("\(what)\(e.status.map { " (\($0.rawValue))" } ?? "")")]
            }
            return m.schemesAdded.map { entry($0, "added") } + m.schemesRemoved.map { entry($0, "removed") }
                + m.schemeChanges.map { c in
                    fromTo(h, m) + [.text(c.scheme), .text(m.schemeTitles[c.scheme]), .text("\(c.field) \(c.change.old ?? "—") → \(c.change.new ?? "—")")]
                }
        }, note: note(nil, h))
    }

    public static func milestones(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "milestones", title: "Milestone changes and slips (days: later +, earlier −)", columns: fromToColumns + [
            column("milestone"), column("title", flexible: true, inText: false), column("critical"), column("change", flexible: true),
            SummaryColumn(header: "days", key: "days", numeric: true, badSign: 1),
        ], rows: h.movements.flatMap { m in
            let critical = Set((h.periods[m.to].figures?.critical ?? []).map(\.qualifiedName) + (h.periods[m.from].figures?.critical ?? []).map(\.qualifiedName))
            return m.milestones.map { c in
                let row = PlanDiffReport.milestoneRow(c)
                return fromTo(h, m) + [.text(row[0]), .text(c.title), .text(critical.contains(row[0]) ? "yes" : "no"), .text(row[2]),
                                       c.days.map(SummaryCell.count) ?? .none]
            }
        }, note: note("Matched by name, as `accord diff` matches them.", h))
    }

    public static func slips(_ h: PlanHistory) -> SummaryTable {
        SummaryTable(name: "slips", title: "Critical milestones: slip against the due date first seen", columns: [
            column("milestone"), column("title", flexible: true, inText: false), column("first due"), column("period"),
            SummaryColumn(header: "slip days", key: "slip_days", numeric: true, badSign: 1),
        ], rows: h.criticalSlips.flatMap { s in
            h.periods.indices.compactMap { i in
                s.days[i].map { [.text(s.milestone), .text(s.title), .date(s.baselineDue), .text(h.periods[i].revision.period), .count($0)] }
            }
        }, note: note("Slip = the expected date (done, else forecast, else due) − the due date in the first period showing the milestone.", h))
    }
}
