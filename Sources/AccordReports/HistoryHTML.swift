import AccordFigures
import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord history --format html`: one self-contained page in the summary page's style (its CSS,
/// chart geometry and tables): trend lines per plan year (planned, risk-adjusted, envelope), the
/// in-year forecast outturn against the year's plan, a slip chart of critical milestones, then
/// every table of the other formats. Periods whose plan has errors are gaps in every line, shaded
/// and labelled, never zeros.
public enum HistoryHTML {
    public static func render(_ h: PlanHistory, _ source: HistorySource) -> String {
        let title = HistoryReport.title(h)
        var out = SummaryHTML.pageHead(title: title, heading: title, meta: HistoryReport.headerLine(h, source))
        if let note = HistoryTables.leftOutNote(h) { out += "<p class=\"alert\">\(SummaryHTML.escape(note))</p>\n" }
        out += tiles(h) + "</header>\n"

        let labels = h.periods.map(\.revision.period), leftOut = h.periods.map { $0.figures == nil }
        out += "<section id=\"trend\">\n<h2>Trend</h2>\n"
        for year in h.years {
            let figures = h.periods.map { $0.figures?.savings(in: year) }
            out += TrendChart.svg(caption: "Savings \(LiteralText.financialYear(year)) by period: planned, risk-adjusted and envelope",
                                  periods: labels, leftOut: leftOut, series: [
                                      .init(name: "planned", colour: "#005eb8", dashed: false, values: figures.map { $0?.planned }),
                                      .init(name: "risk-adjusted", colour: "#41b6e6", dashed: false, values: figures.map { $0?.riskAdjusted }),
                                      .init(name: "envelope", colour: "#212b32", dashed: true, values: figures.map { $0?.envelope }),
                                  ], axisLabel: Geometry.compactMoney, valueLabel: { $0.formattedMoney() })
        }
        let inYear = h.periods.map { $0.figures?.inYear }
        if inYear.contains(where: { $0 != nil }) {
            out += TrendChart.svg(caption: "In-year forecast outturn against the year's plan (lines with an `actual`; the year is each period's current year)",
                                  periods: labels, leftOut: leftOut, series: [
                                      .init(name: "year plan", colour: "#768692", dashed: true, values: inYear.map { $0?.total.yearPlan }),
                                      .init(name: "forecast outturn", colour: "#ed8b00", dashed: false, values: inYear.map { $0?.total.forecastOutturn }),
                                  ], axisLabel: Geometry.compactMoney, valueLabel: { $0.formattedMoney() })
        }
        out += "</section>\n"

        out += "<section id=\"slips\">\n<h2>Critical milestones</h2>\n"
        let palette = ["#d5281b", "#005eb8", "#007f3b", "#ed8b00", "#330072", "#ae2573", "#768692", "#00a499"]
        out += h.criticalSlips.isEmpty ? "<p>No critical milestones.</p>\n"
            : TrendChart.svg(caption: "Slip of each critical milestone in days against the due date first seen (later is up)",
                             periods: labels, leftOut: leftOut, series: h.criticalSlips.enumerated().map { i, s in
                                 .init(name: s.milestone, colour: palette[i % palette.count], dashed: false, values: s.days.map { $0.map { Exact($0) } })
                             }, axisLabel: days, valueLabel: days)
        out += SummaryHTML.table(HistoryTables.slips(h)) + "</section>\n"

        for section in HistoryReport.sections(h) where section.title != "Critical milestones" {
            out += "<section>\n<h2>\(SummaryHTML.escape(section.title))</h2>\n" + section.tables.map(SummaryHTML.table).joined() + "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func days(_ x: Exact) -> String { "\(x.formattedNumber(maxPlaces: 0)) d" }

    /// The newest period with figures, and its movement from the one before.
    static func tiles(_ h: PlanHistory) -> String {
        guard let latest = h.periods.last(where: { $0.figures != nil }), let f = latest.figures else { return "" }
        var items: [(String, String, String)] = [("periods", String(h.periods.count), "")]
        let errored = h.periods.count { $0.figures == nil }
        items.append(("with errors, left out", String(errored), errored == 0 ? "" : " bad"))
        if let year = f.currentYear, let savings = f.savings(in: year) {
            let fy = LiteralText.financialYear(year)
            items.append(("planned \(fy), \(latest.revision.period)", savings.planned.formattedMoney(), ""))
            items.append(("risk-adjusted \(fy)", savings.riskAdjusted.formattedMoney(), ""))
            if let moved = h.movements.last?.savings.first(where: { $0.year == year }) {
                let change = moved.riskAdjusted.difference
                items.append(("risk-adjusted change since \(h.periods[h.movements.last!.from].revision.period)",
                              (change.isNegative ? "" : "+") + change.formattedMoney(), change.isNegative ? " bad" : ""))
            }
        }
        items.append(("milestones overdue", String(f.milestonesOverdue), f.milestonesOverdue == 0 ? "" : " bad"))
        items.append(("metrics off track", String(f.metricsOffTrack), f.metricsOffTrack == 0 ? "" : " bad"))
        return SummaryHTML.tileRow(items)
    }
}

/// Lines across periods, one point per period, evenly spaced: a missing value breaks its line,
/// and a period left out (errors) is shaded and labelled. The axis includes zero.
enum TrendChart {
    struct Series {
        var name: String
        var colour: String
        var dashed: Bool
        var values: [Exact?]
    }

    static func svg(caption: String, periods: [String], leftOut: [Bool], series: [Series],
                    axisLabel: (Exact) -> String, valueLabel: (Exact) -> String) -> String {
        let values = series.flatMap { $0.values.compactMap { $0 } }
        guard !values.isEmpty else { return "" }
        let left = 86, top = 40, plotWidth = 860, plotHeight = 220
        let width = left + plotWidth + 30, height = top + plotHeight + 44
        let high = max(values.max()!, .zero), low = min(values.min()!, .zero)
        let (step, axisTop) = Geometry.axis(high > low.negated ? high : low.negated)
        var axisBottom = Exact.zero
        for _ in 0..<20 where axisBottom > low { axisBottom = axisBottom.subtracting(step) }
        let span = axisTop.subtracting(axisBottom)
        func x(_ i: Int) -> Exact {
            periods.count == 1 ? Exact(left + plotWidth / 2) : Exact(left).adding(Geometry.scale(Exact(i), of: Exact(periods.count - 1), to: plotWidth))
        }
        func y(_ v: Exact) -> Exact { Exact(top + plotHeight).subtracting(Geometry.scale(v.subtracting(axisBottom), of: span, to: plotHeight)) }

        var body = ""
        var lx = left
        for s in series {
            body += Geometry.line(Exact(lx), Exact(12), Exact(lx + 18), Exact(12), stroke: s.colour, extra: stroke(s))
            body += Geometry.text(Exact(lx + 22), Exact(16), s.name)
            lx += 40 + 7 * s.name.count
        }
        var tick = axisBottom
        for _ in 0..<40 where tick <= axisTop {
            body += Geometry.line(Exact(left), y(tick), Exact(left + plotWidth), y(tick), stroke: tick.isZero ? "#212b32" : "#d8dde0")
            body += Geometry.text(Exact(left - 6), y(tick).adding(Exact(4)), axisLabel(tick), anchor: "end", classes: "muted")
            tick = tick.adding(step)
        }
        // Labels at least 64 pixels apart; a left-out period is always labelled.
        let every = max(1, (64 * periods.count + plotWidth - 1) / plotWidth)
        for (i, period) in periods.enumerated() {
            if leftOut[i] {
                let band = Exact(max(10, plotWidth / max(1, periods.count) / 2))
                body += Geometry.rect(x(i).subtracting(band.dividedBy(2)), Exact(top), band, Exact(plotHeight), fill: "#fde8e6")
                body += Geometry.text(x(i), Exact(top + 12), "errors", anchor: "middle", classes: "muted")
            }
            if leftOut[i] || i % every == 0 || i == periods.count - 1 {
                body += Geometry.text(x(i), Exact(top + plotHeight + 16), period, anchor: "middle", classes: leftOut[i] ? "" : "muted", bold: leftOut[i])
            }
        }
        for s in series {
            var run: [String] = []
            func flush() {
                if run.count > 1 { body += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.colour)\"\(stroke(s))/>\n" }
                run = []
            }
            for (i, value) in s.values.enumerated() {
                guard let value else { flush(); continue }
                run.append("\(Geometry.px(x(i))),\(Geometry.px(y(value)))")
                body += "<circle cx=\"\(Geometry.px(x(i)))\" cy=\"\(Geometry.px(y(value)))\" r=\"3.5\" fill=\"\(s.colour)\"><title>\(SummaryHTML.escape("\(periods[i]) \(s.name): \(valueLabel(value))"))</title></circle>\n"
            }
            flush()
        }
        return Geometry.figure(caption, width: width, height: height, label: "Line chart by period: " + series.map(\.name).joined(separator: ", "), body)
    }

    static func stroke(_ s: Series) -> String { " stroke-width=\"2\"" + (s.dashed ? " stroke-dasharray=\"6 4\"" : "") }
}
