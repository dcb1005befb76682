import AccordDiagnostics
import AccordModel
import AccordSyntax

/// Checks on scheme updates (W419, E408 for an update after the as-of date) and on risks
/// (E415, W420). A risk's likelihood and impact (E416) and owner (E202) are checked as read.
extension PlanRules {
    mutating func checkUpdates(_ scheme: Scheme) {
        guard let asOf else { return }
        for update in scheme.updates where update.date > asOf {
            report(.E408, update.ref, "scheme \(scheme.name) has an update dated \(update.date.iso), after the as-of date \(asOf.iso)",
                   help: "an update reports what has happened; correct its date, or move `as-of` on")
        }
        // A plan that records no updates at all (and sets no `update-within`) is not judged on
        // them: its checks stay as they were before updates existed.
        guard model.plan.judgesUpdates, let status = scheme.status, status == .delivery || status == .refresh else { return }
        let within = model.plan.updateWithinDays
        let help = "add a line such as `update \(asOf.iso) \"…\"` saying where the scheme stands (rules { update-within \(within) days } sets the limit)"
        if let latest = scheme.latestUpdate(asOf: asOf) {
            let age = LiteralText.Date.days(from: latest.date, to: asOf)
            if age > within {
                report(.W419, latest.ref, "the latest update of scheme \(scheme.name) (\(status.rawValue)) is \(age) days old, more than \(within)", help: help)
            }
        } else {
            let dated = scheme.updates.isEmpty ? "" : " dated on or before the as-of date"
            report(.W419, scheme.ref, "scheme \(scheme.name) is in \(status.rawValue) but has no update\(dated)", help: help)
        }
    }

    mutating func checkRisks() {
        for risk in model.risks + model.schemes.flatMap(\.risks) where risk.status == .open {
            if let score = risk.score, score >= 15 {
                let missing = [risk.mitigation == nil ? "mitigation" : nil, risk.hasOwnerLine ? nil : "owner"].compactMap { $0 }
                if !missing.isEmpty {
                    let lines = missing.map { $0 == "owner" ? "`owner PERSON`" : "`mitigation \"…\"`" }
                    report(.E415, risk.ref, "risk \(risk.qualifiedName) scores \(score) (extreme) but has no \(missing.map { "`\($0)`" }.joined(separator: " or "))",
                           help: "an open extreme risk needs someone answerable for it and a plan to reduce it: add \(lines.joined(separator: " and "))")
                }
            }
            if let asOf, let review = risk.review, review < asOf, let ref = risk.reviewRef {
                report(.W420, ref, "risk \(risk.qualifiedName) was due for review on \(review.iso), before the as-of date \(asOf.iso)",
                       help: "review the risk and set the next `review` date, or close it with `status closed`")
            }
        }
    }
}
