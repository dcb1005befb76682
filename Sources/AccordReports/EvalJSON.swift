import AccordModel
import AccordNumbers
import AccordSyntax

/// `accord eval --format json`: the evaluation with its whole working, described by
/// `docs/eval.schema.json` and versioned by `schemaVersion`. Money is a decimal string in pounds
/// with two decimals, rounded as the text shows it (each list adds to its whole); percents are
/// decimal strings of the percentage with two decimals; financial years read `FY22/23`.
public enum EvalJSON {
    public static let schemaVersion = 1

    public static func render(_ report: EvalReport) -> String {
        JSONWriter.write(.object([
            ("schemaVersion", .int(schemaVersion)),
            ("plan", .object([("title", .string(report.planTitle)), ("file", .string(report.planFile))])),
            ("asOf", .string(ModelJSON.iso(report.asOf))),
            ("planAsWritten", .bool(report.scenarios == nil)),
            ("scenarios", .array((report.scenarios ?? []).map(scenario))),
            ("evaluations", .array(report.evaluations.map(evaluation))),
        ] + costs(report)))
    }

    static func money(_ x: Exact) -> JSONValue { ModelJSON.money(x) }

    static func scenario(_ s: Scenario) -> JSONValue {
        .object([
            ("name", .string(s.name)), ("title", .string(s.title)),
            ("defaultDelivery", s.defaultDelivery.map(ModelJSON.percent) ?? .null),
            ("delivery", .array(s.delivery.keys.sorted().map { .object([("scheme", .string($0)), ("percent", ModelJSON.percent(s.delivery[$0]!))]) })),
            ("outturns", .array(s.outturns.map { .object([
                ("scheme", .string($0.scheme)), ("year", .string(LiteralText.financialYear($0.year))),
                ("dimension", .string($0.dimension.rawValue)), ("amount", money($0.amount)),
            ]) })),
        ])
    }

    static func evaluation(_ e: ShownEvaluation) -> JSONValue {
        .object([
            ("scenario", .string(e.scenario?.name)),
            ("term", .string(e.term.name)), ("termTitle", .string(e.term.title)),
            ("year", .string(LiteralText.financialYear(e.year))), ("measure", .string(e.term.measure.rawValue)),
            ("schemes", .array(e.schemes.map { scheme in .object([
                ("scheme", .string(scheme.scheme)), ("counts", .bool(scheme.counts)),
                ("planned", money(scheme.planned)), ("delivered", money(scheme.delivered)),
                ("lines", .array(scheme.lines.map(line))),
            ]) })),
            ("planned", money(e.planned)), ("delivered", money(e.delivered)), ("variance", money(e.variance)),
            ("kind", .string(e.kind.rawValue)), ("amount", money(e.amount)),
            ("bands", .array(e.bands.map { band in .object([
                ("from", money(band.from)), ("upTo", band.to.map(money) ?? .null), ("inBand", money(band.inside)),
                ("parts", .array(band.parts.map { .object([("partner", .string($0.partner)), ("percent", ModelJSON.percent(Shown.percent($0.share))), ("amount", money($0.amount))]) })),
                ("notCovered", money(band.unsplit)),
            ]) })),
            ("beyondBands", money(e.beyondBands)),
            ("capRounds", .array(e.capRounds.map { round in .object([
                ("capped", .array(round.capped.map { .object([
                    ("partner", .string($0.partner)), ("bore", money($0.bore)), ("cap", money($0.cap)), ("removed", money($0.removed)),
                ]) })),
                ("removed", money(round.removed)), ("receiversBear", money(round.weight)),
                ("receivers", .array(round.receivers.map { .object([
                    ("partner", .string($0.partner)), ("bore", money($0.bore)), ("receives", money($0.receives)), ("after", money($0.after)),
                ]) })),
                ("unallocated", money(round.unallocated)),
            ]) })),
            ("result", .array(e.result.map { .object([
                ("partner", .string($0.partner)), ("beforeCaps", money($0.beforeCaps)), ("cap", $0.cap.map(money) ?? .null),
                ("amount", money($0.amount)), ("capped", .bool($0.capped)),
            ]) })),
            ("allocated", money(e.allocated)), ("unallocated", money(e.unallocated)),
            ("unallocatedBeforeCaps", money(e.unallocatedBeforeCaps)), ("unallocatedByCaps", money(e.unallocatedByCaps)),
        ])
    }

    static func line(_ l: ShownEvaluation.DimensionLine) -> JSONValue {
        let (source, share): (String, Exact?) = switch l.source {
        case .fullDelivery: ("full-delivery", .one)
        case .scenarioDelivery(let share): ("scenario-delivery", share)
        case .schemeDelivery(let share): ("scheme-delivery", share)
        case .outturn: ("outturn", nil)
        }
        return .object([
            ("dimension", .string(l.dimension.rawValue)), ("planned", money(l.planned)), ("delivered", money(l.delivered)),
            ("source", .string(source)), ("deliveryPercent", share.map { ModelJSON.percent(Shown.percent($0)) } ?? .null),
        ])
    }
}
