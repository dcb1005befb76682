import AccordFigures
import AccordModel
import AccordSyntax

extension PlanDiffReport {
    static func costRow(_ c: PlanDiff.CostChange) -> [String] {
        [c.scheme, LiteralText.financialYear(c.year)] + moneyChange(c.cost.old, c.cost.new) + [c.net.old.formattedMoney(), c.net.new.formattedMoney()]
    }
}

extension PlanDiffJSON {
    /// `costs`, only when a cost moved: a diff without cost changes is what it was.
    static func costs(_ d: PlanDiff) -> [(String, JSONValue)] {
        guard !d.costs.isEmpty else { return [] }
        return [("costs", .array(d.costs.map { c in
            .object([("scheme", .string(c.scheme)), ("year", .string(LiteralText.financialYear(c.year))),
                     ("before", money(c.cost.old)), ("after", money(c.cost.new)), ("netBefore", money(c.net.old)), ("netAfter", money(c.net.new))])
        }))]
    }
}
