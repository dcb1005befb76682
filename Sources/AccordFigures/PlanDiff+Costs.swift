import AccordModel
import AccordNumbers

/// Cost to deliver in `accord diff` (Costs.swift): each scheme and year whose `cost` moved, with
/// the cash-releasing savings beside it so reports show net before and after.
extension PlanDiff {
    public struct CostChange: Sendable {
        public var scheme: String
        public var year: Int
        /// Zero where there is no `cost` line.
        public var cost: Change<Exact>
        public var cashReleasing: Change<Exact>
        /// Cash-releasing − cost before and after, from the shown figures (rule 3).
        public var net: Change<Exact> {
            Change(old: Shown.amount(cashReleasing.old).subtracting(Shown.amount(cost.old)),
                   new: Shown.amount(cashReleasing.new).subtracting(Shown.amount(cost.new)))
        }
    }

    /// Counted as savings are: a withdrawn scheme's costs count in no total.
    mutating func compareCosts(_ name: String, _ old: Scheme?, _ new: Scheme?) {
        let old = old.flatMap { $0.counts ? $0 : nil }, new = new.flatMap { $0.counts ? $0 : nil }
        let years = Set((old?.savings.map(\.year) ?? []) + (new?.savings.map(\.year) ?? [])).sorted()
        for year in years {
            let before = old?.savings(in: year), after = new?.savings(in: year)
            let cost = Change(old: before?.cost ?? .zero, new: after?.cost ?? .zero)
            guard cost.changed else { continue }
            costs.append(CostChange(scheme: name, year: year, cost: cost,
                                    cashReleasing: Change(old: before?.amount(.cashReleasing) ?? .zero, new: after?.amount(.cashReleasing) ?? .zero)))
        }
    }
}
