import AccordDiagnostics
import AccordNumbers
import AccordSyntax

extension ModelBuilder {
    mutating func readDeclarations() {
        if let planStatement { readPlan(planStatement) }
        for declaration in declarations {
            let ref = SourceRef(header: declaration.statement)
            let title = declaration.match.values.first.flatMap(stringValue)
            switch declaration.kind {
            case .partner: model.partners.append(readPartner(declaration, title: title, ref: ref))
            case .person: model.people.append(readPerson(declaration, title: title, ref: ref))
            case .area: model.areas.append(Area(name: declaration.name, title: title, ref: ref))
            case .let: if let value = declaration.cell.flatMap({ cellValues[$0] }) { model.lets[declaration.name] = value }
            case .scheme: model.schemes.append(readScheme(declaration, title: title, ref: ref))
            case .riskShare: model.riskShares.append(readRiskShare(declaration, title: title, ref: ref))
            case .scenario: model.scenarios.append(readScenario(declaration, title: title, ref: ref))
            }
        }
        readEnvelopes()
        model.plan.judgesUpdates = model.plan.judgesUpdates || model.schemes.contains { !$0.updates.isEmpty }
        model.risks = readRisks(sources.files.flatMap(\.parse.tree.statements), in: .file, scheme: nil)
        model.resolveNames()
    }

    /// The readable lines of `statement`'s block, each with its attribute, for a `switch` with no
    /// `default`; of a line given twice (E106), only the first.
    func lines<A: BlockAttribute>(_ statement: StatementSyntax, _: A.Type) -> [(attribute: A, match: StatementMatch)] {
        lines(statement, A.block).compactMap { match in match.attribute(as: A.self).map { ($0, match) } }
    }

    /// The readable lines of a keyed block (`ESNEFT 50%`), or of any block without their attributes.
    func lines(_ statement: StatementSyntax, _ kind: BlockKind) -> [StatementMatch] {
        var seen: Set<String> = []
        return (statement.block?.statements ?? []).compactMap { line in
            guard let match = Grammar.match(line, in: kind) else { return nil }
            if match.isRepeat ?? match.repetitionKey.map({ !seen.insert($0).inserted }) ?? false { return nil }
            return match
        }
    }

    private func stringValue(_ node: SyntaxNode) -> String? {
        guard let token = node.literalToken, token.kind == .string, !token.isMalformed else { return nil }
        return LiteralText.unescape(token.text)
    }

    mutating func date(_ node: SyntaxNode, for attribute: String, in scheme: String? = nil) -> Date? {
        if case .date(let d)? = value(node, .date, for: attribute, in: scheme) { return d }
        return nil
    }

    mutating func quantity(_ node: SyntaxNode, _ kind: ValueKind, for attribute: String, in scheme: String? = nil) -> Exact? {
        value(node, kind, for: attribute, in: scheme)?.quantity
    }

    func month(_ token: SyntaxToken?) -> Month? { token.flatMap { LiteralText.month($0.text) } }
    func year(_ token: SyntaxToken?) -> Int? { token.flatMap { LiteralText.financialYearStart($0.text) } }

    // MARK: Ranges (E303) and plan years (E304)

    mutating func checkFraction(_ x: Exact?, _ node: SyntaxNode, _ what: String) {
        guard let x, x.isNegative || x > .one else { return }
        report(.E303, node, "\(what) must be between 0% and 100%, not \(x.formattedPercent())", help: "give a percent from 0% to 100%")
    }

    mutating func checkNotNegative(_ x: Exact?, _ node: SyntaxNode, _ what: String) {
        guard let x, x.isNegative else { return }
        report(.E303, node, "\(what) cannot be negative", help: "give the amount as a positive figure")
    }

    mutating func checkFTE(_ x: Exact?, _ node: SyntaxNode, _ what: String) {
        guard let x, x.sign <= 0 || x > .one else { return }
        report(.E303, node, "\(what) must be more than 0 and at most 1 (a full-time equivalent), not \(x.formattedNumber(grouping: false))",
               help: "write a fraction of a full-time post, such as 0.4")
    }

    mutating func checkInPlanYears(_ year: Int?, _ node: SyntaxNode) {
        guard let year, let years = model.plan.years, !years.contains(year) else { return }
        report(.E304, node, "\(LiteralText.financialYear(year)) is outside the plan's years (\(Self.describe(years)))",
               help: "change the year, or widen the plan's `years`")
    }

    static func describe(_ years: ClosedRange<Int>) -> String {
        years.count == 1 ? LiteralText.financialYear(years.lowerBound)
            : "\(LiteralText.financialYear(years.lowerBound))..\(LiteralText.financialYear(years.upperBound))"
    }

    // MARK: Plan, partners, people, envelopes

    private mutating func readPlan(_ statement: StatementSyntax) {
        var plan = Plan()
        plan.ref = SourceRef(header: statement)
        plan.title = Grammar.match(statement, in: .file)?.values.first.flatMap(stringValue) ?? ""
        plan.asOfUnreadable = statement.block?.statements.contains { $0.keyword == PlanAttribute.asOf.rawValue } ?? false
        for (attribute, match) in lines(statement, PlanAttribute.self) {
            switch attribute {
            case .years:
                switch value(match.values[0], .years, for: "years") {
                case .financialYear(let y)?: plan.years = y...y
                case .yearRange(let a, let b)?: plan.years = a...b
                default: break
                }
            case .asOf:
                plan.asOf = date(match.values[0], for: "as-of")
                plan.asOfUnreadable = plan.asOf == nil
            case .approved:
                plan.approvedOn = date(match.values[0], for: "approved")
                plan.approvedBy = match.values.dropFirst().first.flatMap(stringValue)
            case .confidenceWeights:
                for line in lines(match.statement, .confidenceWeights) {
                    guard let rating = line.keywords.first.flatMap(Confidence.init), let node = line.values.first,
                          let weight = quantity(node, .percent, for: rating.rawValue) else { continue }
                    checkFraction(weight, node, "a confidence weight")
                    plan.confidenceWeights[rating] = weight
                }
            case .requireMetrics:
                plan.requiredMetricKinds = match.keywords.compactMap(MetricKind.init)
            case .rules:
                for line in lines(match.statement, .rules) {
                    if let attribute = line.attribute(as: RulesAttribute.self) {
                        switch attribute {
                        case .updateWithin:
                            plan.updateWithinDays = readUpdateWithin(line) ?? plan.updateWithinDays
                            plan.judgesUpdates = true
                        }
                        continue
                    }
                    guard let code = line.names.first?.simpleName.flatMap(DiagnosticCode.init), let level = line.keywords.first else { continue }
                    plan.rules[code] = level == "off" ? .some(nil) : .some(level == "error" ? .error : .warning)
                }
            }
        }
        model.plan = plan
    }

    private mutating func readPartner(_ declaration: Declaration, title: String?, ref: SourceRef) -> Partner {
        var partner = Partner(name: declaration.name, title: title, ref: ref)
        for (attribute, match) in lines(declaration.statement, PartnerAttribute.self) {
            switch attribute {
            case .type: partner.type = match.keywords.first
            case .controlTotal:
                if let x = quantity(match.values[0], .percent, for: "control-total") {
                    checkFraction(x, match.values[0], "`control-total`")
                    partner.controlTotal = x
                }
            }
        }
        return partner
    }

    private mutating func readPerson(_ declaration: Declaration, title: String?, ref: SourceRef) -> Person {
        var person = Person(name: declaration.name, title: title, ref: ref)
        for (attribute, match) in lines(declaration.statement, PersonAttribute.self) {
            switch attribute {
            case .partner: person.partner = reference(match.names[0], .partner, for: "partner")
            case .role: person.role = match.values.first.flatMap(stringValue)
            case .capacity:
                if let x = quantity(match.values[0], .number, for: "capacity") {
                    checkFTE(x, match.values[0], "`capacity`")
                    person.capacity = x
                }
            }
        }
        return person
    }

    private mutating func readEnvelopes() {
        var seen: [String: StatementSyntax] = [:]
        for planFile in sources.files {
            for statement in planFile.parse.tree.statements where statement.keyword == FileAttribute.envelope.rawValue {
                guard let match = Grammar.match(statement, in: .file), let node = match.names.first,
                      let partner = reference(node, .partner, for: "envelope") else { continue }
                if let first = seen[partner] {
                    report(.E201, node, "a second envelope for \(partner)", help: "give all of a partner's years in one `envelope` block",
                           notes: [DiagnosticNote("first envelope", file: first.node.tree.file, range: first.headerRange)])
                    continue
                }
                seen[partner] = statement
                var envelope = Envelope(partner: partner, ref: SourceRef(header: statement))
                for line in lines(statement, .envelope) {
                    guard let year = year(line.literals.first), let node = line.values.first,
                          let amount = quantity(node, .money, for: "an envelope line") else { continue }
                    checkInPlanYears(year, line.arguments[0].node)
                    checkNotNegative(amount, node, "an envelope")
                    envelope.lines.append(EnvelopeLine(year: year, amount: amount, ref: SourceRef(header: line.statement)))
                }
                model.envelopes.append(envelope)
            }
        }
    }

    // MARK: Risk-share terms and scenarios

    private mutating func readRiskShare(_ declaration: Declaration, title: String?, ref: SourceRef) -> RiskShareTerm {
        var term = RiskShareTerm(name: declaration.name, title: title, ref: ref)
        for (attribute, match) in lines(declaration.statement, RiskShareAttribute.self) {
            switch attribute {
            case .schemes: term.schemes = references(match.names, .scheme, for: "schemes").names
            case .measure: term.measure = match.keywords.first.flatMap(Measure.init) ?? .cashReleasing
            case .years:
                switch value(match.values[0], .years, for: "years") {
                case .financialYear(let y)?: term.years = y...y; checkInPlanYears(y, match.values[0])
                case .yearRange(let a, let b)?:
                    term.years = a...b
                    checkInPlanYears(model.plan.years.map { $0.contains(a) ? b : a }, match.values[0])
                default: break
                }
            case .shortfall, .gain:
                let bands = readBands(match.statement)
                if attribute == .shortfall { term.shortfall = bands; term.shortfallRef = SourceRef(header: match.statement) }
                else { term.gain = bands; term.gainRef = SourceRef(header: match.statement) }
            case .cap:
                guard let partner = reference(match.names[0], .partner, for: "cap"),
                      let amount = quantity(match.values[0], .money, for: "cap") else { continue }
                checkNotNegative(amount, match.values[0], "a cap")
                term.caps.append((partner, amount, SourceRef(header: match.statement)))
            }
        }
        return term
    }

    private mutating func readBands(_ statement: StatementSyntax) -> [Band] {
        var bands: [Band] = []
        for (attribute, match) in lines(statement, BandAttribute.self) {
            var values = match.values
            var upTo: Exact?
            switch attribute {
            case .upTo:
                upTo = quantity(values.removeFirst(), .money, for: "up-to")
                if upTo == nil { continue }
                checkNotNegative(upTo, match.values[0], "a band threshold")
            case .above: break
            }
            var splits: [(partner: String, share: Exact, ref: SourceRef)] = []
            for (nameNode, shareNode) in zip(match.names, values) {
                guard let partner = reference(nameNode, .partner, for: attribute.rawValue), let share = quantity(shareNode, .percent, for: "a band share") else {
                    incomplete.bands.insert(SourceRef(header: match.statement))
                    continue
                }
                checkFraction(share, shareNode, "a band's share")
                splits.append((partner, share, SourceRef(nameNode)))
            }
            bands.append(Band(upTo: upTo, splits: splits, ref: SourceRef(header: match.statement)))
        }
        return bands
    }

    private mutating func readScenario(_ declaration: Declaration, title: String?, ref: SourceRef) -> Scenario {
        var scenario = Scenario(name: declaration.name, title: title, ref: ref)
        for (attribute, match) in lines(declaration.statement, ScenarioAttribute.self) {
            switch attribute {
            case .delivery:
                guard let node = match.values.first, let share = quantity(node, .percent, for: "delivery") else { continue }
                if share.isNegative { report(.E303, node, "delivery cannot be below 0%", help: "0% means nothing is delivered; above 100% is a gain") }
                if let schemeNode = match.names.first {
                    if let scheme = reference(schemeNode, .scheme, for: "delivery") { scenario.delivery[scheme] = share }
                } else {
                    scenario.defaultDelivery = share
                }
            case .outturn:
                guard let scheme = reference(match.names[0], .scheme, for: "outturn"), let year = year(match.literals.first),
                      let dimension = match.keywords.first.flatMap(Dimension.init),
                      let amount = quantity(match.values[0], .money, for: "outturn") else { continue }
                checkInPlanYears(year, match.arguments[1].node)
                scenario.outturns.append(Outturn(scheme: scheme, year: year, dimension: dimension, amount: amount, ref: SourceRef(header: match.statement)))
            }
        }
        return scenario
    }
}
