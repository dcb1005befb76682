@testable import AccordFigures
@testable import AccordModel
@testable import AccordNumbers
import Testing

/// The board tables: savings by scheme (top-down), area subtotals, pipeline, partner × area, and
/// diagnostics by code; every split foots with pennies that do not divide evenly.
struct SummaryBoardTests {
    static let checked = TestPlans.check("""
    plan "Thirds" { years FY22/23; as-of 2022-09-30; confidence-weights { amber 33.3% } }
    partner A "A" { type provider }
    partner B "B" { type provider }
    partner C "C" { type provider }
    area urgent "Urgent and emergency care"
    area planned "Planned care"
    scheme S2 "Two" {
      area planned; status delivery; lead A; partners A, B, C; sro-free
      savings FY22/23 { cash-releasing £100.01; productivity £200.02; cost-growth-avoided £0.05 }
      share { A 33.3%; B 33.3%; C 33.4% }
    }
    scheme S1 "One" {
      area planned; status scoping; lead B; partners A, B
      savings FY22/23 { cash-releasing £0.03; productivity £0.03 }
      share { A 50%; B 50% }
    }
    scheme S3 "Three" {
      area urgent; status idea; lead C; partners C
      savings FY22/23 { cash-releasing £10.01 }
    }
    scheme S4 "Gone" {
      area urgent; status withdrawn; lead C; partners C
      savings FY22/23 { cash-releasing £99 }
    }
    """)
    static let summary = ProgrammeSummary(checked)

    static func sum(_ values: [Exact]) -> Exact { values.reduce(Exact.zero) { $0.adding($1) } }

    @Test func schemeRowsSplitTheYearAndDimensionsSplitEachRow() throws {
        let year = try #require(Self.summary.schemeSavings.first)
        #expect(year.schemes.map(\.scheme) == ["S3", "S1", "S2"], "by area in declared order, then scheme; withdrawn left out")
        for split in year.schemes.flatMap({ [$0.planned, $0.riskAdjusted] }) {
            #expect(Self.sum(Dimension.allCases.map { split[$0] }) == split.total)
            for amount in Dimension.allCases.map({ split[$0] }) { #expect(try amount.rounded(places: 2) == amount) }
        }
        let exactRisk = try Self.checked.model.programmeSavings(year: 2022, dimension: nil).riskAdjusted.rounded(places: 2)
        #expect(Self.sum(year.schemes.map(\.riskAdjusted.total)) == exactRisk, "scheme rows partition the rounded programme total")
        #expect(year.total.riskAdjusted.total == exactRisk)
        #expect(Self.summary.savings[0].riskAdjusted.total == exactRisk, "the savings table shows the same total")
        #expect(year.areas.map(\.key) == ["urgent", "planned"])
        #expect(year.areas.map(\.title) == ["Urgent and emergency care", "Planned care"])
        #expect(Self.sum(year.areas.map(\.riskAdjusted.total)) == year.total.riskAdjusted.total)
        // A year's dimensions are a partition of its total (rule 2), and the scheme table's total
        // row shows the same figures; its per-dimension columns may differ from them by a penny.
        let savings = Self.summary.savings[0].riskAdjusted
        #expect(Self.sum(Dimension.allCases.map { savings[$0] }) == savings.total)
        #expect(year.total.riskAdjusted == savings, "the scheme table's total row is the savings table's year")
        let cash = Dimension.cashReleasing
        let exactCash = try Self.checked.model.programmeSavings(year: 2022, dimension: cash).riskAdjusted
        #expect((savings[cash].subtracting(exactCash)).magnitude < Exact.parseMoney("£0.01")!, "the partition moves a figure by less than a penny")
    }

    @Test func headlineKeepsCostGrowthAvoidedApart() throws {
        let year = try #require(Self.summary.savings.first)
        #expect(year.planned.savings == Exact.parseMoney("£310.10")!)
        #expect(year.planned[.costGrowthAvoided] == Exact.parseMoney("£0.05")!)
        #expect(year.planned.savings.adding(year.planned[.costGrowthAvoided]) == year.planned.total)
    }

    @Test func pipelineFollowsStatusOrderAndCountsWithdrawnApart() throws {
        let pipeline = try #require(Self.summary.pipeline.first)
        #expect(pipeline.statuses.map(\.key) == ["idea", "scoping", "delivery", "withdrawn"])
        #expect(pipeline.statuses.map(\.schemes) == [1, 1, 1, 1])
        #expect(pipeline.statuses.last?.planned.total == .zero)
        #expect(Self.sum(pipeline.statuses.map(\.planned.total)) == pipeline.total.planned.total)
        let shares = pipeline.statuses.compactMap(\.plannedShare)
        #expect(Self.sum(shares) == .one, "shares from exact values add to 100%")
    }

    @Test func partnerAreasSplitEachPartnersFigure() {
        for partner in Self.summary.partners {
            let rows = Self.summary.partnerAreas.filter { $0.partner == partner.partner && $0.year == partner.year }
            #expect(Self.sum(rows.map(\.attributed)) == partner.attributed, "\(partner.partner)")
            #expect(Self.sum(rows.map(\.riskAdjusted)) == partner.riskAdjusted, "\(partner.partner)")
        }
        #expect(Self.summary.partnerAreas.contains { $0.partner == "C" && $0.areaTitle == "Urgent and emergency care" })
    }

    @Test func diagnosticsAreGroupedByCodeErrorsFirst() throws {
        let groups = Self.summary.diagnostics
        #expect(!groups.isEmpty)
        #expect(groups.first?.severity == .error, "the unknown attribute `sro-free` is an error")
        #expect(groups.map(\.items.count).reduce(0, +) == Self.checked.diagnostics.count)
        let codes = groups.map { "\($0.severity == .error ? 0 : 1)\($0.code.rawValue)" }
        #expect(codes == codes.sorted())
        #expect(try #require(groups.first?.items.first).line == 8)
    }

    @Test func partsFollowTheWholeTheirParentGaveThem() {
        let half = Exact.parseMoney("£0.005")!, penny = Exact.parseMoney("£0.01")!
        let parts = [(key: "a", value: half), (key: "b", value: half)]
        #expect(ProgrammeSummary.split(parts).parts == [penny, .zero], "alone, the tie goes to the first key")
        #expect(ProgrammeSummary.split(parts, into: penny.adding(penny)) == [penny, penny], "a penny more goes to the part furthest below")
        #expect(ProgrammeSummary.split(parts, into: .zero) == [.zero, .zero], "a penny less comes from the part furthest above")
    }

    @Test func aDuplicateSchemeNameStillSummarises() {
        let checked = TestPlans.check("""
        plan "Twice" { years FY22/23; as-of 2022-09-30 }
        partner A "A" { type provider }
        area planned "Planned"
        scheme S1 "One" { area planned; level organisation; status scoping; lead A; savings FY22/23 { cash-releasing £10 } }
        scheme S1 "Again" { area planned; level organisation; status scoping; lead A; savings FY22/23 { cash-releasing £20 } }
        """)
        let summary = ProgrammeSummary(checked)
        #expect(checked.diagnostics.contains { $0.code == .E201 })
        #expect(summary.schemeSavings.first?.schemes.count == checked.model.schemes.count)
        #expect(summary.pipeline.first?.statuses.first?.plannedShare == .one)
    }
}
