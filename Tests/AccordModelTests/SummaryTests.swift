@testable import AccordFigures
@testable import AccordModel
@testable import AccordNumbers
import Testing

/// The programme summary of the bundled SNEE example against examples/snee/EXPECTED.md, and the
/// rounding rules of brief §3 "Showing amounts" on figures that do not come out in whole pennies.
@Suite struct SummaryTests {
    static let summary = ProgrammeSummary(TestPlans.snee())
    let m = TestPlans.money

    @Test func header() {
        let header = Self.summary.header
        #expect(header.title == "SNEE system efficiency programme")
        #expect(header.asOf == Date(year: 2022, month: 9, day: 30))
        #expect(header.years == [2022, 2023])
        #expect(header.errors == 0 && header.warnings == 3 && !header.hasErrors)
    }

    @Test func schemesByStatusAreaAndLevel() {
        let s = Self.summary
        #expect(s.schemeCountLine == "5 schemes: 1 scoping, 2 delivery, 1 refresh, 1 closed")
        #expect(s.byArea.map { "\($0.key) \($0.count)" } == ["planned 1", "corporate 3", "pharmacy 1"])
        #expect(s.byLevel.map { "\($0.key) \($0.count)" } == ["system 4", "place 0", "organisation 1"])
    }

    @Test func savingsByYearAndDimension() throws {
        let fy2223 = try #require(Self.summary.savings.first { $0.year == 2022 })
        #expect(fy2223.planned[.cashReleasing] == m("£3.7m"))
        #expect(fy2223.planned[.productivity] == m("£1425600"))
        #expect(fy2223.planned[.costGrowthAvoided] == .zero)
        #expect(fy2223.planned.total == m("£5125600"))
        #expect(fy2223.riskAdjusted.total == m("£3312800"))
        // SE-01 £1.5m + SE-02 £0.8m × 25% + SE-05 £1m × 50% + SE-06 £0.4m.
        #expect(fy2223.riskAdjusted[.cashReleasing] == m("£2.6m"))
        #expect(fy2223.nonRecurrent == m("£800k"))        // SE-02
        #expect(fy2223.recurrent == m("£4325600"))
        let fy2324 = try #require(Self.summary.savings.first { $0.year == 2023 })
        #expect(fy2324.planned[.cashReleasing] == m("£3.8m"))
        #expect(fy2324.planned[.costGrowthAvoided] == m("£800k"))
        #expect(fy2324.planned.total == m("£4.6m"))
        #expect(fy2324.riskAdjusted.total == m("£3225000"))
    }

    @Test func inYearPosition() throws {
        let position = try #require(Self.summary.inYear)
        #expect(position.year == 2022 && position.months == 6)
        #expect(position.lines.map(\.scheme) == ["SE-01"])
        let figures = position.total
        #expect(figures.plan == m("£750k") && figures.actual == m("£700k"))
        #expect(figures.variance == m("£50k").negated)
        #expect(figures.variancePercent?.formattedPercent() == "-6.7%")
        #expect(figures.forecastOutturn == m("£1.5m"))
    }

    @Test func partnersAgainstEnvelopes() throws {
        func row(_ partner: String, _ year: Int) throws -> PartnerYear {
            try #require(Self.summary.partners.first { $0.partner == partner && $0.year == year })
        }
        let expected = ["ESNEFT": "£1808960", "WSFT": "£700000", "IESCCG": "£642560", "NEECCG": "£121280", "EEAST": "£40000"]
        for (partner, amount) in expected { #expect(try row(partner, 2022).riskAdjusted == m(amount), "\(partner)") }
        #expect(try row("ESNEFT", 2023).gap == m("£275k"))
        #expect(try row("ESNEFT", 2022).gap == m("£8960").negated)
        #expect(try row("NEECCG", 2022).envelope == nil && row("NEECCG", 2022).gap == nil)
        #expect(try row("EEAST", 2022).controlTotalRiskAdjusted == .zero)
        #expect(try row("EEAST", 2022).attributed == m("£160k"))
        let total = try #require(Self.summary.partnerTotals.first { $0.year == 2022 })
        #expect(total.attributed == m("£5125600"))    // no cost growth avoided in FY22/23
        #expect(total.envelope == m("£3m"))
    }

    @Test func milestones() {
        let milestones = Self.summary.milestones
        #expect(milestones.count == 9 && milestones.done == 4 && milestones.later == 3)
        #expect(milestones.overdue.map(\.qualifiedName) == ["SE-05.M2"])
        #expect(milestones.overdue.first?.days == 29)
        // SE-07.M1 is due 2022-12-15, 76 days on; SE-01.M2 (2022-12-31, 92 days) is later.
        #expect(milestones.dueSoon.map(\.qualifiedName) == ["SE-07.M1"])
        #expect(milestones.slipping.isEmpty)
    }

    @Test func metricsAgainstThePlanLine() throws {
        let states = Dictionary(uniqueKeysWithValues: Self.summary.metrics.map { ($0.metric.qualifiedName, $0) })
        #expect(states["SE-05.fu-f2f"]?.state == .offTrack)          // W410: 11400 against 11000
        #expect(states["SE-05.fu-f2f"]?.expected == Exact(11000))
        // No trajectory: the straight line from 4200 (2022-03) to 2900 (2024-03), 5 months in.
        #expect(states["SE-01.agency-shifts"]?.state == .onTrack)
        let expected = Exact(4200).subtracting(Exact(1300).multiplied(by: try Exact(5).divided(by: Exact(24))))
        #expect(states["SE-01.agency-shifts"]?.expected == expected)
        #expect(states["SE-06.mgmt-cost"]?.state == .onTrack)          // at its target
        #expect(states["SE-05.referrals"]?.state == .notJudged)
    }

    @Test func peopleAgainstCapacity() throws {
        let people = Dictionary(uniqueKeysWithValues: Self.summary.people.map { ($0.person, $0) })
        let cwu = try #require(people["cwu"])
        #expect(cwu.allocated == Exact.parseNumber("0.2"))
        #expect(cwu.allocations == [Allocation(scheme: "SE-01", role: "manager", fte: Exact.parseNumber("0.2")), Allocation(scheme: "SE-02", role: "sro", fte: nil)])
        // dpatel's SRO role on SE-06 does not count: the scheme is closed.
        #expect(people["dpatel"]?.allocations.map(\.scheme) == ["SE-05"])
        #expect(Self.summary.people.filter(\.overCapacity).isEmpty)
    }

    @Test func splitsAddUpToTheirShownTotals() throws {
        // Thirds of a penny: each dimension and each partner rounds, yet the parts add to the whole.
        let checked = TestPlans.check("""
        plan "Thirds" { years FY22/23; as-of 2022-09-30; confidence-weights { amber 33.3% } }
        partner A "A" { type provider }
        partner B "B" { type provider }
        partner C "C" { type provider }
        area planned "Planned"
        scheme S1 "One" {
          area planned; status scoping; lead A; partners A, B, C
          savings FY22/23 { cash-releasing £100.01; productivity £200.02; cost-growth-avoided £0.05 }
          share { A 33.3%; B 33.3%; C 33.4% }
        }
        """)
        let summary = ProgrammeSummary(checked)
        let year = try #require(summary.savings.first)
        let adjusted = year.riskAdjusted
        #expect(Dimension.allCases.map { adjusted[$0] }.reduce(Exact.zero) { $0.adding($1) } == adjusted.total)
        #expect(year.recurrent.adding(year.nonRecurrent) == year.planned.total)
        let rows = summary.partners.filter { $0.year == 2022 }
        let total = try #require(summary.partnerTotals.first)
        #expect(rows.map(\.riskAdjusted).reduce(Exact.zero) { $0.adding($1) } == total.riskAdjusted)
        #expect(rows.map(\.attributed).reduce(Exact.zero) { $0.adding($1) } == total.attributed)
        for amount in rows.map(\.riskAdjusted) + Dimension.allCases.map({ adjusted[$0] }) {
            #expect(try amount.rounded(places: 2) == amount, "\(amount) is not whole pennies")
        }
    }

    @Test func inYearTakesTheLastYearPastTheHorizonAndNoneBeforeIt() {
        let plan = """
        plan "Edges" { years FY22/23 }
        partner A "A" { type provider }
        area planned "Planned"
        scheme S1 "One" {
          area planned; level organisation; status scoping; lead A
          savings FY22/23 { cash-releasing £120k; actual M1 cash-releasing £10k }
        }
        """
        let after = ProgrammeSummary(TestPlans.check(plan, asOf: Date(year: 2024, month: 1, day: 1)))
        #expect(after.inYear?.year == 2022 && after.inYear?.months == 12)
        #expect(after.inYear?.total.plan == m("£120k"))
        let before = ProgrammeSummary(TestPlans.check(plan, asOf: Date(year: 2022, month: 3, day: 1)))
        #expect(before.inYear == nil)
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        #expect(Date(year: 2022, month: 9, day: 30).adding(days: 90) == Date(year: 2022, month: 12, day: 29))
        #expect(Date(year: 2023, month: 12, day: 31).adding(days: 60) == Date(year: 2024, month: 2, day: 29))
        #expect(Date(year: 2024, month: 3, day: 1).adding(days: -1) == Date(year: 2024, month: 2, day: 29))
        for offset in [0, 1, 365, 1000, -1000] {
            let date = Date(year: 2022, month: 9, day: 30)
            #expect(date.adding(days: offset).dayNumber == date.dayNumber + offset)
        }
    }
}
