@testable import AccordChecks
import AccordDiagnostics
@testable import AccordFigures
@testable import AccordModel
@testable import AccordNumbers
import AccordPlanGenerator
import AccordReports
import AccordSyntax
import Foundation
import Testing

/// The showing rules (LANGUAGE.md §3 "Showing amounts") on seeded random plans with awkward
/// figures (thirds and sevenths of pennies, two-decimal percents, caps that bite):
/// (a) every shown partition adds to its shown whole; (b) every shown difference is the
/// difference of the shown figures, and W401 quotes the summary's gap; (c) single amounts are the
/// half-even rounding of exact values recomputed here from the plan's own numbers; (d) no valid
/// plan is refused. `ACCORD_PROPERTY_PLANS=5000 swift test --filter ShowingPropertyTests` runs
/// more plans than the default.
struct ShowingPropertyTests {
    static let plans = ProcessInfo.processInfo.environment["ACCORD_PROPERTY_PLANS"].flatMap(Int.init) ?? 120

    /// Half-even to the penny, written here rather than taken from `Rounding.swift`.
    static func pennies(_ x: Exact) -> Exact {
        let (q, r) = (x.numerator * 100).quotientAndRemainder(dividingBy: x.denominator)
        let twice = r.magnitude * 2
        var count = q
        if twice > x.denominator || (twice == x.denominator && q.isOdd) { count = count + (x.isNegative ? -1 : 1) }
        return try! Exact(numerator: count, denominator: 100)
    }

    @Test func showingRulesHoldOnRandomPlans() {
        var checkedPlans = 0
        for seed in 0..<Self.plans {
            var generator = SyntheticPlan(schemes: 1 + seed % 12, seed: UInt64(seed) + 1, awkward: true)
            let text = generator.write()[0].text
            let sources = PlanLoader.load(root: "/plan/plan.accord", shownAs: "plan.accord", access: Pipeline.OneFile(bytes: Array(text.utf8)))
            let checked = PlanCheck.run(sources, today: AccordModel.Date(year: 2022, month: 9, day: 30))
            // (d) A valid plan is never refused.
            let errors = checked.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "seed \(seed): \(errors.map(\.message))")
            guard errors.isEmpty else { continue }
            check(checked, seed: seed)
            checkedPlans += 1
        }
        #expect(checkedPlans == Self.plans)
        print("showing rules held on \(checkedPlans) random plans")
    }

    func check(_ checked: CheckedPlan, seed: Int) {
        let model = checked.model
        let summary = ProgrammeSummary(checked)
        for year in summary.savings {
            // (a) dimensions add to the year, recurrent and non-recurrent to the planned total.
            for split in [year.planned, year.riskAdjusted] {
                #expect(Exact.sum(Dimension.allCases.map { split[$0] }) == split.total, "seed \(seed)")
            }
            #expect(year.recurrent.adding(year.nonRecurrent) == year.planned.total, "seed \(seed)")
            // (c) the year's planned total from the plan's own savings lines.
            var exact = Exact.zero
            for scheme in model.schemes where scheme.status != .withdrawn {
                for d in Dimension.allCases { exact = exact.adding(scheme.savings(in: year.year)?.amount(d) ?? .zero) }
            }
            #expect(year.planned.total == Self.pennies(exact), "seed \(seed) \(year.year)")
        }
        for total in summary.partnerTotals {
            let rows = summary.partners.filter { $0.year == total.year }
            #expect(Exact.sum(rows.map(\.attributed)) == total.attributed, "seed \(seed)")
            #expect(Exact.sum(rows.map(\.riskAdjusted)) == total.riskAdjusted, "seed \(seed)")
            for row in rows {
                if let envelope = row.envelope, let line = model.envelopes.first(where: { $0.partner == row.partner })?.lines.first(where: { $0.year == row.year }) {
                    #expect(envelope == Self.pennies(line.amount), "seed \(seed)")
                }
            }
        }
        // (b) W401's "short by" is the summary's gap.
        for diagnostic in checked.diagnostics where diagnostic.code == .W401 {
            let row = summary.partners.first { diagnostic.message.hasPrefix("\($0.partner) \(LiteralText.financialYear($0.year)):") }
            #expect(row?.gap.map { diagnostic.message.hasSuffix("short by \($0.formattedMoney())") } == true, "seed \(seed): \(diagnostic.message)")
        }
        if let inYear = summary.inYear {
            #expect(Exact.sum(inYear.lines.map(\.figures.plan)) == inYear.total.plan, "seed \(seed)")
            #expect(Exact.sum(inYear.lines.map(\.figures.actual)) == inYear.total.actual, "seed \(seed)")
            for diagnostic in checked.diagnostics where diagnostic.code == .W414 && diagnostic.message.contains("year-to-date actual") {
                let line = inYear.lines.first { diagnostic.message.hasPrefix("\($0.scheme) \(LiteralText.financialYear(inYear.year)) \($0.dimension.rawValue):") }
                #expect(line.map { diagnostic.message.contains("actual \($0.figures.actual.formattedMoney()) is") && diagnostic.message.hasSuffix("plan of \($0.figures.plan.formattedMoney())") } == true,
                        "seed \(seed): \(diagnostic.message)")
            }
        }
        checkEvaluations(EvalReport(checked, scenarios: model.scenarios), model, seed: seed)
    }

    func checkEvaluations(_ report: EvalReport, _ model: PlanModel, seed: Int) {
        for shown in report.evaluations {
            let context = "seed \(seed) \(shown.term.name) \(shown.year) \(shown.scenario?.name ?? "-")"
            // (c) planned from the plan's own savings lines.
            var exactPlanned = Exact.zero
            for name in shown.term.schemes {
                guard let scheme = model.scheme(name), scheme.status != .withdrawn else { continue }
                for d in shown.term.measure.dimensions { exactPlanned = exactPlanned.adding(scheme.savings(in: shown.year)?.amount(d) ?? .zero) }
            }
            #expect(shown.planned == Self.pennies(exactPlanned), "\(context)")
            // (a) schemes add to the term, dimensions to the scheme.
            #expect(Exact.sum(shown.schemes.map(\.planned)) == shown.planned, "\(context)")
            #expect(Exact.sum(shown.schemes.map(\.delivered)) == shown.delivered, "\(context)")
            for line in shown.schemes where line.counts {
                #expect(Exact.sum(line.lines.map(\.planned)) == line.planned, "\(context)")
                #expect(Exact.sum(line.lines.map(\.delivered)) == line.delivered, "\(context)")
            }
            // (b) the amount shared is shown delivered − shown planned.
            #expect(shown.variance == shown.delivered.subtracting(shown.planned), "\(context)")
            guard !shown.bands.isEmpty || !shown.result.isEmpty else { continue }
            #expect(shown.amount == shown.variance.magnitude, "\(context)")
            #expect(Exact.sum(shown.bands.map(\.inside)).adding(shown.beyondBands) == shown.amount, "\(context)")
            var before: [String: Exact] = [:]
            for band in shown.bands {
                #expect(Exact.sum(band.parts.map(\.amount)).adding(band.unsplit) == band.inside, "\(context)")
                for part in band.parts { before[part.partner, default: .zero] = before[part.partner, default: .zero].adding(part.amount) }
            }
            var current: [String: Exact] = [:]
            for result in shown.result {
                #expect(result.beforeCaps == before[result.partner, default: .zero], "\(context) \(result.partner)")
                current[result.partner] = result.beforeCaps
            }
            for round in shown.capRounds {
                for capped in round.capped {
                    #expect(capped.bore == current[capped.partner], "\(context)")
                    #expect(capped.removed == capped.bore.subtracting(capped.cap), "\(context)")
                    current[capped.partner] = capped.cap
                }
                #expect(round.removed == Exact.sum(round.capped.map(\.removed)), "\(context)")
                #expect(Exact.sum(round.receivers.map(\.receives)).adding(round.unallocated) == round.removed, "\(context)")
                for receiver in round.receivers {
                    #expect(receiver.bore == current[receiver.partner], "\(context)")
                    #expect(receiver.after == receiver.bore.adding(receiver.receives), "\(context)")
                    current[receiver.partner] = receiver.after
                }
            }
            for result in shown.result { #expect(result.amount == current[result.partner], "\(context) \(result.partner)") }
            #expect(shown.allocated == Exact.sum(shown.result.map(\.amount)), "\(context)")
            #expect(shown.allocated.adding(shown.unallocated) == shown.amount, "\(context)")
        }
    }
}
