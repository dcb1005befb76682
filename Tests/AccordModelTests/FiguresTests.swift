@testable import AccordFigures
@testable import AccordModel
@testable import AccordNumbers
import Testing

/// Reference figures for the bundled SNEE example, computed by hand from the plan (see
/// examples/snee/EXPECTED.md): attribution by share, risk adjustment by confidence, the control
/// total, envelope gaps and the in-year position.
@Suite struct FiguresTests {
    static let checked = TestPlans.snee()
    static var model: PlanModel { checked.model }
    static let fy2223 = 2022, fy2324 = 2023
    let m = TestPlans.money

    @Test func checksWithExactlyTheThreeExpectedWarnings() {
        let codes = Self.checked.diagnostics.map { "\($0.code.rawValue) \($0.severity)" }
        #expect(codes == ["W401 warning", "W402 warning", "W410 warning"])
        #expect(Self.checked.asOf == Date(year: 2022, month: 9, day: 30), "the plan's own as-of wins over today")
        #expect(Self.checked.sources.files.count == 6)
    }

    /// EXPECTED.md's summary table: programme savings by year and dimension, planned (before
    /// risk adjustment) and risk-adjusted, over every scheme that counts.
    @Test func programmeTotalsByYear() {
        let model = Self.model
        let expected: [(year: Int, planned: [Dimension: String], total: String, riskAdjusted: String)] = [
            (Self.fy2223, [.cashReleasing: "£3.7m", .productivity: "£1425600", .costGrowthAvoided: "£0"], "£5125600", "£3312800"),
            (Self.fy2324, [.cashReleasing: "£3.8m", .productivity: "£0", .costGrowthAvoided: "£800k"], "£4.6m", "£3225000"),
        ]
        for row in expected {
            var total = Exact.zero, adjusted = Exact.zero
            for dimension in Dimension.allCases {
                let amounts = model.schemes.filter(\.counts).map { $0.savings(in: row.year)?.amount(dimension) ?? .zero }
                let sum = amounts.reduce(Exact.zero) { $0.adding($1) }
                #expect(sum == m(row.planned[dimension]!), "\(row.year) \(dimension)")
                total = total.adding(sum)
                for scheme in model.schemes where scheme.counts {
                    adjusted = adjusted.adding(model.riskAdjusted(scheme.savings(in: row.year)?.amount(dimension) ?? .zero, for: scheme))
                }
            }
            #expect(total == m(row.total), "\(row.year) total")
            #expect(adjusted == m(row.riskAdjusted), "\(row.year) risk-adjusted")
        }
    }

    /// "5 schemes: 1 scoping, 2 delivery, 1 refresh, 1 closed. Non-recurrent: £800,000 in FY22/23 (SE-02)."
    @Test func schemesByStatusAndNonRecurrentSavings() {
        let model = Self.model
        let byStatus = Dictionary(grouping: model.schemes.compactMap(\.status), by: { $0 }).mapValues(\.count)
        #expect(byStatus == [.scoping: 1, .delivery: 2, .refresh: 1, .closed: 1])
        let nonRecurrent = model.schemes.filter { !$0.recurrent }
        #expect(nonRecurrent.map(\.name) == ["SE-02"])
        let amounts = Dimension.allCases.map { nonRecurrent[0].savings(in: Self.fy2223)?.amount($0) ?? .zero }
        #expect(amounts.reduce(Exact.zero) { $0.adding($1) } == m("£800k"))
    }

    /// EXPECTED.md's `accord eval --scenario downside`: term aic-op, FY22/23, from the plan itself.
    @Test func downsideScenarioOfTheSneePlan() throws {
        let model = Self.model
        let term = try #require(model.riskShares.first { $0.name == "aic-op" })
        let downside = try #require(model.scenarios.first { $0.name == "downside" })
        let evaluation = try model.evaluate(term, year: Self.fy2223, scenario: downside)
        #expect(evaluation.planned == m("£1m"))
        #expect(evaluation.delivered == m("£300k"))
        #expect(evaluation.variance == m("£700k").negated)
        let allocation = try #require(evaluation.allocation)
        #expect(allocation.final.map(\.description) == ["ESNEFT 400000", "IESCCG 180000", "NEECCG 120000"])
        #expect(allocation.unallocated == .zero)
    }

    @Test func productivityLineOfSE05() throws {
        // (12000 − 12000 × (1 − 33%)) × £120 × 3 = (12000 − 8040) × £360 = £1,425,600.
        let se05 = try #require(Self.model.scheme("SE-05"))
        #expect(se05.savings(in: Self.fy2223)?.amount(.productivity) == m("£1425600"))
        let metric = try #require(se05.metrics.first { $0.name == "fu-f2f" })
        #expect(metric.target == Exact(8040))
        #expect(metric.change == TestPlans.percent("33%").negated)
    }

    @Test func attributionByShare() throws {
        let se05 = try #require(Self.model.scheme("SE-05"))
        // £1.0m cash-releasing split 70 / 20 / 10.
        #expect(Self.model.attribution(of: se05, year: Self.fy2223, dimension: .cashReleasing)
                == ["ESNEFT": m("£700k"), "IESCCG": m("£200k"), "NEECCG": m("£100k")])
        // £1,425,600 productivity split the same way.
        #expect(Self.model.attribution(of: se05, year: Self.fy2223, dimension: .productivity)
                == ["ESNEFT": m("£997920"), "IESCCG": m("£285120"), "NEECCG": m("£142560")])
        // Cost growth avoided is system-level: never attributed.
        #expect(Self.model.attribution(of: se05, year: Self.fy2324, dimension: .costGrowthAvoided).isEmpty)
        // A one-partner scheme attributes everything to its partner.
        let se06 = try #require(Self.model.scheme("SE-06"))
        #expect(Self.model.attribution(of: se06, year: Self.fy2223, dimension: .cashReleasing) == ["IESCCG": m("£400k")])
    }

    @Test func riskAdjustmentByConfidence() throws {
        let model = Self.model
        let se01 = try #require(model.scheme("SE-01")), se02 = try #require(model.scheme("SE-02")), se05 = try #require(model.scheme("SE-05"))
        #expect(model.riskAdjusted(m("£1.5m"), for: se01) == m("£1.5m"))   // green 100%
        #expect(model.riskAdjusted(m("£1m"), for: se05) == m("£500k"))     // amber 50%
        #expect(model.riskAdjusted(m("£0.8m"), for: se02) == m("£200k"))   // red 25%
    }

    @Test func attributedRiskAdjustedFY2223() {
        // ESNEFT: SE-01 £900k + SE-02 £240k × 25% + SE-05 (£700k + £997,920) × 50% = £1,808,960.
        let expected = ["ESNEFT": "£1808960", "WSFT": "£700000", "IESCCG": "£642560", "NEECCG": "£121280", "EEAST": "£40000", "WSCCG": "£0"]
        for (partner, amount) in expected {
            #expect(Self.model.attributed(to: partner, year: Self.fy2223).riskAdjusted == m(amount), "\(partner)")
        }
        #expect(Self.model.attributed(to: "ESNEFT", year: Self.fy2223).planned == m("£2837920"))
    }

    static func row(_ partner: String, _ year: Int, _ model: PlanModel = model) -> PartnerYear? {
        model.partnerYears(year).rows.first { $0.partner == partner }
    }

    @Test func controlTotalView() {
        // EEAST counts at 0%: its £40,000 stays outside the system control total.
        #expect(Self.row("EEAST", Self.fy2223)?.controlTotalRiskAdjusted == .zero)
        #expect(Self.row("EEAST", Self.fy2223)?.controlTotal == .zero)
        #expect(Self.model.attributed(to: "EEAST", year: Self.fy2223).planned == m("£160k"))
        #expect(Self.row("ESNEFT", Self.fy2223)?.controlTotalRiskAdjusted == m("£1808960"))
    }

    @Test func envelopeGaps() throws {
        // FY23/24: SE-01 £2.0m × 60% + SE-05 £1.5m × 70% × 50% = £1,725,000 against £2.0m.
        let short = try #require(Self.row("ESNEFT", Self.fy2324))
        #expect(short.envelope == m("£2m"))
        #expect(short.gap == m("£275k"))
        // Covered: a negative gap.
        #expect(Self.row("ESNEFT", Self.fy2223)?.gap == m("£8960").negated)
        #expect(Self.row("WSFT", Self.fy2223)?.gap == .zero)
        #expect(Self.row("IESCCG", Self.fy2223)?.gap == m("£142560").negated)
        // No line, no envelope.
        #expect(Self.row("IESCCG", Self.fy2324)?.envelope == nil)
        #expect(Self.row("NEECCG", Self.fy2223)?.envelope == nil)
        let w401 = Self.checked.diagnostics.filter { $0.code == .W401 }
        #expect(w401.map(\.message) == ["ESNEFT FY23/24: attributed risk-adjusted savings £1,725,000 against an envelope of £2,000,000, short by £275,000"])
        #expect(w401.first?.start.line == 84)
    }

    @Test func inYearPositionOfSE01() throws {
        let se01 = try #require(Self.model.scheme("SE-01"))
        let savings = try #require(se01.savings(in: Self.fy2223))
        #expect(Date.monthsBegun(year: Self.fy2223, asOf: Self.checked.asOf) == 6)
        let position = try #require(Self.model.inYearPosition(savings, .cashReleasing, asOf: Self.checked.asOf))
        #expect(position.months == 6)
        #expect(position.plan == m("£750k"))        // £1.5m × 6/12, even phasing
        #expect(position.actual == m("£700k"))      // 110 + 120 + 115 + 125 + 115 + 115
        #expect(position.variance == m("£50k").negated)    // 6.7% behind: inside the 10% W414 allows
        #expect(position.forecastOutturn == m("£1.5m"))
        #expect(Self.model.inYearPosition(savings, .productivity, asOf: Self.checked.asOf) == nil)
        // SE-05 has no actuals: no position.
        let se05 = try #require(Self.model.scheme("SE-05")?.savings(in: Self.fy2223))
        #expect(Self.model.inYearPosition(se05, .cashReleasing, asOf: Self.checked.asOf) == nil)
    }

    @Test func monthsBegunAtTheEdgesOfAYear() {
        #expect(Date.monthsBegun(year: 2022, asOf: Date(year: 2022, month: 3, day: 31)) == 0)
        #expect(Date.monthsBegun(year: 2022, asOf: Date(year: 2022, month: 4, day: 1)) == 1)
        #expect(Date.monthsBegun(year: 2022, asOf: Date(year: 2023, month: 1, day: 1)) == 10)
        #expect(Date.monthsBegun(year: 2022, asOf: Date(year: 2023, month: 3, day: 31)) == 12)
        #expect(Date.monthsBegun(year: 2022, asOf: Date(year: 2024, month: 6, day: 1)) == 12)
    }

    @Test func explicitPhasingShapesTheYearToDatePlan() throws {
        let checked = TestPlans.check("""
        plan "Phasing" { years FY22/23; as-of 2022-09-30 }
        partner A "A" { type provider }
        area planned "Planned"
        scheme S1 "One" {
          area planned; level organisation; status scoping; lead A
          savings FY22/23 {
            cash-releasing £1.2m
            phasing M1 0%, M2 0%, M3 5%, M4 5%, M5 10%, M6 10%, M7 10%, M8 10%, M9 10%, M10 10%, M11 15%, M12 15%
            actual M3 cash-releasing £60k
            forecast cash-releasing £1m
          }
        }
        """)
        #expect(checked.diagnostics.map(\.code) == [.W414], "\(checked.diagnostics.map(\.message))")
        let savings = try #require(checked.model.scheme("S1")?.savings(in: 2022))
        let position = try #require(checked.model.inYearPosition(savings, .cashReleasing, asOf: checked.asOf))
        #expect(position.plan == m("£360k"))        // £1.2m × 30%
        #expect(position.actual == m("£60k"))
        #expect(position.forecastOutturn == m("£1m"))
    }

    @Test func withdrawnSchemesCountInNoTotal() {
        let checked = TestPlans.check("""
        plan "Withdrawn" { years FY22/23; as-of 2022-09-30 }
        partner A "A" { type provider; control-total 50% }
        person owner "Owner" { partner A }
        area planned "Planned"
        envelope A { FY22/23 £100k }
        scheme S1 "Counts" {
          area planned; level organisation; status closed; lead A; sro owner; confidence green
          approved 2021-04-01 by "Board"; qia signed-off 2021-03-01
          savings FY22/23 { cash-releasing £100k }
        }
        scheme S2 "Withdrawn" {
          area planned; level organisation; status withdrawn; lead A; confidence green
          savings FY22/23 { cash-releasing £900k }
        }
        """)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.message))")
        #expect(checked.model.attributed(to: "A", year: 2022).planned == m("£100k"))
        #expect(Self.row("A", 2022, checked.model)?.controlTotal == m("£50k"))
        #expect(Self.row("A", 2022, checked.model)?.gap == .zero)
    }
}
