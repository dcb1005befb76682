import AccordModel
import AccordSyntax

extension PlanDiff {
    /// A risk added, removed, closed, reopened or re-scored, paired by scheme and id.
    public struct RiskChange: Sendable {
        public enum Kind: Sendable, Equatable {
            case added(score: Int?), removed(score: Int?), closed, reopened, rescored(Change<Int?>)
        }
        /// nil for a programme risk.
        public var scheme: String?
        public var risk: String
        public var title: String
        public var kind: Kind
        public var qualifiedName: String { scheme.map { "\($0).\(risk)" } ?? risk }
    }

    /// A scheme whose latest update (the latest dated on or before its version's as-of date, or
    /// the latest of all without one) changed date or text.
    public struct UpdateChange: Sendable {
        public var scheme: String
        public var old: SchemeUpdate?
        public var new: SchemeUpdate?
    }

    mutating func compareRisks(_ old: PlanModel, _ new: PlanModel) {
        compareRisks(scheme: nil, old.risks, new.risks)
        for (name, before, after) in Self.paired(old.schemes, new.schemes, by: \.name) {
            compareRisks(scheme: name, before?.risks ?? [], after?.risks ?? [])
            let (a, b) = (before?.latestUpdate(asOf: old.plan.asOf), after?.latestUpdate(asOf: new.plan.asOf))
            if a?.date != b?.date || a?.text != b?.text { updates.append(UpdateChange(scheme: name, old: a, new: b)) }
        }
    }

    private mutating func compareRisks(scheme: String?, _ old: [Risk], _ new: [Risk]) {
        for (name, before, after) in Self.paired(old, new, by: \.name) {
            func add(_ kind: RiskChange.Kind, _ risk: Risk) { risks.append(RiskChange(scheme: scheme, risk: name, title: risk.title, kind: kind)) }
            switch (before, after) {
            case (nil, let r?): add(.added(score: r.score), r)
            case (let r?, nil): add(.removed(score: r.score), r)
            case (let a?, let b?):
                if a.status != b.status { add(b.status == .closed ? .closed : .reopened, b) }
                if a.score != b.score { add(.rescored(Change(old: a.score, new: b.score)), b) }
            default: break
            }
        }
    }

    /// Declarations the risk and update sections already describe (not repeated as "other").
    var riskAndUpdateDeclarations: [String] {
        risks.map { $0.scheme.map { "scheme \($0)" } ?? "risk \($0.risk)" } + updates.map { "scheme \($0.scheme)" }
    }
}
