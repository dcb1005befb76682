import AccordFigures
import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord summary --format html`: one self-contained page — inline CSS and SVG, no scripts, no
/// network — with charts where a reader would rather look than read (savings by year and
/// dimension, envelope coverage, a milestone timeline, metric sparklines) above the same tables
/// the other formats show. Every piece of plan text goes through `escape`. Chart geometry is
/// computed with exact fractions and written with one decimal: no floating point anywhere.
public enum SummaryHTML {
    public static func render(_ s: ProgrammeSummary) -> String {
        let title = s.header.title.isEmpty ? "(untitled plan)" : s.header.title
        var out = pageHead(title: "\(title) — summary as of \(SummaryTables.iso(s.header.asOf))", heading: title,
                           meta: SummaryProse.headerLine(s.header))
        if s.header.hasErrors { out += "<p class=\"alert\">\(escape(SummaryProse.errorWarning))</p>\n" }
        out += tiles(s) + "<ul class=\"headline\">\n" + SummaryProse.headline(s).map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n</header>\n"

        out += "<section id=\"schemes\">\n<h2>Schemes</h2>\n"
        out += SummaryProse.schemeLines(s).map { "<p>\(escape($0))</p>\n" }.joined()
        out += table(SummaryTables.schemes(s)) + "</section>\n"

        out += "<section id=\"savings\">\n<h2>Savings</h2>\n" + SavingsChart.svg(s.savings)
        out += [SummaryTables.savingsPlanned(s), SummaryTables.savingsRiskAdjusted(s), SummaryTables.recurrence(s)].map(table).joined()
        out += "</section>\n"

        out += "<section id=\"board\">\n<h2>Savings by scheme and area</h2>\n" + SummaryProse.boardTables(s).map(table).joined() + "</section>\n"

        out += "<section id=\"in-year\">\n<h2>In-year position</h2>\n" + table(SummaryTables.inYear(s)) + "</section>\n"

        out += "<section id=\"partners\">\n<h2>Partners and envelopes</h2>\n" + EnvelopeChart.svg(s.partners)
        out += table(SummaryTables.partners(s)) + table(SummaryTables.partnerAreas(s)) + "</section>\n"

        out += "<section id=\"milestones\">\n<h2>Milestones</h2>\n<p>\(escape(SummaryProse.milestoneLine(s.milestones)))</p>\n"
        out += MilestoneTimeline.svg(s.milestones, asOf: s.header.asOf, years: s.header.years)
        out += SummaryProse.milestoneTables(s.milestones).map(table).joined()
        out += "</section>\n"

        out += "<section id=\"metrics\">\n<h2>Metrics</h2>\n<p>\(escape(SummaryProse.metricLine(s.metrics)))</p>\n"
        out += Sparklines.html(s.metrics)
        if !s.metrics.isEmpty { out += table(SummaryTables.metrics(s)) }
        out += "</section>\n"

        out += "<section id=\"people\">\n<h2>People</h2>\n" + (s.people.isEmpty ? "<p>No people declared.</p>\n" : table(SummaryTables.people(s)))
        out += "</section>\n"
        if !s.updates.isEmpty { out += "<section id=\"updates\">\n<h2>Updates</h2>\n" + table(SummaryTables.updates(s)) + "</section>\n" }
        if !s.risks.isEmpty {
            out += "<section id=\"risks\">\n<h2>Risk register</h2>\n" + RiskHeatMap.html(s.risks) + table(SummaryTables.risks(s)) + "</section>\n"
        }

        out += "<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n<p>\(escape(SummaryProse.diagnosticLine(s.diagnostics)))</p>\n"
        if !s.diagnostics.isEmpty { out += table(SummaryTables.diagnostics(s)) }
        out += "</section>\n</main>\n</body>\n</html>\n"
        return out
    }

    /// The headline numbers for the current (else first) plan year.
    static func tiles(_ s: ProgrammeSummary) -> String {
        let year = s.inYear?.year ?? s.header.years.first
        let savings = s.savings.first { $0.year == year }
        let off = s.metrics.count { $0.state == .offTrack }
        var items: [(String, String, String)] = [("schemes", String(s.schemes.count), "")]
        if let savings {
            // Savings (cash-releasing + productivity) and cost growth avoided are never one sum.
            let year = LiteralText.financialYear(savings.year)
            items.append(("savings \(year) planned (cash-releasing + productivity)", savings.planned.savings.formattedMoney(), ""))
            items.append(("savings \(year) risk-adjusted", savings.riskAdjusted.savings.formattedMoney(), ""))
            items.append(("cost growth avoided \(year) planned, counted apart", savings.planned[.costGrowthAvoided].formattedMoney(), " apart"))
        }
        items.append(("milestones overdue", String(s.milestones.overdue.count), s.milestones.overdue.isEmpty ? "" : " bad"))
        items.append(("metrics off track", String(off), off == 0 ? "" : " bad"))
        let short = s.partners.filter { ($0.gap ?? .zero) > .zero }.count
        items.append(("envelopes short", String(short), short == 0 ? "" : " bad"))
        return tileRow(items)
    }

    /// The page up to its header's first line: the document head with the shared CSS, the
    /// heading and a line under it.
    static func pageHead(title: String, heading: String, meta: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>
        <header>
        <h1>\(escape(heading))</h1>
        <p class="meta">\(escape(meta))</p>

        """
    }

    /// Headline tiles: (label, value, " bad" or "").
    static func tileRow(_ items: [(String, String, String)]) -> String {
        "<div class=\"tiles\">\n" + items.map { "<div class=\"tile\(escape($0.2))\"><b>\(escape($0.1))</b><span>\(escape($0.0))</span></div>\n" }.joined() + "</div>\n"
    }

    static func table(_ table: SummaryTable) -> String {
        let t = table.forPage
        var out = "<table>\n<caption>\(escape(t.title))</caption>\n<thead><tr>"
        for column in t.columns { out += "<th\(column.numeric ? " class=\"num\"" : "")>\(escape(column.header))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        if t.rows.isEmpty { out += "<tr><td colspan=\"\(t.columns.count)\">None.</td></tr>\n" }
        for (index, row) in t.rows.enumerated() {
            let total = index >= t.rows.count - t.totalRows
            out += total ? "<tr class=\"total\">" : t.subtotalRows.contains(index) ? "<tr class=\"subtotal\">" : "<tr>"
            for (column, cell) in zip(t.columns, row) {
                let alarming = switch cell {
                case .money(let x), .change(let x): column.badSign == x.sign
                default: false
                }
                let classes = [column.numeric ? "num" : nil, cell.isCalendar ? "when" : nil, alarming ? "bad" : nil].compactMap { $0 }
                out += "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(escape(cell.display))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if let note = t.note { out += "<p class=\"note\">\(escape(note))</p>\n" }
        return out
    }

    /// Text made safe for HTML and SVG: `& < > " '` as entities, control characters as spaces.
    public static func escape(_ text: String) -> String {
        text.escaped {
            switch $0 {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    static let css = """

    :root { --cash: #005eb8; --prod: #41b6e6; --cga: #768692; --good: #007f3b; --warn: #ed8b00; --bad: #d5281b; --ink: #212b32; --muted: #4c6272; --line: #d8dde0; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink); background: #f0f4f5; }
    main { max-width: 1360px; margin: 0 auto; padding: 24px; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--cash); }
    p { margin: 6px 0; }
    .meta { color: var(--muted); }
    .alert { background: #fde8e6; border-left: 6px solid var(--bad); padding: 8px 12px; font-weight: 600; }
    .tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0 4px; }
    .tile { flex: 1 1 140px; border: 1px solid var(--line); border-top: 4px solid var(--cash); padding: 8px 10px; }
    .tile b { display: block; font-size: 20px; font-variant-numeric: tabular-nums; }
    .tile span { color: var(--muted); font-size: 12px; }
    .tile.bad { border-top-color: var(--bad); }
    .tile.apart { border-top-color: var(--cga); }
    .headline { margin: 8px 0 0; padding-left: 18px; }
    .tile.bad b { color: var(--bad); }
    table { border-collapse: collapse; width: 100%; margin: 12px 0 4px; font-size: 13px; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    th { background: #f0f4f5; font-weight: 600; }
    .when { white-space: nowrap; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .bad { color: var(--bad); font-weight: 600; }
    tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
    tr.subtotal td { font-weight: 600; background: #f0f4f5; }
    .note { color: var(--muted); font-size: 12px; }
    figure { margin: 12px 0; }
    figcaption { font-weight: 600; margin-bottom: 4px; }
    svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
    svg text { fill: var(--ink); font-size: 11px; }
    svg .muted { fill: var(--muted); }
    .sparks { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; }
    .spark { border: 1px solid var(--line); padding: 6px 8px; break-inside: avoid; }
    .spark p { margin: 0; font-size: 12px; }
    .spark .on { color: var(--good); font-weight: 600; }
    .spark .off { color: var(--bad); font-weight: 600; }
    .spark .none { color: var(--muted); }
    @page { size: A4 landscape; margin: 12mm; }
    @media print {
      body { background: #fff; font-size: 11px; }
      main { max-width: none; padding: 0; }
      h2, h2 + p { break-after: avoid; }
      table + .note { break-before: avoid; }
      figure, table, .tiles, .spark { break-inside: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}

// MARK: - Chart helpers

/// Geometry in exact fractions, written with one decimal.
enum Geometry {
    static func px(_ x: Exact) -> String { x.decimalString(places: 1) }
    static func px(_ n: Int) -> String { String(n) }

    /// `value / whole × length`, 0 for an empty whole.
    static func scale(_ value: Exact, of whole: Exact, to length: Int) -> Exact {
        (value.dividedUnlessZero(by: whole) ?? .zero).multiplied(by: Exact(length))
    }

    /// A round step (1, 2 or 5 × 10ⁿ) giving at most about five gridlines up to `maximum`, and
    /// the top of the axis (a whole number of steps at or above the maximum).
    static func axis(_ maximum: Exact) -> (step: Exact, top: Exact) {
        guard maximum > .zero else { return (.one, Exact(5)) }
        var power = Exact.one
        while power.multiplied(by: Exact(10)) <= maximum { power = power.multiplied(by: Exact(10)) }
        while power > maximum { power = power.dividedBy(10) }
        let rough = maximum.dividedBy(5)
        // power ≤ maximum < 10 × power, so rough < 2 × power: one of these always fits.
        let step = [Exact(2), Exact(5), Exact(10), Exact(20)].map { power.multiplied(by: $0).dividedBy(10) }.first { $0 >= rough } ?? power
        var top = step
        for _ in 0..<20 where top < maximum { top = top.adding(step) }
        return (step, top)
    }

    /// `£1.5m`, `£250k`, `£0`: axis labels.
    static func compactMoney(_ x: Exact) -> String {
        let billion = Exact(1_000_000_000), million = Exact(1_000_000), thousand = Exact(1000)
        if x.magnitude >= billion { return "£" + x.dividedBy(1_000_000_000).formattedNumber(maxPlaces: 1) + "bn" }
        if x.magnitude >= million { return "£" + x.dividedBy(1_000_000).formattedNumber(maxPlaces: 1) + "m" }
        if x.magnitude >= thousand { return "£" + x.dividedBy(1000).formattedNumber(maxPlaces: 1) + "k" }
        return x.formattedMoney()
    }

    static func text(_ x: Exact, _ y: Exact, _ content: String, anchor: String = "start", classes: String = "", bold: Bool = false) -> String {
        "<text x=\"\(px(x))\" y=\"\(px(y))\" text-anchor=\"\(anchor)\"\(classes.isEmpty ? "" : " class=\"\(classes)\"")\(bold ? " font-weight=\"600\"" : "")>\(SummaryHTML.escape(content))</text>\n"
    }

    static func rect(_ x: Exact, _ y: Exact, _ width: Exact, _ height: Exact, fill: String, extra: String = "") -> String {
        "<rect x=\"\(px(x))\" y=\"\(px(y))\" width=\"\(px(width))\" height=\"\(px(height))\" fill=\"\(fill)\"\(extra)/>\n"
    }

    static func line(_ x1: Exact, _ y1: Exact, _ x2: Exact, _ y2: Exact, stroke: String, extra: String = "") -> String {
        "<line x1=\"\(px(x1))\" y1=\"\(px(y1))\" x2=\"\(px(x2))\" y2=\"\(px(y2))\" stroke=\"\(stroke)\"\(extra)/>\n"
    }

    static func figure(_ caption: String, width: Int, height: Int, label: String, _ body: String) -> String {
        "<figure>\n<figcaption>\(SummaryHTML.escape(caption))</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(SummaryHTML.escape(label))\">\n\(body)</svg>\n</figure>\n"
    }
}

extension Exact {
    /// Divided by a positive count (a scale's step, a midpoint).
    func dividedBy(_ n: Int) -> Exact { multiplied(by: Exact(1).dividedUnlessZero(by: Exact(n)) ?? .zero) }
}

/// Per year, two stacked bars — planned and risk-adjusted — each split by dimension.
enum SavingsChart {
    static let colours: [Dimension: String] = [.cashReleasing: "#005eb8", .productivity: "#41b6e6", .costGrowthAvoided: "#768692"]

    static func svg(_ years: [SavingsYear]) -> String {
        guard !years.isEmpty else { return "" }
        let left = 76, top = 46, plotHeight = 240, group = 170, bar = 56
        let width = max(620, left + years.count * group + 20), height = top + plotHeight + 48
        let maximum = years.flatMap { [$0.planned.total, $0.riskAdjusted.total] }.max() ?? .zero
        let (step, axisTop) = Geometry.axis(maximum)
        let base = Exact(top + plotHeight)
        var body = ""
        // Legend.
        var x = left
        for dimension in Dimension.allCases {
            body += Geometry.rect(Exact(x), Exact(8), Exact(12), Exact(12), fill: colours[dimension]!)
            body += Geometry.text(Exact(x + 16), Exact(18), SummaryTables.dimensionHeaders[Dimension.allCases.firstIndex(of: dimension)!])
            x += 170
        }
        // Gridlines and axis labels.
        var tick = Exact.zero
        for _ in 0..<20 where tick <= axisTop {
            let y = base.subtracting(Geometry.scale(tick, of: axisTop, to: plotHeight))
            body += Geometry.line(Exact(left), y, Exact(width - 10), y, stroke: "#d8dde0")
            body += Geometry.text(Exact(left - 6), y.adding(Exact(4)), Geometry.compactMoney(tick), anchor: "end", classes: "muted")
            tick = tick.adding(step)
        }
        for (index, year) in years.enumerated() {
            let groupX = left + 20 + index * group
            for (offset, split, label) in [(0, year.planned, "planned"), (bar + 12, year.riskAdjusted, "risk-adjusted")] {
                let barX = Exact(groupX + offset)
                var y = base
                for dimension in Dimension.allCases where split[dimension] > .zero {
                    let height = Geometry.scale(split[dimension], of: axisTop, to: plotHeight)
                    y = y.subtracting(height)
                    body += Geometry.rect(barX, y, Exact(bar), height, fill: colours[dimension]!,
                                          extra: offset == 0 ? "" : " fill-opacity=\"0.55\" stroke=\"\(colours[dimension]!)\"")
                }
                body += Geometry.text(barX.adding(Exact(bar / 2)), y.subtracting(Exact(4)), Geometry.compactMoney(split.total), anchor: "middle", bold: true)
                body += Geometry.text(barX.adding(Exact(bar / 2)), base.adding(Exact(14)), label, anchor: "middle", classes: "muted")
            }
            body += Geometry.text(Exact(groupX + bar + 6), base.adding(Exact(32)), LiteralText.financialYear(year.year), anchor: "middle", bold: true)
        }
        body += Geometry.line(Exact(left), base, Exact(width - 10), base, stroke: "#212b32")
        return Geometry.figure("Savings by year and dimension: planned, and risk-adjusted (paler)", width: width, height: height,
                               label: "Stacked bars of planned and risk-adjusted savings per year", body)
    }
}

/// Each partner and year with an envelope: the risk-adjusted attributed savings as a bar against
/// the envelope as a line, green when covered, red when short.
enum EnvelopeChart {
    static func svg(_ rows: [PartnerYear]) -> String {
        let shown = rows.filter { $0.envelope != nil }
        guard !shown.isEmpty else { return "<p class=\"note\">No partner has an envelope: nothing to chart.</p>\n" }
        let left = 130, barWidth = 420, rowHeight = 30, top = 30
        let width = left + barWidth + 360, height = top + shown.count * rowHeight + 10
        let maximum = shown.flatMap { [$0.envelope!, $0.riskAdjusted, $0.attributed] }.max() ?? .zero
        var body = Geometry.rect(Exact(left), Exact(6), Exact(12), Exact(12), fill: "#007f3b")
        body += Geometry.text(Exact(left + 16), Exact(16), "risk-adjusted, covered")
        body += Geometry.rect(Exact(left + 160), Exact(6), Exact(12), Exact(12), fill: "#d5281b")
        body += Geometry.text(Exact(left + 176), Exact(16), "risk-adjusted, short")
        body += Geometry.rect(Exact(left + 300), Exact(6), Exact(12), Exact(12), fill: "#d8dde0")
        body += Geometry.text(Exact(left + 316), Exact(16), "planned (attributed)")
        body += Geometry.line(Exact(left + 440), Exact(4), Exact(left + 440), Exact(20), stroke: "#212b32", extra: " stroke-width=\"3\"")
        body += Geometry.text(Exact(left + 446), Exact(16), "envelope")
        for (index, row) in shown.enumerated() {
            let y = Exact(top + index * rowHeight)
            let envelope = row.envelope!
            let short = (row.gap ?? .zero) > .zero
            body += Geometry.text(Exact(left - 8), y.adding(Exact(15)), "\(row.partner) \(LiteralText.financialYear(row.year))", anchor: "end", bold: true)
            body += Geometry.rect(Exact(left), y.adding(Exact(3)), Geometry.scale(row.attributed, of: maximum, to: barWidth), Exact(18), fill: "#d8dde0")
            body += Geometry.rect(Exact(left), y.adding(Exact(6)), Geometry.scale(row.riskAdjusted, of: maximum, to: barWidth), Exact(12), fill: short ? "#d5281b" : "#007f3b")
            let envelopeX = Exact(left).adding(Geometry.scale(envelope, of: maximum, to: barWidth))
            body += Geometry.line(envelopeX, y, envelopeX, y.adding(Exact(24)), stroke: "#212b32", extra: " stroke-width=\"3\"")
            let cover = row.coverage.map { " (\($0.formattedPercent()))" } ?? ""
            let verdict = short ? "short by \(row.gap!.formattedMoney())" : "covered\(cover)"
            body += Geometry.text(Exact(left + barWidth + 12), y.adding(Exact(15)), "\(row.riskAdjusted.formattedMoney()) of \(envelope.formattedMoney()): \(verdict)",
                                  classes: short ? "" : "muted")
        }
        return Geometry.figure("Envelope coverage: risk-adjusted attributed savings against each envelope", width: width, height: height,
                               label: "Bars of risk-adjusted savings per partner and year against envelope markers", body)
    }
}

/// Every milestone on a time line across the financial years: done (green dot at its done
/// date), overdue (red), open (hollow), slipping (amber line from due to forecast); the as-of
/// date as a dashed line.
enum MilestoneTimeline {
    static func svg(_ milestones: MilestoneSummary, asOf: Date, years: [Int]) -> String {
        let dated = milestones.all.filter { $0.due != nil }
        guard !dated.isEmpty else { return "" }
        let dates = dated.flatMap { [$0.due, $0.done, $0.forecast].compactMap { $0 } } + [asOf]
        // From the start of the first financial year shown to the end of the last.
        let firstYear = min(dates.map(\.financialYear).min()!, years.first ?? Int.max)
        let lastYear = max(dates.map(\.financialYear).max()!, years.last ?? Int.min)
        let start = Date(year: firstYear, month: 4, day: 1).dayNumber, end = Date(year: lastYear + 1, month: 4, day: 1).dayNumber
        let left = 110, plotWidth = 840, top = 44, rowHeight = 22
        let width = left + plotWidth + 20, height = top + dated.count * rowHeight + 30
        func x(_ date: Date) -> Exact { Exact(left).adding(Geometry.scale(Exact(date.dayNumber - start), of: Exact(end - start), to: plotWidth)) }

        var body = ""
        // Legend.
        let legend: [(String, String)] = [("done", "<circle cx=\"6\" cy=\"0\" r=\"5\" fill=\"#007f3b\"/>"),
                                          ("open", "<circle cx=\"6\" cy=\"0\" r=\"5\" fill=\"#fff\" stroke=\"#005eb8\" stroke-width=\"2\"/>"),
                                          ("overdue", "<circle cx=\"6\" cy=\"0\" r=\"5\" fill=\"#d5281b\"/>"),
                                          ("slipping: due → forecast", "<line x1=\"0\" y1=\"0\" x2=\"14\" y2=\"0\" stroke=\"#ed8b00\" stroke-width=\"3\"/>"),
                                          ("as of", "<line x1=\"6\" y1=\"-6\" x2=\"6\" y2=\"6\" stroke=\"#212b32\" stroke-dasharray=\"3 2\"/>")]
        var lx = left
        for (label, mark) in legend {
            body += "<g transform=\"translate(\(lx) 12)\">\(mark)</g>\n" + Geometry.text(Exact(lx + 18), Exact(16), label)
            lx += 40 + 7 * label.count
        }
        // Financial-year bands, labelled at least 60 pixels apart.
        let labelEvery = max(1, (60 * (lastYear - firstYear + 1) + plotWidth - 1) / plotWidth)
        var labels = ""  // drawn after every band, so no band covers a label
        for year in firstYear...lastYear {
            let x0 = x(Date(year: year, month: 4, day: 1)), x1 = x(Date(year: year + 1, month: 4, day: 1))
            if (year - firstYear) % 2 == 0 {
                body += Geometry.rect(x0, Exact(top - 14), x1.subtracting(x0), Exact(dated.count * rowHeight + 14), fill: "#f0f4f5")
            }
            if (year - firstYear) % labelEvery == 0 {
                labels += Geometry.text(x0.adding(x1).dividedBy(2), Exact(top - 3), LiteralText.financialYear(year), anchor: "middle", classes: "muted")
            }
        }
        body += labels
        for (index, m) in dated.enumerated() {
            let y = Exact(top + index * rowHeight + rowHeight / 2)
            // A group per milestone, its title shown as a tooltip.
            body += "<g>\n<title>\(SummaryHTML.escape([m.qualifiedName, m.title].compactMap { $0 }.joined(separator: " ")))</title>\n"
            body += Geometry.text(Exact(left - 8), y.adding(Exact(4)), m.qualifiedName, anchor: "end", bold: m.critical)
            let due = x(m.due!)
            if let forecast = m.forecast, m.slipping {
                body += Geometry.line(due, y, x(forecast), y, stroke: "#ed8b00", extra: " stroke-width=\"3\"")
                body += "<circle cx=\"\(Geometry.px(x(forecast)))\" cy=\"\(Geometry.px(y))\" r=\"4\" fill=\"#ed8b00\"/>\n"
            }
            switch m.state {
            case .done:
                if let done = m.done {
                    body += Geometry.line(due, y.subtracting(Exact(6)), due, y.adding(Exact(6)), stroke: "#768692")
                    body += "<circle cx=\"\(Geometry.px(x(done)))\" cy=\"\(Geometry.px(y))\" r=\"5\" fill=\"#007f3b\"/>\n"
                }
            case .overdue:
                body += Geometry.line(due, y, x(asOf), y, stroke: "#d5281b", extra: " stroke-width=\"2\" stroke-dasharray=\"4 2\"")
                body += "<circle cx=\"\(Geometry.px(due))\" cy=\"\(Geometry.px(y))\" r=\"5\" fill=\"#d5281b\"/>\n"
            default:
                body += "<circle cx=\"\(Geometry.px(due))\" cy=\"\(Geometry.px(y))\" r=\"5\" fill=\"#fff\" stroke=\"#005eb8\" stroke-width=\"2\"/>\n"
            }
            body += "</g>\n"
        }
        let asOfX = x(asOf), bottom = Exact(top + dated.count * rowHeight)
        body += Geometry.line(asOfX, Exact(top), asOfX, bottom, stroke: "#212b32", extra: " stroke-dasharray=\"3 2\"")
        body += Geometry.text(asOfX, bottom.adding(Exact(16)), "as of \(SummaryTables.iso(asOf))", anchor: "middle", bold: true)
        return Geometry.figure("Milestone timeline (critical milestones in bold)", width: width, height: height,
                               label: "Milestones on a time line by financial year, marked done, open, overdue or slipping", body)
    }
}

/// A small chart per metric: the plan line (baseline, trajectory, target) dashed, the actuals
/// solid, coloured by whether the latest is on track.
enum Sparklines {
    static func html(_ metrics: [MetricStatus]) -> String {
        let charted = metrics.filter { $0.metric.baseline != nil }
        guard !charted.isEmpty else { return "" }
        return "<div class=\"sparks\">\n" + charted.map(card).joined() + "</div>\n"
    }

    static func card(_ status: MetricStatus) -> String {
        let metric = status.metric
        var plan = [(metric.baseline!.month, metric.baseline!.value)] + metric.trajectory.map { ($0.month, $0.value) }
        if let target = metric.target, let month = metric.targetMonth, !plan.contains(where: { $0.0 >= month }) { plan.append((month, target)) }
        plan.sort { $0.0 < $1.0 }
        let actuals = metric.actuals.map { ($0.month, $0.value) }.sorted { $0.0 < $1.0 }
        let all = plan + actuals
        let months = all.map { $0.0.year * 12 + $0.0.month }
        let firstMonth = months.min()!, span = max(1, months.max()! - firstMonth)
        var low = all.map(\.1).min()!, high = all.map(\.1).max()!
        if low == high { low = low.subtracting(.one); high = high.adding(.one) }
        let width = 230, height = 56, pad = 6
        func point(_ p: (Month, Exact)) -> String {
            let x = Exact(pad).adding(Geometry.scale(Exact(p.0.year * 12 + p.0.month - firstMonth), of: Exact(span), to: width - 2 * pad))
            let y = Exact(height - pad).subtracting(Geometry.scale(p.1.subtracting(low), of: high.subtracting(low), to: height - 2 * pad))
            return "\(Geometry.px(x)),\(Geometry.px(y))"
        }
        let colour = status.state == .onTrack ? "#007f3b" : status.state == .offTrack ? "#d5281b" : "#768692"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(SummaryHTML.escape("Plan line and actuals of \(metric.qualifiedName)"))\">\n"
        svg += "<polyline points=\"\(plan.map(point).joined(separator: " "))\" fill=\"none\" stroke=\"#768692\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
        if actuals.count > 1 {
            svg += "<polyline points=\"\(actuals.map(point).joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
        }
        for actual in actuals {
            let xy = point(actual).split(separator: ",")
            svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3.5\" fill=\"\(colour)\"/>\n"
        }
        svg += "</svg>\n"
        let verdict: String = switch status.state {
        case .onTrack: "<span class=\"on\">on track</span>"
        case .offTrack: "<span class=\"off\">off track</span>"
        case .notJudged: "<span class=\"none\">\(SummaryHTML.escape(status.reason ?? "not judged"))</span>"
        }
        let latest = status.latest.map { "latest \(metric.format($0.value)) at \(SummaryTables.iso($0.month))" } ?? ""
        let expected = status.expected.map { ", plan \(metric.format($0))" } ?? ""
        return "<div class=\"spark\">\n<p><b>\(SummaryHTML.escape(metric.qualifiedName))</b> \(SummaryHTML.escape(metric.title ?? ""))</p>\n" + svg
            + "<p>\(verdict) \(SummaryHTML.escape(latest + expected))</p>\n</div>\n"
    }
}
