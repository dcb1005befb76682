import AccordDiagnostics
import AccordNumbers
import AccordSyntax

/// Updates, risks and W419's threshold (`update-within`): read here, checked in `PlanRules+Risks`.
extension ModelBuilder {
    /// `update-within 45 days` in `rules`: a whole number of days, at least 1 (E303 otherwise).
    mutating func readUpdateWithin(_ match: StatementMatch) -> Int? {
        guard let node = match.values.first, let days = quantity(node, .number, for: "update-within") else { return nil }
        guard days.isInteger, days >= .one, days <= Exact(36_600), let whole = Int(days.description) else {
            report(.E303, node, "`update-within` must be a whole number of days from 1 to 36600, not \(days.formattedNumber(grouping: false))",
                   help: "write the age an update may reach before W419, such as `update-within 45 days`")
            return nil
        }
        return whole
    }

    mutating func readUpdate(_ match: StatementMatch, scheme: String) -> SchemeUpdate? {
        guard let date = date(match.values[0], for: "update", in: scheme),
              let token = match.values[1].literalToken, token.kind == .string, !token.isMalformed else { return nil }
        return SchemeUpdate(date: date, text: LiteralText.unescape(token.text), ref: SourceRef(header: match.statement))
    }

    /// The risks of a scheme's block (`scheme` given) or of the plan's files (top level), each id
    /// once per scope (E201 for a repeat, which is not read).
    mutating func readRisks(_ statements: [StatementSyntax], in kind: BlockKind, scheme: String?) -> [Risk] {
        var risks: [Risk] = []
        var first: [String: StatementSyntax] = [:]
        for statement in statements where statement.keyword == SchemeAttribute.risk.rawValue {
            guard let match = Grammar.match(statement, in: kind), let nameNode = match.names.first, let name = nameNode.simpleName,
                  let title = match.values.first?.literalToken, title.kind == .string else { continue }
            if let earlier = first[name] {
                report(.E201, nameNode, "a risk named `\(name)` is already declared \(scheme.map { "in scheme \($0)" } ?? "at the top level")",
                       help: "give each risk of \(scheme == nil ? "the programme" : "a scheme") its own id",
                       notes: [DiagnosticNote("first declared here", file: earlier.node.tree.file, range: earlier.headerRange)])
                continue
            }
            first[name] = statement
            risks.append(readRisk(match, name: name, title: LiteralText.unescape(title.text), scheme: scheme))
        }
        return risks
    }

    private mutating func readRisk(_ match: StatementMatch, name: String, title: String, scheme: String?) -> Risk {
        var risk = Risk(scheme: scheme, name: name, title: title, ref: SourceRef(header: match.statement))
        for (attribute, line) in lines(match.statement, RiskAttribute.self) {
            switch attribute {
            case .likelihood: risk.likelihood = matrixStep(line.values[0], attribute.rawValue, scheme: scheme)
            case .impact: risk.impact = matrixStep(line.values[0], attribute.rawValue, scheme: scheme)
            case .owner:
                risk.hasOwnerLine = true
                risk.owner = reference(line.names[0], .person, for: "owner")
            case .mitigation: risk.mitigation = line.values.first?.literalToken.map { LiteralText.unescape($0.text) }
            case .status: risk.status = line.keywords.first.flatMap(RiskStatus.init) ?? .open
            case .review:
                risk.review = date(line.values[0], for: "review", in: scheme)
                risk.reviewRef = SourceRef(header: line.statement)
            }
        }
        return risk
    }

    /// A likelihood or impact: a whole number from 1 to 5 (E416).
    private mutating func matrixStep(_ node: SyntaxNode, _ keyword: String, scheme: String?) -> Int? {
        guard let x = quantity(node, .number, for: keyword, in: scheme) else { return nil }
        if let step = (1...5).first(where: { Exact($0) == x }) { return step }
        report(.E416, node, "a risk's \(keyword) must be a whole number from 1 to 5, not \(x.formattedNumber(grouping: false))",
               help: "score \(keyword) on the NHS 5×5 scale: 1 (\(keyword == "impact" ? "negligible" : "rare")) to 5 (\(keyword == "impact" ? "catastrophic" : "almost certain"))")
        return nil
    }
}
