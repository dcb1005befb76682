import AccordFigures
import AccordModel
import AccordNumbers

/// Cost to deliver and net savings in the summary's tables (Costs.swift): a `cost` and a `net`
/// column beside the savings they belong to, only for a plan with costs, so a plan without them
/// shows exactly the tables it did.
extension SummaryTables {
    static func costColumns(_ s: ProgrammeSummary) -> [SummaryColumn] {
        s.hasCosts ? [column("cost", numeric: true), SummaryColumn(header: "net", key: "net", numeric: true, badSign: -1)] : []
    }

    static func costCells(_ s: ProgrammeSummary, _ cost: Exact, _ net: Exact) -> [SummaryCell] {
        s.hasCosts ? [.money(cost), .money(net)] : []
    }

    /// The partners table's attributed cash-releasing savings (CR), cost and net.
    static func partnerCostColumns(_ s: ProgrammeSummary) -> [SummaryColumn] {
        s.hasCosts ? [column("CR", "cash_releasing", numeric: true, inText: false)] + costColumns(s) : []
    }

    static func partnerCostCells(_ s: ProgrammeSummary, _ p: PartnerYear) -> [SummaryCell] {
        s.hasCosts ? [.money(p.cashReleasing)] + costCells(s, p.cost, p.net) : []
    }

    /// What the cost columns mean, added to a table's note.
    static func costNote(_ s: ProgrammeSummary) -> String {
        s.hasCosts ? " Cost = the `cost` to deliver (committed: never risk-adjusted, attributed by share); net = CR − cost." : ""
    }
}
