import AccordModel
import AccordNumbers
import AccordSyntax

extension PlanRules {
    /// W418: a counting scheme whose costs over the plan's years exceed its cash-releasing savings
    /// over those years (both figures single amounts, rule 1).
    mutating func checkCosts(_ scheme: Scheme) {
        guard scheme.counts, let years = model.plan.years, scheme.savings.contains(where: { $0.cost != nil }) else { return }
        let totals = model.planTotals(of: scheme)
        guard totals.cost > totals.cashReleasing else { return }
        let span = years.count == 1 ? LiteralText.financialYear(years.lowerBound)
            : "\(LiteralText.financialYear(years.lowerBound))..\(LiteralText.financialYear(years.upperBound))"
        report(.W418, scheme.ref, "\(scheme.name) costs \(Shown.amount(totals.cost).formattedMoney()) to deliver over \(span), more than its cash-releasing savings of \(Shown.amount(totals.cashReleasing).formattedMoney())",
               help: "check the `cost` and `cash-releasing` lines; if they are right, the scheme does not pay back within the plan: record why (productivity, later years) or reconsider it")
    }
}
