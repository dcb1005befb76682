import AccordModel
import AccordSyntax

/// A scheme's latest update as the summary shows it (`ProgrammeSummary.updates`).
public struct UpdateRow: Sendable {
    public var scheme: String
    public var title: String?
    public var status: Status?
    /// The latest update on or before the as-of date, and its age in days then; nil for none.
    public var latest: SchemeUpdate?
    public var ageDays: Int?
    /// Over the plan's `update-within` limit, or none, for a scheme in delivery or refresh (W419).
    public var stale: Bool
}

extension ProgrammeSummary {
    /// Every counting scheme's latest update, in declaration order; empty when no scheme has an
    /// update, so a plan without them shows no updates table.
    static func updates(_ model: PlanModel, asOf: Date) -> [UpdateRow] {
        guard model.schemes.contains(where: { !$0.updates.isEmpty }) else { return [] }
        return model.schemes.filter(\.counts).map { scheme in
            let latest = scheme.latestUpdate(asOf: asOf)
            let age = latest.map { LiteralText.Date.days(from: $0.date, to: asOf) }
            let delivering = scheme.status == .delivery || scheme.status == .refresh
            return UpdateRow(scheme: scheme.name, title: scheme.title, status: scheme.status, latest: latest, ageDays: age,
                             stale: delivering && (age.map { $0 > model.plan.updateWithinDays } ?? true))
        }
    }
}
