import AccordChecks
import AccordDiagnostics
import AccordModel
import AccordNumbers
import AccordSyntax

/// What changed between two versions of a plan, as a reviewer needs it (brief §6, `accord diff`).
/// Everything is matched by name (schemes, milestones, partners, years), never by line, so moving,
/// reordering or reformatting text changes nothing here.
public struct PlanDiff: Sendable {
    public struct Change<Value: Sendable & Equatable>: Sendable, Equatable {
        public var old: Value
        public var new: Value
        public var changed: Bool { old != new }
    }

    public struct SchemeEntry: Sendable {
        public var name: String
        public var title: String?
        public var status: Status?
        /// Planned savings over every year and dimension.
        public var total: Exact
    }

    /// A scheme attribute whose value changed, shown as plan text (`status`, `confidence`, …).
    public struct SchemeFieldChange: Sendable {
        public var scheme: String
        public var field: String
        public var change: Change<String?>
    }

    public struct SavingsChange: Sendable {
        public var scheme: String
        public var year: Int
        public var dimension: Dimension
        public var change: Change<Exact>
    }

    /// Programme savings for one year (nil: every year) and dimension (nil: all three), counting
    /// every scheme that is not withdrawn.
    /// Per year only: a total across years would count recurrent savings once a year.
    public struct TotalChange: Sendable {
        public var year: Int
        public var dimension: Dimension?
        public var planned: Change<Exact>
        public var riskAdjusted: Change<Exact>
    }

    public struct MilestoneChange: Sendable {
        public enum Kind: Sendable {
            case added(due: Date?)
            case removed
            case dueMoved(Change<Date>)
            /// A forecast set, moved or cleared; `days` counts from the old expected date (the
            /// forecast, else the due date) to the new one.
            case forecastMoved(Change<Date?>, days: Int?)
            case newlyDone(Date)
            case noLongerDone(Date)
        }
        public var scheme: String
        public var milestone: String
        public var title: String?
        public var kind: Kind

        /// Days later (positive) or earlier (negative) for a moved date.
        public var days: Int? {
            switch kind {
            case .dueMoved(let change): Date.days(from: change.old, to: change.new)
            case .forecastMoved(_, let days): days
            default: nil
            }
        }
    }

    public struct MetricChange: Sendable {
        public struct Target: Sendable, Equatable {
            public var value: Exact?
            public var month: Month?
            /// The relative change it was written as, if any.
            public var change: Exact?
            public var kind: ValueKind?
        }
        public var scheme: String
        public var metric: String
        public var title: String?
        /// nil on one side when the metric was added or removed.
        public var target: Change<Target?>
    }

    public struct ShareChange: Sendable {
        public var scheme: String
        public var partner: String
        public var change: Change<Exact?>
    }

    public struct EnvelopeChange: Sendable {
        public var partner: String
        public var year: Int
        public var change: Change<Exact?>
    }

    /// A risk-share term added, removed, or changed in one of its parts (`schemes`, `measure`,
    /// `years`, `shortfall`, `gain`, `cap PARTNER`), each part shown as plan text.
    public struct RiskShareChange: Sendable {
        public var term: String
        public var title: String?
        public var part: String?
        public var change: Change<String?>
    }

    /// A declaration whose text changed (beyond layout and comments) in a way no section above
    /// shows, or that was added or removed and no section above lists: a person, an area, a
    /// scenario, a `let`, the `plan` block.
    public struct OtherChange: Sendable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public var declaration: String
        public var kind: Kind
    }

    public var schemesAdded: [SchemeEntry] = []
    public var schemesRemoved: [SchemeEntry] = []
    public var schemeFields: [SchemeFieldChange] = []
    public var savings: [SavingsChange] = []
    public var costs: [CostChange] = []
    public var totals: [TotalChange] = []
    public var milestones: [MilestoneChange] = []
    public var metrics: [MetricChange] = []
    public var shares: [ShareChange] = []
    public var envelopes: [EnvelopeChange] = []
    public var riskShares: [RiskShareChange] = []
    public var risks: [RiskChange] = []
    public var updates: [UpdateChange] = []
    /// Diagnostics in NEW with no match in OLD, and in OLD with none in NEW, matched by code and
    /// message (never by line), each as often as it occurs.
    public var newDiagnostics: [Diagnostic] = []
    public var resolvedDiagnostics: [Diagnostic] = []
    /// The same finding with other figures (`short by £275,000` → `short by £380,000`): same
    /// code and same message once amounts and percents are set aside.
    public var changedDiagnostics: [(old: Diagnostic, new: Diagnostic)] = []
    public var other: [OtherChange] = []

    public var isEmpty: Bool {
        schemesAdded.isEmpty && schemesRemoved.isEmpty && schemeFields.isEmpty && savings.isEmpty && costs.isEmpty && totals.isEmpty
            && milestones.isEmpty && metrics.isEmpty && shares.isEmpty && envelopes.isEmpty && riskShares.isEmpty && risks.isEmpty && updates.isEmpty
            && newDiagnostics.isEmpty && resolvedDiagnostics.isEmpty && changedDiagnostics.isEmpty && other.isEmpty
    }
}

/// One side of a comparison: a checked plan, or no plan at all (a plan added or removed).
public struct PlanVersion: Sendable {
    public var model: PlanModel
    public var diagnostics: [Diagnostic]
    /// The files read, for each declaration's significant text (see `Fingerprint`); nil for no plan.
    var sources: PlanSources?

    public init(_ checked: CheckedPlan) {
        model = checked.model
        diagnostics = checked.diagnostics
        sources = checked.sources
    }

    public static let absent = PlanVersion()
    private init() { model = PlanModel(); diagnostics = [] }

    /// Top-level declarations by `keyword name`, each as its significant text.
    var fingerprints: [String: String] { sources.map(Fingerprint.declarations) ?? [:] }
}

extension PlanDiff {
    /// `comparingText: false` leaves `other` empty and skips reading every declaration's text,
    /// for callers that use only the sections (`accord history`).
    public init(old: PlanVersion, new: PlanVersion, comparingText: Bool = true) {
        let oldModel = old.model, newModel = new.model
        for (name, before, after) in Self.paired(oldModel.schemes, newModel.schemes, by: \.name) {
            switch (before, after) {
            case (nil, let scheme?): schemesAdded.append(Self.entry(scheme))
            case (let scheme?, nil): schemesRemoved.append(Self.entry(scheme))
            case (let before?, let after?): compareFields(before, after)
            default: break
            }
            compareSavings(name, before, after)
            compareCosts(name, before, after)
            if let before, let after {
                compareMilestones(before, after)
                compareMetrics(before, after)
                compareShares(before, after)
            }
        }
        compareTotals(oldModel, newModel)
        compareEnvelopes(oldModel, newModel)
        compareRiskShares(oldModel, newModel)
        compareRisks(oldModel, newModel)
        (newDiagnostics, resolvedDiagnostics, changedDiagnostics) = Self.compareDiagnostics(old.diagnostics, new.diagnostics)
        if comparingText { compareOther(old.fingerprints, new.fingerprints) }
    }

    /// Names in the order of OLD, then those only in NEW in their order.
    static func union(_ old: [String], _ new: [String]) -> [String] {
        var seen: Set<String> = []
        return (old + new).filter { seen.insert($0).inserted }
    }

    /// Things of two versions paired by name, in `union` order; a repeated name (E201) pairs
    /// its first occurrence.
    static func paired<T>(_ old: [T], _ new: [T], by name: (T) -> String) -> [(name: String, old: T?, new: T?)] {
        let before = Dictionary(old.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        return union(old.map(name), new.map(name)).map { ($0, before[$0], after[$0]) }
    }

    private static func entry(_ scheme: Scheme) -> SchemeEntry {
        let total = scheme.savings.reduce(Exact.zero) { sum, year in Dimension.allCases.reduce(sum) { $0.adding(year.amount($1)) } }
        return SchemeEntry(name: scheme.name, title: scheme.title, status: scheme.status, total: total)
    }

    private mutating func compareFields(_ old: Scheme, _ new: Scheme) {
        func text(_ scheme: Scheme) -> [(String, String?)] {
            [("status", scheme.status?.rawValue), ("title", scheme.title), ("area", scheme.area), ("level", scheme.level.rawValue),
             ("lead", scheme.lead), ("partners", scheme.partners.sorted().joined(separator: ", ")), ("sro", scheme.sro),
             ("confidence", scheme.confidence.rawValue), ("recurrent", scheme.recurrent ? "yes" : "no")]
        }
        for ((field, before), (_, after)) in zip(text(old), text(new)) where before != after {
            schemeFields.append(SchemeFieldChange(scheme: old.name, field: field, change: Change(old: before, new: after)))
        }
    }

    /// Savings lines as the totals count them: a withdrawn scheme counts in no total, so its lines
    /// move only when its status does (withdrawing takes them out, reinstating puts them back,
    /// deleting a withdrawn scheme moves nothing).
    private mutating func compareSavings(_ name: String, _ old: Scheme?, _ new: Scheme?) {
        let old = old.flatMap { $0.counts ? $0 : nil }, new = new.flatMap { $0.counts ? $0 : nil }
        let years = Set((old?.savings.map(\.year) ?? []) + (new?.savings.map(\.year) ?? [])).sorted()
        for year in years {
            for dimension in Dimension.allCases {
                let before = old?.savings(in: year)?.amount(dimension) ?? .zero
                let after = new?.savings(in: year)?.amount(dimension) ?? .zero
                if before != after {
                    savings.append(SavingsChange(scheme: name, year: year, dimension: dimension, change: Change(old: before, new: after)))
                }
            }
        }
    }

    private mutating func compareTotals(_ old: PlanModel, _ new: PlanModel) {
        let years = Set(old.schemes.flatMap { $0.savings.map(\.year) } + new.schemes.flatMap { $0.savings.map(\.year) }).sorted()
        var rows: [TotalChange] = []
        for year in years {
            for dimension in Dimension.allCases.map(Optional.some) + [nil] {
                let before = old.programmeSavings(year: year, dimension: dimension)
                let after = new.programmeSavings(year: year, dimension: dimension)
                let row = TotalChange(year: year, dimension: dimension, planned: Change(old: before.planned, new: after.planned),
                                      riskAdjusted: Change(old: before.riskAdjusted, new: after.riskAdjusted))
                if row.planned.changed || row.riskAdjusted.changed { rows.append(row) }
            }
        }
        totals = rows
    }

    private mutating func compareMilestones(_ old: Scheme, _ new: Scheme) {
        for (name, before, after) in Self.paired(old.milestones, new.milestones, by: \.name) {
            func add(_ kind: MilestoneChange.Kind, _ milestone: Milestone) {
                milestones.append(MilestoneChange(scheme: old.name, milestone: name, title: milestone.title, kind: kind))
            }
            switch (before, after) {
            case (nil, let m?): add(.added(due: m.due), m)
            case (let m?, nil): add(.removed, m)
            case (let a?, let b?):
                if let due = a.due, let newDue = b.due, due != newDue { add(.dueMoved(Change(old: due, new: newDue)), b) }
                if a.forecast != b.forecast {
                    let from = a.forecast ?? a.due, to = b.forecast ?? b.due
                    let days = from.flatMap { f in to.map { Date.days(from: f, to: $0) } }
                    add(.forecastMoved(Change(old: a.forecast, new: b.forecast), days: days), b)
                }
                if let done = b.done, a.done == nil { add(.newlyDone(done), b) }
                if let done = a.done, b.done == nil { add(.noLongerDone(done), b) }
            default: break
            }
        }
    }

    private mutating func compareMetrics(_ old: Scheme, _ new: Scheme) {
        func target(_ m: Metric?) -> MetricChange.Target? {
            m.map { MetricChange.Target(value: $0.target, month: $0.targetMonth, change: $0.change, kind: $0.valueKind) }
        }
        for (name, before, after) in Self.paired(old.metrics, new.metrics, by: \.name) {
            let change = Change(old: target(before), new: target(after))
            guard change.changed else { continue }
            metrics.append(MetricChange(scheme: old.name, metric: name, title: (after ?? before)?.title, target: change))
        }
    }

    private mutating func compareShares(_ old: Scheme, _ new: Scheme) {
        let partners = Set((old.share ?? [:]).keys).union((new.share ?? [:]).keys).sorted()
        for partner in partners {
            let change = Change(old: old.share?[partner], new: new.share?[partner])
            if change.changed { shares.append(ShareChange(scheme: old.name, partner: partner, change: change)) }
        }
    }

    private mutating func compareEnvelopes(_ old: PlanModel, _ new: PlanModel) {
        func lines(_ model: PlanModel) -> [String: [Int: Exact]] {
            var result: [String: [Int: Exact]] = [:]
            for envelope in model.envelopes { for line in envelope.lines { result[envelope.partner, default: [:]][line.year] = line.amount } }
            return result
        }
        let before = lines(old), after = lines(new)
        for partner in Self.union(old.envelopes.map(\.partner), new.envelopes.map(\.partner)) {
            let years = Set((before[partner] ?? [:]).keys).union((after[partner] ?? [:]).keys).sorted()
            for year in years {
                let change = Change(old: before[partner]?[year], new: after[partner]?[year])
                if change.changed { envelopes.append(EnvelopeChange(partner: partner, year: year, change: change)) }
            }
        }
    }

    private mutating func compareRiskShares(_ old: PlanModel, _ new: PlanModel) {
        for (name, a, b) in Self.paired(old.riskShares, new.riskShares, by: \.name) {
            let title = (b ?? a)?.title
            guard let a, let b else {
                riskShares.append(RiskShareChange(term: name, title: title, part: nil, change: Change(old: a.map { _ in name }, new: b.map { _ in name })))
                continue
            }
            let partsA = a.parts, partsB = b.parts
            for part in Self.union(partsA.map(\.0), partsB.map(\.0)) {
                let change = Change(old: partsA.first { $0.0 == part }?.1, new: partsB.first { $0.0 == part }?.1)
                if change.changed { riskShares.append(RiskShareChange(term: name, title: title, part: part, change: change)) }
            }
        }
    }

    /// Matches by code and message; a diagnostic that occurs twice in NEW and once in OLD is new
    /// once. What is left is paired by code and message with amounts and percents masked, so a
    /// gap that grew is one changed finding rather than one new and one resolved.
    static func compareDiagnostics(_ old: [Diagnostic], _ new: [Diagnostic])
        -> (new: [Diagnostic], resolved: [Diagnostic], changed: [(old: Diagnostic, new: Diagnostic)]) {
        func exact(_ d: Diagnostic) -> String { d.code.rawValue + "\u{0}" + d.message }
        var added = unmatched(new, against: old, key: exact), resolved = unmatched(old, against: new, key: exact)
        var changed: [(old: Diagnostic, new: Diagnostic)] = []
        var waiting: [String: [Int]] = [:]
        for (index, d) in resolved.enumerated() { waiting[figuresMasked(d), default: []].append(index) }
        var paired: Set<Int> = []
        added = added.filter { d in
            guard let index = waiting[figuresMasked(d)]?.first else { return true }
            waiting[figuresMasked(d)]!.removeFirst()
            paired.insert(index)
            changed.append((resolved[index], d))
            return false
        }
        resolved = resolved.enumerated().filter { !paired.contains($0.offset) }.map(\.element)
        return (added, resolved, changed)
    }

    private static func unmatched(_ these: [Diagnostic], against others: [Diagnostic], key: (Diagnostic) -> String) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for d in others { counts[key(d), default: 0] += 1 }
        return these.filter { d in
            guard let n = counts[key(d)], n > 0 else { return true }
            counts[key(d)] = n - 1
            return false
        }
    }

    /// The message with every amount of money (`£1,725,000`, `-£8,960`) and percent (`86.2%`)
    /// replaced by `#`; names, years and dates stay, so findings about other things never pair.
    static func figuresMasked(_ d: Diagnostic) -> String {
        let characters = Array(d.message)
        func digitsEnd(from start: Int) -> Int {
            var end = start
            while end < characters.count, characters[end].isNumber
                    || ((characters[end] == "," || characters[end] == ".") && end + 1 < characters.count && characters[end + 1].isNumber) {
                end += 1
            }
            return end
        }
        var out = d.code.rawValue + "\u{0}"
        var i = 0
        while i < characters.count {
            let pound = characters[i] == "-" && i + 1 < characters.count && characters[i + 1] == "£" ? i + 1 : i
            if characters[pound] == "£", digitsEnd(from: pound + 1) > pound + 1 {
                out.append("#")
                i = digitsEnd(from: pound + 1)
                continue
            }
            let startsNumber = characters[i].isNumber && (i == 0 || !(characters[i - 1].isLetter || characters[i - 1].isNumber || characters[i - 1] == "/"))
            if startsNumber, case let end = digitsEnd(from: i), end < characters.count, characters[end] == "%" {
                out.append("#")
                i = end + 1
                continue
            }
            out.append(characters[i])
            i += 1
        }
        return out
    }

    /// Declarations whose text changed with nothing above to show for it.
    private mutating func compareOther(_ old: [String: String], _ new: [String: String]) {
        let shownSchemes = Set(schemesAdded.map(\.name) + schemesRemoved.map(\.name) + schemeFields.map(\.scheme) + savings.map(\.scheme) + costs.map(\.scheme)
                               + milestones.map(\.scheme) + metrics.map(\.scheme) + shares.map(\.scheme))
        let shown = Set(shownSchemes.map { "scheme \($0)" } + riskShares.map { "risk-share \($0.term)" }
                        + envelopes.map { "envelope \($0.partner)" } + riskAndUpdateDeclarations)
        for key in Set(old.keys).union(new.keys).sorted() where !shown.contains(key) {
            switch (old[key], new[key]) {
            case (nil, _?): other.append(OtherChange(declaration: key, kind: .added))
            case (_?, nil): other.append(OtherChange(declaration: key, kind: .removed))
            case (let a?, let b?) where a != b: other.append(OtherChange(declaration: key, kind: .changed))
            default: break
            }
        }
    }
}

extension RiskShareTerm {
    /// The term's parts as plan text, for comparison and display.
    var parts: [(String, String)] {
        func bands(_ bands: [Band]) -> String {
            bands.map { band in
                (band.upTo.map { "up-to \($0.formattedMoney())" } ?? "above") + " "
                    + band.splits.sorted { $0.partner < $1.partner }.map { "\($0.partner) \($0.share.formattedPercent(maxPlaces: 2))" }.joined(separator: ", ")
            }.joined(separator: "; ")
        }
        // Order means nothing in a list of schemes or within a band; the order of bands does.
        var result: [(String, String)] = [("schemes", schemes.sorted().joined(separator: ", ")), ("measure", measure.rawValue)]
        result.append(("years", years.map { $0.lowerBound == $0.upperBound ? LiteralText.financialYear($0.lowerBound)
            : "\(LiteralText.financialYear($0.lowerBound))..\(LiteralText.financialYear($0.upperBound))" } ?? "every plan year"))
        if !shortfall.isEmpty { result.append(("shortfall", bands(shortfall))) }
        if !gain.isEmpty { result.append(("gain", bands(gain))) }
        for cap in caps.sorted(by: { $0.partner < $1.partner }) { result.append(("cap \(cap.partner)", cap.amount.formattedMoney())) }
        return result
    }
}

/// A declaration's significant text: its tokens without whitespace, comments, newlines or `;`,
/// literals in canonical spelling, and the statements of each block sorted, so layout, comments
/// and the order of lines never count as a change.
enum Fingerprint {
    static func declarations(of sources: PlanSources) -> [String: String] {
        var result: [String: String] = [:]
        for file in sources.files {
            for statement in file.parse.tree.statements {
                guard let keyword = statement.keyword, keyword != "include" else { continue }
                let name = statement.elements.dropFirst().first?.significantTokens.map(\.text).joined() ?? ""
                var key = keyword == "plan" ? "plan" : "\(keyword) \(name)"
                // A repeated name (E201) keeps both, so neither hides the other's change.
                while result[key] != nil { key += "′" }
                result[key] = text(of: statement)
            }
        }
        return result
    }

    static func text(of statement: StatementSyntax) -> String {
        let header = statement.items.map { item in
            switch item {
            case .expression(let node): node.significantTokens.map(\.normalizedText).joined(separator: " ")
            case .comma: ","
            case .equals: "="
            }
        }.joined(separator: " ")
        guard let block = statement.block else { return header }
        return header + " { " + block.statements.map(text).sorted().joined(separator: "; ") + " }"
    }
}
