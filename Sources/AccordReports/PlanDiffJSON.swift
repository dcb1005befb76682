import AccordDiagnostics
import AccordFigures
import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord diff --format json`: one object per compared pair, every section present (empty when
/// nothing changed) but `costs`, present only when a cost changed. Money is a decimal string in pounds with two decimals, percents a decimal
/// string of the percentage, dates ISO, years `FY22/23`, as in `accord model`; absent is `null`.
public enum PlanDiffJSON {
    public static func render(_ comparisons: [PlanComparison]) -> String {
        JSONWriter.write(.object([
            ("changed", .bool(comparisons.contains { !$0.diff.isEmpty })),
            ("plans", .array(comparisons.map(comparison))),
        ]))
    }

    static func comparison(_ c: PlanComparison) -> JSONValue {
        let d = c.diff
        func change(_ x: PlanDiff.Change<Exact>) -> [(String, JSONValue)] { [("before", money(x.old)), ("after", money(x.new))] }
        func optional(_ x: PlanDiff.Change<Exact?>, _ show: (Exact) -> JSONValue) -> [(String, JSONValue)] {
            [("before", x.old.map(show) ?? .null), ("after", x.new.map(show) ?? .null)]
        }
        let diagnostics = DiagnosticJSONRenderer()
        return .object([
            ("old", .string(c.old)), ("new", .string(c.new)), ("changed", .bool(!d.isEmpty)),
            ("schemesAdded", .array(d.schemesAdded.map(scheme))),
            ("schemesRemoved", .array(d.schemesRemoved.map(scheme))),
            ("schemeChanges", .array(d.schemeFields.map(schemeField))),
            ("savings", .array(d.savings.map {
                .object([("scheme", .string($0.scheme)), ("year", .string(LiteralText.financialYear($0.year))), ("dimension", .string($0.dimension.rawValue))]
                        + change($0.change))
            })),
        ] + costs(d) + [
            ("totals", .array(d.totals.map {
                .object([("year", .string(LiteralText.financialYear($0.year))), ("dimension", .string($0.dimension?.rawValue ?? "total")),
                         ("planned", .object(change($0.planned))), ("riskAdjusted", .object(change($0.riskAdjusted)))])
            })),
            ("milestones", .array(d.milestones.map(milestone))),
            ("metrics", .array(d.metrics.map {
                .object([("scheme", .string($0.scheme)), ("metric", .string($0.metric)), ("title", .string($0.title)),
                         ("before", target($0.target.old)), ("after", target($0.target.new))])
            })),
            ("shares", .array(d.shares.map {
                .object([("scheme", .string($0.scheme)), ("partner", .string($0.partner))] + optional($0.change, ModelJSON.percent))
            })),
            ("envelopes", .array(d.envelopes.map {
                .object([("partner", .string($0.partner)), ("year", .string(LiteralText.financialYear($0.year)))] + optional($0.change, money))
            })),
            ("riskShares", .array(d.riskShares.map {
                .object([("term", .string($0.term)), ("title", .string($0.title)), ("part", .string($0.part)),
                         ("before", .string($0.change.old)), ("after", .string($0.change.new))])
            })),
        ] + riskSections(d) + [
            ("newDiagnostics", .array(d.newDiagnostics.map(diagnostics.value))),
            ("resolvedDiagnostics", .array(d.resolvedDiagnostics.map(diagnostics.value))),
            ("changedDiagnostics", .array(d.changedDiagnostics.map { .object([("before", diagnostics.value($0.old)), ("after", diagnostics.value($0.new))]) })),
            ("otherChanges", .array(d.other.map { .object([("declaration", .string($0.declaration)), ("change", .string($0.kind.rawValue))]) })),
        ])
    }

    static func scheme(_ s: PlanDiff.SchemeEntry) -> JSONValue {
        .object([("scheme", .string(s.name)), ("title", .string(s.title)), ("status", .string(s.status?.rawValue)), ("planned", money(s.total))])
    }

    static func schemeField(_ c: PlanDiff.SchemeFieldChange) -> JSONValue {
        .object([("scheme", .string(c.scheme)), ("attribute", .string(c.field)), ("before", .string(c.change.old)), ("after", .string(c.change.new))])
    }

    static func milestone(_ m: PlanDiff.MilestoneChange) -> JSONValue {
        let (kind, before, after): (String, AccordModel.Date?, AccordModel.Date?) = switch m.kind {
        case .added(let due): ("added", nil, due)
        case .removed: ("removed", nil, nil)
        case .dueMoved(let c): ("due", c.old, c.new)
        case .forecastMoved(let c, _): ("forecast", c.old, c.new)
        case .newlyDone(let date): ("done", nil, date)
        case .noLongerDone(let date): ("undone", date, nil)
        }
        return .object([("scheme", .string(m.scheme)), ("milestone", .string(m.milestone)), ("title", .string(m.title)),
                        ("change", .string(kind)), ("before", .string(before.map(ModelJSON.iso))), ("after", .string(after.map(ModelJSON.iso))),
                        ("days", m.days.map(JSONValue.int) ?? .null)])
    }

    static func target(_ t: PlanDiff.MetricChange.Target?) -> JSONValue {
        guard let t else { return .null }
        return .object([("value", .string(t.value?.decimalString(places: 2))), ("by", .string(t.month.map(ModelJSON.iso))),
                        ("change", t.change.map(ModelJSON.percent) ?? .null)])
    }

    static func money(_ x: Exact) -> JSONValue { ModelJSON.money(x) }
}
