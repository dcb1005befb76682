import AccordDiagnostics
import AccordNumbers
import AccordSyntax

extension ModelBuilder {
    mutating func readScheme(_ declaration: Declaration, title: String?, ref: SourceRef) -> Scheme {
        let name = declaration.name
        var scheme = Scheme(name: name, title: title, ref: ref)
        // The id the scheme takes when `readDeclarations` appends it.
        let id = SchemeID(index: model.schemes.count)
        var explicitPartners = false, shareEvenly = false
        for (attribute, match) in lines(declaration.statement, SchemeAttribute.self) {
            scheme.attributeRefs[attribute] = SourceRef(header: match.statement)
            switch attribute {
            case .area: scheme.area = reference(match.names[0], .area, for: "area")
            case .level: scheme.level = match.keywords.first.flatMap(Level.init) ?? .system
            case .status: scheme.status = match.keywords.first.flatMap(Status.init)
            case .lead: scheme.lead = reference(match.names[0], .partner, for: "lead")
            case .partners:
                explicitPartners = true
                let partners = references(match.names, .partner, for: "partners")
                scheme.partners = partners.names
                if partners.unresolved { incomplete.schemes.insert(id) }
                scheme.partnersRef = SourceRef(header: match.statement)
            case .sro, .manager, .clinicalLead, .financeLead:
                guard let person = reference(match.names[0], .person, for: attribute.rawValue) else { continue }
                var fte: Exact?
                if let node = match.values.first {
                    fte = quantity(node, .number, for: "\(attribute.rawValue) FTE", in: name)
                    checkFTE(fte, node, "an FTE allocation")
                }
                scheme.roles.append(Role(role: attribute.rawValue, person: person, fte: fte, ref: SourceRef(header: match.statement)))
            case .approved:
                scheme.approvedOn = date(match.values[0], for: "approved", in: name)
                scheme.approvedBy = match.values.dropFirst().first.flatMap { $0.literalToken.map { LiteralText.unescape($0.text) } }
            case .confidence: scheme.confidence = match.keywords.first.flatMap(Confidence.init) ?? .amber
            case .recurrent: scheme.recurrent = match.keywords.first != "no"
            case .qia:
                scheme.qia = match.keywords.first
                scheme.qiaDate = match.values.first.flatMap { date($0, for: "qia", in: name) }
            case .savings:
                if let savings = readSavings(match, scheme: name) { scheme.savings.append(savings) }
            case .share:
                scheme.shareRef = SourceRef(header: match.statement)
                // `share evenly`: set once the partners are known, below.
                if !match.keywords.isEmpty { shareEvenly = true; continue }
                // Neither `evenly` nor a block is E104 already: no share to sum.
                guard match.statement.block != nil else { incomplete.schemes.insert(id); continue }
                var share: [String: Exact] = [:]
                for line in lines(match.statement, .share) {
                    guard let partner = reference(line.names[0], .partner, for: "share"),
                          let fraction = quantity(line.values[0], .percent, for: "a share line", in: name) else { incomplete.schemes.insert(id); continue }
                    checkFraction(fraction, line.values[0], "a share")
                    share[partner] = fraction
                    scheme.shareLines.append((partner, SourceRef(line.names[0])))
                }
                scheme.share = share
            // A milestone or metric whose name an earlier one took (E201) is set aside.
            case .milestone:
                guard isScopeEntry(scopes[name]?.milestones[match.names.first?.simpleName ?? ""], match) else { continue }
                scheme.milestones.append(readMilestone(match, scheme: name))
            case .metric:
                guard isScopeEntry(scopes[name]?.metrics[match.names.first?.simpleName ?? ""]?.statement, match) else { continue }
                scheme.metrics.append(readMetric(match, scheme: name))
            case .update: if let update = readUpdate(match, scheme: name) { scheme.updates.append(update) }
            // Read with the scheme's scope, before the scheme itself (ModelBuilder.swift); risks
            // after its other lines, each id once (ModelBuilder+Risks.swift).
            case .let, .risk: break
            }
        }
        // One pass over every line, readable or not: is there an `sro` line, and was a `lead`,
        // `partners` or `share` line left unread for not fitting the grammar (already E104)?
        var hasSRO = false, unreadParties = false
        for line in declaration.statement.block?.statements ?? [] {
            // Unreadable lines have no attribute to switch over: compare the words.
            let keyword = line.keyword.flatMap(SchemeAttribute.init)
            if keyword == .sro { hasSRO = true }
            if keyword == .lead || keyword == .partners || keyword == .share {
                unreadParties = unreadParties || Grammar.match(line, in: .scheme) == nil
            }
        }
        // From `approved` on a scheme has a senior responsible owner (brief §2). A `sro` line whose
        // name did not resolve is reported already.
        if let status = scheme.status, status.isAtLeast(.approved), !hasSRO {
            report(.E107, ref, "scheme \(name) has status `\(status.rawValue)` but no `sro`",
                   help: "from `approved` on, name the scheme's senior responsible owner, e.g. `sro asmith`")
        }
        scheme.risks = readRisks(declaration.statement.block?.statements ?? [], in: .scheme, scheme: name)
        // The lead alone, unless `partners` says otherwise.
        if !explicitPartners, let lead = scheme.lead { scheme.partners = [lead] }
        if !explicitPartners, scheme.lead == nil { incomplete.schemes.insert(id) }
        if shareEvenly { scheme.share = Self.evenShare(scheme.partners) }
        if unreadParties { incomplete.schemes.insert(id) }
        return scheme
    }

    /// Whether `match` is the line the scheme's scope holds under its name.
    private func isScopeEntry(_ entry: StatementSyntax?, _ match: StatementMatch) -> Bool {
        entry?.node.range == match.statement.node.range
    }

    private mutating func readSavings(_ match: StatementMatch, scheme: String) -> YearSavings? {
        guard let yearToken = match.literals.first, let year = year(yearToken) else { return nil }
        checkInPlanYears(year, match.arguments[0].node)
        var savings = YearSavings(year: year, ref: SourceRef(header: match.statement))
        var actualLines: [ActualKey: SourceRef] = [:]
        var yearEndForecasts: [Dimension: SourceRef] = [:]
        for (attribute, line) in lines(match.statement, SavingsAttribute.self) {
            switch attribute {
            case .cashReleasing, .productivity, .costGrowthAvoided:
                guard let amount = quantity(line.values[0], .money, for: attribute.rawValue, in: scheme) else { continue }
                checkNotNegative(amount, line.values[0], "savings")
                savings.amounts[Dimension(rawValue: attribute.rawValue)!] = amount
            case .cost:
                guard let amount = quantity(line.values[0], .money, for: attribute.rawValue, in: scheme) else { continue }
                checkNotNegative(amount, line.values[0], "a cost")
                savings.cost = amount
            case .phasing:
                savings.phasingRef = SourceRef(header: line.statement)
                savings.phasing = readPhasing(line, scheme: scheme)
            case .actual:
                guard let dimension = line.keywords.first.flatMap(Dimension.init), let months = monthValues(line) else { continue }
                for entry in months {
                    guard let amount = quantity(entry.value, .money, for: "actual", in: scheme) else { continue }
                    let key = ActualKey(month: entry.month, dimension: dimension)
                    if let first = actualLines[key] {
                        report(.E409, entry.ref, "the actual for M\(entry.month) \(dimension.rawValue) of \(LiteralText.financialYear(year)) is given twice",
                               help: "keep one line per month and dimension",
                               notes: [note("first given here", first)])
                        continue
                    }
                    actualLines[key] = entry.ref
                    savings.actuals.append(SavingsActual(month: entry.month, dimension: dimension, amount: amount, ref: entry.ref))
                }
            case .forecast:
                guard let dimension = line.keywords.first.flatMap(Dimension.init) else { continue }
                if line.arguments.contains(where: { if case .months = $0.pattern { true } else { false } }) {
                    readMonthlyForecast(line, dimension, into: &savings, scheme: scheme)
                    continue
                }
                guard line.values.count == 1 else {
                    reportCount("a year-end `forecast` takes 1 value", at: line.arguments[0].node, months: 1, values: line.values)
                    continue
                }
                guard let amount = quantity(line.values[0], .money, for: "forecast", in: scheme) else { continue }
                savings.forecasts[dimension] = amount
                yearEndForecasts[dimension] = SourceRef(header: line.statement)
            }
        }
        checkForecastForms(savings, yearEnd: yearEndForecasts)
        return savings
    }

    /// What makes an `actual` (or monthly `forecast`) line unique in its savings block.
    struct ActualKey: Hashable {
        let month: Int
        let dimension: Dimension
    }

    /// Twelve percents, one per month, summing to 100% (E401); each within 0–100% (E303).
    private mutating func readPhasing(_ line: StatementMatch, scheme: String) -> [Exact]? {
        var months = [Exact?](repeating: nil, count: 12)
        guard let entries = monthValues(line) else { return nil }
        var complete = true
        for entry in entries {
            guard let share = quantity(entry.value, .percent, for: "phasing", in: scheme) else { complete = false; continue }
            checkFraction(share, entry.value, "a month's phasing")
            if months[entry.month - 1] != nil {
                report(.E401, entry.isInRange ? entry.value : entry.label, "M\(entry.month) appears twice in the phasing", help: "give each month M1 to M12 once")
                complete = false
            }
            months[entry.month - 1] = share
        }
        // `phasing M4..M12 …`: a scheme starting mid-year, the months before its range at 0%.
        if let first = entries.first, first.isInRange {
            for month in 1..<first.month where months[month - 1] == nil { months[month - 1] = .zero }
        }
        guard complete else { return nil }
        let missing = months.indices.filter { months[$0] == nil }.map { "M\($0 + 1)" }
        let node = line.statement.node
        if !missing.isEmpty {
            report(.E401, node, "the phasing does not give \(missing.joined(separator: ", "))",
                   help: "an explicit phasing gives all twelve months M1 (April) to M12 (March), summing to 100%")
            return nil
        }
        let shares = months.compactMap { $0 }
        let total = Exact.sum(shares)
        if total != .one {
            report(.E401, node, "the phasing sums to \(total.formattedPercent()), not 100%", help: "adjust the months so they add up to 100%")
            return nil
        }
        return shares
    }

    private mutating func readMilestone(_ match: StatementMatch, scheme: String) -> Milestone {
        let name = match.names.first?.simpleName ?? ""
        var milestone = Milestone(scheme: scheme, name: name, title: match.values.first.flatMap { $0.literalToken.map { LiteralText.unescape($0.text) } },
                                  ref: SourceRef(header: match.statement))
        for (attribute, line) in lines(match.statement, MilestoneAttribute.self) {
            switch attribute {
            case .due:
                milestone.due = date(line.values[0], for: "due", in: scheme)
                milestone.dueRef = SourceRef(header: line.statement)
            case .critical: milestone.critical = true
            case .owner: milestone.owner = reference(line.names[0], .person, for: "owner")
            case .done:
                milestone.done = date(line.values[0], for: "done", in: scheme)
                milestone.doneRef = SourceRef(header: line.statement)
            case .forecast: milestone.forecast = date(line.values[0], for: "forecast", in: scheme)
            case .after:
                for node in line.names {
                    // A prerequisite named twice (E106 already) is one prerequisite.
                    guard let target = milestoneReference(node, in: scheme),
                          !milestone.after.contains(where: { $0.scheme == target.scheme && $0.milestone == target.name }) else { continue }
                    milestone.after.append(MilestoneLink(scheme: target.scheme, milestone: target.name, ref: SourceRef(node)))
                }
            }
        }
        return milestone
    }

    /// `M1` (in this scheme) or `PIP-02.M3`.
    private mutating func milestoneReference(_ node: SyntaxNode, in scheme: String) -> (scheme: String, name: String)? {
        let parts = node.nameParts
        let reference = resolve(parts, in: parts.count == 1 ? scheme : nil)
        recordUse(node, reference)
        switch reference {
        case .milestone(let s, let m): return (s, m)
        case .declaration(let declaration) where parts.count == 1 && declaration.kind == .scheme:
            report(.E203, node, "`\(declaration.name)` is a scheme, but `after` needs a milestone", help: "name one of its milestones: \(declaration.name).M1")
        case .metric, .cell, .declaration:
            report(.E203, node, "`\(node.compactText)` is not a milestone", help: "`after` lists milestones: M1 in this scheme, or PIP-02.M3 in another")
        case .unknown:
            let target = parts.count == 2 ? parts[0] : scheme
            let candidates = (scopes[target]?.milestones.keys).map { keys in keys.map { parts.count == 2 ? "\(target).\($0)" : $0 } } ?? []
            let suggestion = Suggestion.closest(to: node.compactText, in: candidates)
            let help = suggestion.map { "did you mean `\($0)`?" }
                ?? (scopes[target] == nil ? "no scheme is called `\(target)`" : "scheme \(target) has no milestone `\(parts.last ?? "")`")
            report(.E202, node, "unknown milestone `\(node.compactText)`", help: help, replacement: suggestion)
        }
        return nil
    }

    private mutating func readMetric(_ match: StatementMatch, scheme: String) -> Metric {
        let name = match.names.first?.simpleName ?? ""
        var metric = Metric(scheme: scheme, name: name, title: match.values.first.flatMap { $0.literalToken.map { LiteralText.unescape($0.text) } },
                            ref: SourceRef(header: match.statement))
        let (baseline, target) = metricValues(scheme, name)
        metric.valueKind = baseline?.kind
        var kinds: [(ValueKind, SyntaxNode)] = []
        for (attribute, line) in lines(match.statement, MetricAttribute.self) {
            switch attribute {
            case .kind: metric.kind = line.keywords.first.flatMap(MetricKind.init)
            case .unit: metric.unit = line.values.first?.literalToken.map { LiteralText.unescape($0.text) }
            case .better: metric.better = line.keywords.first.flatMap(Better.init)
            case .owner: metric.owner = reference(line.names[0], .person, for: "owner")
            case .baseline:
                guard let month = month(line.literals.first), let x = baseline?.quantity else { continue }
                metric.baseline = MetricPoint(month: month, value: x, ref: SourceRef(header: line.statement))
                if baseline?.fits(.string) == true || baseline?.quantity == nil {
                    report(.E301, line.values[0], "a metric's baseline is a number, a percent or money")
                }
            case .target, .change:
                metric.targetMonth = month(line.literals.first)
                metric.targetRef = SourceRef(header: line.statement)
                metric.target = target?.quantity
                if attribute == .change { metric.change = evaluateQuietly(line.values[0], in: scheme)?.quantity }
                else if let kind = target?.kind { kinds.append((kind, line.values[0])) }
            case .trajectory:
                for point in lines(line.statement, .trajectory) {
                    guard let month = month(point.literals.first), let value = evaluate(point.values[0], in: scheme), let x = value.quantity else { continue }
                    kinds.append((value.kind, point.values[0]))
                    metric.trajectory.append(MetricPoint(month: month, value: x, ref: SourceRef(header: point.statement)))
                }
            case .actual:
                guard let month = month(line.literals.first), let value = evaluate(line.values[0], in: scheme), let x = value.quantity else { continue }
                kinds.append((value.kind, line.values[0]))
                metric.actuals.append(MetricPoint(month: month, value: x, ref: SourceRef(header: line.statement)))
            }
        }
        // Baseline, target, trajectory and actuals share one kind.
        if let expected = baseline?.kind {
            for (kind, node) in kinds where kind != expected {
                report(.E301, node, "this metric's baseline is \(expected.description), but this is \(kind.description)",
                       help: "give every value of a metric in the same unit as its baseline")
            }
        }
        metric.trajectory.sort { $0.month < $1.month }
        metric.actuals.sort { $0.month < $1.month }
        return metric
    }

    /// The value of an expression that was already evaluated (and reported) as part of a cell.
    private mutating func evaluateQuietly(_ node: SyntaxNode, in scheme: String) -> Value? {
        let before = diagnostics.count
        let value = evaluate(node, in: scheme)
        diagnostics.removeSubrange(before...)
        return value
    }
}
