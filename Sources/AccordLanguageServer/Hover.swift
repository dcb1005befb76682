import AccordDiagnostics
import AccordModel
import AccordSyntax

extension LanguageServer {
    /// What the name under the cursor is, with its evaluated figures; on an attribute keyword,
    /// how the attribute is written.
    mutating func hover(_ params: JSON) throws(ResponseError) -> JSON {
        guard let cursor = try cursor(params) else { return .null }
        if let occurrence = cursor.occurrence, let text = HoverText.describe(occurrence.symbol, in: cursor.plan.model) {
            return ["contents": ["kind": "markdown", "value": .string(text)], "range": cursor.file.lspRange(occurrence.ref.range)]
        }
        let tree = cursor.plan.sources.files.first { $0.file.path == cursor.file.path }?.parse.tree
        if let tree, let (statement, kind) = GrammarContext.statement(at: cursor.offset, in: tree),
           let head = statement.head, head.trimmedRange.contains(cursor.offset) || head.trimmedRange.upperBound == cursor.offset,
           let keyword = statement.keyword, let attribute = Grammar.schema(kind).attribute(keyword) {
            let text = "**\(keyword)** in \(Grammar.schema(kind).noun)\(attribute.required ? " (required)" : "")\n\n```accord\n\(attribute.example)\n```"
            return ["contents": ["kind": "markdown", "value": .string(text)], "range": cursor.file.lspRange(head.trimmedRange)]
        }
        return .null
    }
}

/// The Markdown shown on hover: what a name is, with its figures as the model evaluated them.
enum HoverText {
    static func describe(_ symbol: Symbol, in model: PlanModel) -> String? {
        func heading(_ kind: String, _ name: String, _ title: String?) -> String {
            "**\(kind) \(name)**" + (title.map { " — \($0)" } ?? "")
        }
        switch symbol.kind {
        case .partner:
            guard let partner = model.partner(symbol.name) else { return nil }
            var lines = [heading("partner", partner.name, partner.title)]
            lines.append([partner.type.map { "type \($0)" }, "control total \(partner.controlTotal.formattedPercent())"].compactMap { $0 }.joined(separator: " · "))
            // The summary's shown figures, so the editor and the summary agree to the penny.
            let rows = model.years.compactMap { year -> String? in
                guard let row = model.partnerYears(year).rows.first(where: { $0.partner == partner.name }),
                      row.envelope != nil || !row.attributed.isZero else { return nil }
                return "| \(LiteralText.financialYear(year)) | \(row.envelope?.formattedMoney() ?? "—") | \(row.attributed.formattedMoney()) | \(row.riskAdjusted.formattedMoney()) | \(row.gap.map { $0.sign > 0 ? "short \($0.formattedMoney())" : "covered" } ?? "—") |"
            }
            if !rows.isEmpty {
                lines.append("| year | envelope | attributed | risk-adjusted | gap |\n|---|---:|---:|---:|---|\n" + rows.joined(separator: "\n"))
            }
            return lines.joined(separator: "\n\n")
        case .person:
            guard let person = model.person(symbol.name) else { return nil }
            var lines = [heading("person", person.name, person.title)]
            let about = [person.role, person.partner.map { "of \($0)" }].compactMap { $0 }.joined(separator: " ")
            if !about.isEmpty { lines.append(about) }
            let total = model.allocations(of: person.name).totalFTE
            let over = total > person.capacity
            lines.append("**\(total.formattedNumber()) FTE** allocated against a capacity of \(person.capacity.formattedNumber())"
                         + (over ? " — over capacity by \(total.subtracting(person.capacity).formattedNumber())" : ""))
            // Every role, also those without an FTE and those in schemes that no longer count.
            let roles = model.schemes.flatMap { scheme in
                scheme.roles.filter { $0.person == person.name }.map { role in
                    "- \(scheme.name): \(role.role)" + (role.fte.map { " \($0.formattedNumber())" } ?? "")
                        + (scheme.counts && scheme.status != .closed ? "" : " (not counted: \(scheme.status?.rawValue ?? ""))")
                }
            }
            if !roles.isEmpty { lines.append(roles.joined(separator: "\n")) }
            return lines.joined(separator: "\n\n")
        case .area:
            guard let area = model.areas.first(where: { $0.name == symbol.name }) else { return nil }
            let schemes = model.schemes.filter { $0.area == area.name }.map(\.name)
            return heading("area", area.name, area.title) + "\n\n" + (schemes.isEmpty ? "no schemes" : "schemes: " + schemes.joined(separator: ", "))
        case .let:
            let value = model.lets[symbol.qualifiedName]
            return "**let \(symbol.qualifiedName)** = " + (value.map(describe) ?? "(no value: see the diagnostics)")
        case .scheme:
            guard let scheme = model.scheme(symbol.name) else { return nil }
            return describe(scheme, in: model)
        case .milestone:
            guard let milestone = model.scheme(symbol.scheme ?? "")?.milestones.first(where: { $0.name == symbol.name }) else { return nil }
            var facts = [milestone.due.map { "due \(format($0))" }, milestone.critical ? "critical" : nil,
                         milestone.done.map { "done \(format($0))" }, milestone.forecast.map { "forecast \(format($0))" },
                         milestone.owner.map { "owner \($0)" }].compactMap { $0 }
            if !milestone.after.isEmpty { facts.append("after " + milestone.after.map { "\($0.scheme).\($0.milestone)" }.joined(separator: ", ")) }
            return heading("milestone", milestone.qualifiedName, milestone.title) + "\n\n" + facts.joined(separator: " · ")
        case .metric:
            guard let metric = model.scheme(symbol.scheme ?? "")?.metrics.first(where: { $0.name == symbol.name }) else { return nil }
            var facts = [metric.kind.map { "kind \($0.rawValue)" }, metric.better.map { "better \($0.rawValue)" }, metric.unit].compactMap { $0 }
            if let baseline = metric.baseline { facts.append("baseline \(metric.format(baseline.value)) at \(format(baseline.month))") }
            if let target = metric.target {
                facts.append("**target \(metric.format(target))**" + (metric.targetMonth.map { " by \(format($0))" } ?? "")
                             + (metric.change.map { " (change \($0.formattedPercent()))" } ?? ""))
            }
            if let actual = metric.actuals.last { facts.append("latest actual \(metric.format(actual.value)) at \(format(actual.month))") }
            return heading("metric", metric.qualifiedName, metric.title) + "\n\n" + facts.joined(separator: " · ")
        case .riskShare:
            guard let term = model.riskShares.first(where: { $0.name == symbol.name }) else { return nil }
            return heading("risk-share", term.name, term.title) + "\n\nschemes \(term.schemes.joined(separator: ", ")) · measure \(term.measure.rawValue)"
        case .scenario:
            guard let scenario = model.scenarios.first(where: { $0.name == symbol.name }) else { return nil }
            return heading("scenario", scenario.name, scenario.title)
                + (scenario.defaultDelivery.map { "\n\ndelivery \($0.formattedPercent())" } ?? "")
        }
    }

    /// A scheme's facts and its savings by year: each dimension, the total, and the total
    /// weighted by its confidence.
    static func describe(_ scheme: Scheme, in model: PlanModel) -> String {
        var lines = ["**scheme \(scheme.name)**" + (scheme.title.map { " — \($0)" } ?? "")]
        lines.append([scheme.status.map { "status \($0.rawValue)" }, scheme.lead.map { "lead \($0)" },
                      scheme.partners.count > 1 ? "partners \(scheme.partners.joined(separator: ", "))" : nil,
                      "confidence \(scheme.confidence.rawValue)", scheme.area.map { "area \($0)" }].compactMap { $0 }.joined(separator: " · "))
        if !scheme.savings.isEmpty {
            // Cost and net only for a scheme with a `cost` line (Costs.swift).
            let costs = scheme.savings.contains { $0.cost != nil }
            var table = "| year | cash-releasing | productivity | cost-growth-avoided | total | risk-adjusted |" + (costs ? " cost | net |" : "")
                + "\n|---|---:|---:|---:|---:|---:|" + (costs ? "---:|---:|" : "")
            for year in scheme.savings.sorted(by: { $0.year < $1.year }) {
                let shown = model.shownSavings(of: scheme, year)
                table += "\n| \(LiteralText.financialYear(year.year)) | " + Dimension.allCases.map { shown.planned[$0].formattedMoney() }.joined(separator: " | ")
                    + " | \(shown.planned.total.formattedMoney()) | \(shown.riskAdjusted.total.formattedMoney()) |"
                if costs {
                    let cost = model.shownCost(of: scheme, year, cashReleasing: shown.planned[.cashReleasing])
                    table += " \((cost?.cost ?? .zero).formattedMoney()) | \((cost?.net ?? shown.planned[.cashReleasing]).formattedMoney()) |"
                }
            }
            lines.append(table)
        }
        let critical = scheme.milestones.filter(\.critical).count
        lines.append("\(scheme.milestones.count) milestone\(scheme.milestones.count == 1 ? "" : "s") (\(critical) critical), \(scheme.metrics.count) metric\(scheme.metrics.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n\n")
    }

    static func describe(_ value: Value) -> String {
        switch value {
        case .number(let x): x.formattedNumber()
        case .money(let x): x.formattedMoney()
        case .percent(let x): x.formattedPercent()
        case .date(let d): format(d)
        case .month(let m): format(m)
        case .financialYear(let y): LiteralText.financialYear(y)
        case .yearRange(let a, let b): "\(LiteralText.financialYear(a))..\(LiteralText.financialYear(b))"
        case .string(let s): "\"\(s)\""
        }
    }

    static func format(_ date: Date) -> String { date.iso }
    static func format(_ month: Month) -> String { month.iso }
}
