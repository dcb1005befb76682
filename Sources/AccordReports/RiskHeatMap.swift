import AccordModel

/// The risk register's 5×5 heat map for the HTML summary: a table, impact 5 at the top to 1,
/// likelihood 1 to 5 left to right, each cell the number of open risks scored there and coloured
/// by the cell's band. Styles are inline, so pages without risks keep the shared stylesheet as it was.
enum RiskHeatMap {
    static let colours: [RiskBand: String] = [.low: "#d9f0d3", .moderate: "#fff3b0", .high: "#fdc086", .extreme: "#f4a3a3"]

    static func html(_ risks: [Risk]) -> String {
        var counts: [Int: Int] = [:]
        for risk in risks where risk.status == .open {
            guard let l = risk.likelihood, let i = risk.impact else { continue }
            counts[i * 10 + l, default: 0] += 1
        }
        let cell = "width:3em;height:2.2em;text-align:center;border:1px solid #fff"
        var out = "<table class=\"heatmap\" style=\"width:auto\">\n<caption>Open risks by likelihood × impact</caption>\n"
        out += "<thead><tr><th>impact \\ likelihood</th>" + (1...5).map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for impact in (1...5).reversed() {
            out += "<tr><th class=\"num\">\(impact)</th>"
            for likelihood in 1...5 {
                let band = RiskBand(score: likelihood * impact), count = counts[impact * 10 + likelihood] ?? 0
                out += "<td style=\"\(cell);background:\(colours[band]!)\" title=\"score \(likelihood * impact), \(band.rawValue)\">\(count == 0 ? "" : String(count))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"note\">" + RiskBand.allCases.map { "<span style=\"background:\(colours[$0]!);padding:0 .4em\">\($0.rawValue)</span>" }.joined(separator: " ")
        return out + " — the number of open risks in each cell; closed risks are not counted.</p>\n"
    }
}
