import AccordNumbers

// Net on the summary's board rows (Costs.swift has the rules).
extension SchemeSavings {
    /// Cash-releasing − cost, from the shown figures (rule 3).
    public var net: Exact { planned[.cashReleasing].subtracting(cost) }
}

extension SavingsGroup {
    /// Cash-releasing − cost, from the shown figures (rule 3).
    public var net: Exact { planned[.cashReleasing].subtracting(cost) }
}
