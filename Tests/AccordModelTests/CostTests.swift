@testable import AccordChecks
@testable import AccordFigures
@testable import AccordModel
@testable import AccordNumbers
import Foundation
import Testing

/// Cost to deliver and net savings (issue 18): the figures of
/// `Tests/AccordCommandLineTests/testdata/figures/costs.accord`, worked by hand in the README beside it.
@Suite struct CostTests {
    static let checked: CheckedPlan = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AccordCommandLineTests/testdata/figures/costs.accord").path
        return PlanCheck.run(PlanLoader.load(root: path, shownAs: "costs.accord", access: DiskFiles()), today: TestPlans.asOf)
    }()
    let m = TestPlans.money

    @Test func costsAndNetByHand() {
        let model = Self.checked.model
        #expect(model.hasCosts)
        #expect(Self.checked.diagnostics.map(\.code.rawValue) == ["W401", "W401", "W418"])
        let fy2223 = model.partnerYears(2022)
        func row(_ partner: String) -> PartnerYear { fy2223.rows.first { $0.partner == partner }! }
        #expect(row("ESNEFT").cashReleasing == m("£600k") && row("ESNEFT").cost == m("£90k") && row("ESNEFT").net == m("£510k"))
        #expect(row("ESNEFT").riskAdjusted == m("£255k") && row("ESNEFT").gap == m("£435k"))
        #expect(row("WSFT").cashReleasing == m("£400k") && row("WSFT").cost == m("£360k") && row("WSFT").net == m("£40k"))
        #expect(row("WSFT").riskAdjusted == m("£220k") && row("WSFT").gap == m("£440k"))
        #expect(fy2223.total.cost == m("£450k") && fy2223.total.net == m("£550k"))
        let fy2324 = model.partnerYears(2023)
        #expect(fy2324.rows.map(\.net) == [m("£330k"), m("£260k")])
        let summary = ProgrammeSummary(Self.checked)
        let schemes = summary.schemeSavings[0].schemes
        #expect(schemes.map(\.net) == [m("£350k"), -m("£100k"), m("£300k")])
        #expect(summary.schemeSavings[0].total.net == m("£550k") && summary.schemeSavings[1].total.net == m("£590k"))
        let pipB = model.scheme("PIP-B")!
        #expect(model.planTotals(of: pipB) == (cashReleasing: m("£250k"), cost: m("£310k")))
        let term = model.termCosts(model.riskShares[0], year: 2022)!
        #expect(term.total.gross == m("£700k") && term.total.cost == m("£450k") && term.total.net == m("£250k"))
    }

    /// A cost split by share foots to the cost (rule 2): £1.01 half and half is £0.51 + £0.50,
    /// the tie going to the partner whose name sorts first.
    @Test func aSharedCostIsShownAsAPartitionOfIt() {
        let checked = TestPlans.check("""
            plan "Pennies" { years FY22/23; as-of 2022-09-30 }
            partner A "A"
            partner B "B"
            area planned "Planned care"
            scheme S "S" {
              area planned; status scoping; lead A; partners A, B
              share { A 50%; B 50% }
              savings FY22/23 { cash-releasing £3; cost £1.01 }
            }
            """)
        let model = checked.model
        let shown = model.shownCost(of: model.schemes[0], model.schemes[0].savings[0], cashReleasing: m("£3"))!
        #expect(shown.cost == m("£1.01") && shown.net == m("£1.99"))
        #expect(shown.attribution.map(\.cost) == [m("£0.51"), m("£0.50")])
        #expect(model.partnerYears(2022).rows.map(\.cost) == [m("£0.51"), m("£0.50")])
    }

    /// Without `cost` lines nothing moves: no costs, the gap is envelope − risk-adjusted.
    @Test func aPlanWithoutCostsKeepsItsFigures() {
        let model = TestPlans.snee().model
        #expect(!model.hasCosts)
        for year in model.years {
            for row in model.partnerYears(year).rows {
                #expect(row.cost == .zero)
                #expect(row.gap == row.envelope.map { $0.subtracting(row.riskAdjusted) })
            }
        }
    }
}
