import AccordModel
import AccordSyntax

extension PlanRules {
    /// W411 on check: every declared scenario is evaluated, and a cap that leaves part of an
    /// amount with no partner to bear it is reported at the cap of the first partner brought down.
    mutating func checkScenarios() {
        for term in model.riskShares {
            for scenario in model.scenarios {
                for year in model.years(of: term) {
                    let evaluation = model.evaluate(term, year: year, scenario: scenario)
                    guard let allocation = evaluation.allocation, !allocation.unallocatedByCaps.isZero else { continue }
                    let capped = Set(allocation.capRounds.flatMap { $0.capped.map(\.partner) })
                    guard let first = term.caps.filter({ capped.contains($0.partner) }).min(by: { $0.partner < $1.partner }) else { continue }
                    let kind = evaluation.isShortfall ? "shortfall" : "gain"
                    // The figures `accord eval` shows.
                    let shown = allocation.shown(amount: evaluation.shownAmount)
                    report(.W411, first.ref, "in scenario \(scenario.name), \(term.name) \(LiteralText.financialYear(year)): caps leave \(shown.unallocatedByCaps.formattedMoney(alwaysPennies: true)) of the \(kind) of \(shown.amount.formattedMoney(alwaysPennies: true)) with no partner to bear it",
                           help: "raise a cap, or add a partner without a cap to the bands, so the whole amount is shared")
                }
            }
        }
    }
}
