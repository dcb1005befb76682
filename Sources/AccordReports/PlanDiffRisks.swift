import AccordFigures
import AccordModel

/// `accord diff`'s risk and update sections, shown only when something changed there.
extension PlanDiffReport {
    static func riskSections(_ diff: PlanDiff) -> [Section] {
        [
            Section(title: "Risks", columns: ["risk", "title", "change"], rows: diff.risks.map { [$0.qualifiedName, $0.title, riskChange($0.kind)] }),
            Section(title: "Latest updates", columns: ["scheme", "before", "after"],
                    rows: diff.updates.map { [$0.scheme, update($0.old), update($0.new)] }),
        ]
    }

    static func riskChange(_ kind: PlanDiff.RiskChange.Kind) -> String {
        func score(_ n: Int?) -> String { n.map(String.init) ?? "—" }
        return switch kind {
        case .added(let s): "added, score \(score(s))"
        case .removed(let s): "removed (score \(score(s)))"
        case .closed: "closed"
        case .reopened: "reopened"
        case .rescored(let c): "score \(score(c.old)) → \(score(c.new))"
        }
    }

    static func update(_ u: SchemeUpdate?) -> String { u.map { "\(iso($0.date)) \($0.text)" } ?? "—" }
}

extension PlanDiffJSON {
    /// `risks` and `updates`, present only when one changed, so other comparisons print as before.
    static func riskSections(_ d: PlanDiff) -> [(String, JSONValue)] {
        func update(_ u: SchemeUpdate?) -> JSONValue { u.map { .object([("date", .string(ModelJSON.iso($0.date))), ("text", .string($0.text))]) } ?? .null }
        func score(_ n: Int?) -> JSONValue { n.map(JSONValue.int) ?? .null }
        var fields: [(String, JSONValue)] = []
        if !d.risks.isEmpty {
            fields.append(("risks", .array(d.risks.map { r in
                let (change, before, after): (String, JSONValue, JSONValue) = switch r.kind {
                case .added(let s): ("added", .null, score(s))
                case .removed(let s): ("removed", score(s), .null)
                case .closed: ("closed", .string("open"), .string("closed"))
                case .reopened: ("reopened", .string("closed"), .string("open"))
                case .rescored(let c): ("rescored", score(c.old), score(c.new))
                }
                return .object([("scheme", .string(r.scheme)), ("risk", .string(r.risk)), ("title", .string(r.title)),
                                ("change", .string(change)), ("before", before), ("after", after)])
            })))
        }
        if !d.updates.isEmpty {
            fields.append(("updates", .array(d.updates.map { .object([("scheme", .string($0.scheme)), ("before", update($0.old)), ("after", update($0.new))]) })))
        }
        return fields
    }
}
