import Testing
@testable import AccordModel

/// `PlanModel.evaluate`: planned, delivered and variance per brief §3, before the allocation.
@Suite struct RiskShareEvaluationTests {
    static let plan = """
        plan "P" { years FY22/23..FY23/24; as-of 2022-09-30 }
        partner A "A" { type provider }
        partner B "B" { type provider }
        area x "X"
        scheme S1 "One" {
          area x; status scoping; lead A; partners A, B
          savings FY22/23 { cash-releasing £600k; productivity £200k; cost-growth-avoided £100k }
          savings FY23/24 { cash-releasing £50k }
          share { A 50%; B 50% }
        }
        scheme S2 "Two" {
          area x; status scoping; lead B; level organisation
          savings FY22/23 { cash-releasing £400k }
        }
        scheme S3 "Three" {
          area x; status withdrawn; lead B; level organisation
          savings FY22/23 { cash-releasing £1m }
        }
        risk-share cash "Cash" {
          schemes S1, S2, S3
          shortfall { above A 50%, B 50% }
          gain { above A 100% }
          cap A £100k
        }
        risk-share all "All" {
          schemes S1
          measure total
          years FY22/23
          shortfall { up-to £50k B 100%; above A 100% }
        }
        scenario mixed "Mixed" {
          delivery 80%
          delivery S2 50%
          outturn S1 FY22/23 productivity £20k
        }
        """

    static func evaluation(_ term: String, _ year: Int, _ scenario: String?) throws -> TermEvaluation {
        let checked = TestPlans.check(plan)
        #expect(!checked.hasErrors, "\(checked.diagnostics.filter { $0.severity == .error }.map(\.message))")
        let model = checked.model
        let found = try #require(model.riskShares.first { $0.name == term })
        return try model.evaluate(found, year: year, scenario: scenario.flatMap { name in model.scenarios.first { $0.name == name } })
    }

    @Test func deliveryPerSchemeElseDefaultAndWithdrawnSchemesCountInNoTotal() throws {
        let m = TestPlans.money
        let e = try Self.evaluation("cash", 2022, "mixed")
        #expect(e.schemes.map(\.scheme) == ["S1", "S2", "S3"])
        #expect(e.schemes.map(\.counts) == [true, true, false])
        #expect(e.schemes[0].lines.map(\.source) == [.scenarioDelivery(TestPlans.percent("80%"))])
        #expect(e.schemes[1].lines.map(\.source) == [.schemeDelivery(TestPlans.percent("50%"))])
        #expect(e.schemes[2].lines.isEmpty)
        #expect(e.planned == m("£1m"))
        #expect(e.delivered == m("£680k"))  // 80% of £600k + 50% of £400k
        #expect(e.variance == m("£320k").negated && e.isShortfall)
        #expect(e.caps == ["A": m("£100k")])
        let allocation = try #require(e.allocation)
        #expect(allocation.final.map(\.amount) == [m("£100k"), m("£220k")])
    }

    @Test func anOutturnReplacesOnlyItsOwnDimension() throws {
        let m = TestPlans.money
        let e = try Self.evaluation("all", 2022, "mixed")
        let lines = e.schemes[0].lines
        #expect(lines.map(\.dimension) == [.cashReleasing, .productivity, .costGrowthAvoided])
        #expect(lines.map(\.planned) == [m("£600k"), m("£200k"), m("£100k")])
        #expect(lines.map(\.delivered) == [m("£480k"), m("£20k"), m("£80k")])
        #expect(lines.map(\.source) == [.scenarioDelivery(TestPlans.percent("80%")), .outturn, .scenarioDelivery(TestPlans.percent("80%"))])
        #expect(e.variance == m("£320k").negated)
        // The outturn is for FY22/23 only: the term's own years are FY22/23 alone.
        #expect(TestPlans.check(Self.plan).model.years(of: e.term) == [2022])
    }

    @Test func thePlanAsWrittenHasNoVariance() throws {
        for (term, year) in [("cash", 2022), ("cash", 2023), ("all", 2022)] {
            let e = try Self.evaluation(term, year, nil)
            #expect(e.variance.isZero && e.allocation == nil)
            #expect(e.schemes.flatMap(\.lines).allSatisfy { $0.source == .fullDelivery && $0.delivered == $0.planned })
        }
        // A year with plan figures only for some schemes: the others count as zero.
        let later = try Self.evaluation("cash", 2023, "mixed")
        #expect(later.planned == TestPlans.money("£50k") && later.delivered == TestPlans.money("£40k"))
    }
}
