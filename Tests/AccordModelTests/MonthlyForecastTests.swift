import AccordDiagnostics
@testable import AccordModel
@testable import AccordNumbers
import Testing

/// Monthly forecasts and compact entry: the forecast outturn's arithmetic, and a month range
/// meaning exactly its single-month lines.
struct MonthlyForecastTests {
    /// One scheme's FY22/23 savings block holding `lines`, as of 2022-09-30 (M1–M6 begun).
    static func plan(_ lines: String, share: String = "") -> String {
        """
        plan "P" { years FY22/23; as-of 2022-09-30 }
        partner A "A"
        partner B "B"
        partner C "C"
        area planned "Planned care"
        scheme S "S" {
          area planned; level organisation; status scoping; lead A
          \(share)
          savings FY22/23 {
            cash-releasing £1.2m
        \(lines)
          }
        }
        """
    }

    static func savings(_ lines: String) -> (YearSavings, [Diagnostic]) {
        let checked = TestPlans.check(plan(lines))
        return (checked.model.schemes[0].savings(in: 2022)!, checked.diagnostics)
    }

    @Test func outturnIsActualsThenForecastsThenThePhasedPlan() {
        // Even phasing: £100k a month. Actuals M1–M3, forecasts M8 and M10; M4–M7, M9, M11, M12 phased.
        let (s, diagnostics) = Self.savings("""
            actual M1..M3 cash-releasing £90k, £95k, £99_999.99
            forecast M8 cash-releasing £120k
            forecast M10 cash-releasing £80k
        """)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))")
        let expected = TestPlans.money("£90k") + TestPlans.money("£95k") + TestPlans.money("£99999.99")
            + TestPlans.money("£120k") + TestPlans.money("£80k") + TestPlans.money("£100k") * Exact(7)
        #expect(s.forecastOutturn(.cashReleasing) == expected)
        #expect(s.forecastOutturn(.cashReleasing) == TestPlans.money("£1184999.99"))
        // No monthly forecast for productivity: its outturn is the plan, as before.
        #expect(s.forecastOutturn(.productivity) == .zero)
    }

    @Test func outturnFollowsAnExplicitPhasingExactly() {
        // A scheme starting in M10: the months before its range are 0%.
        let (s, _) = Self.savings("""
            phasing M10..M12 33.3%, 33.3%, 33.4%
            forecast M12 cash-releasing £0
        """)
        #expect(s.phasing?.prefix(9).allSatisfy(\.isZero) == true)
        // £1.2m × (33.3% + 33.3%) + £0.
        #expect(s.forecastOutturn(.cashReleasing) == TestPlans.money("£799200"))
    }

    @Test func theYearEndFormIsUnchanged() {
        let (s, _) = Self.savings("""
            actual M1 cash-releasing £50k
            forecast cash-releasing £1.1m
        """)
        #expect(s.forecastOutturn(.cashReleasing) == TestPlans.money("£1.1m"))
        #expect(s.monthlyForecasts.isEmpty)
    }

    /// A range means its single lines: the same model and the same diagnostics, each at its value.
    @Test func aRangeExpandsToItsSingleLines() {
        let range = Self.savings("    actual M5..M8 cash-releasing £1, £2, £3, £4\n    forecast M9..M10 cash-releasing £5, £6")
        let single = Self.savings("""
            actual M5 cash-releasing £1
            actual M6 cash-releasing £2
            actual M7 cash-releasing £3
            actual M8 cash-releasing £4
            forecast M9 cash-releasing £5
            forecast M10 cash-releasing £6
        """)
        #expect(range.0.actuals.map(\.month) == single.0.actuals.map(\.month))
        #expect(range.0.actuals.map(\.amount) == single.0.actuals.map(\.amount))
        #expect(range.0.monthlyForecasts.map(\.month) == [9, 10])
        #expect(range.0.forecastOutturn(.cashReleasing) == single.0.forecastOutturn(.cashReleasing))
        // M7 and M8 have not begun: E409 twice either way, each at its own value in the range.
        #expect(range.1.map(\.code) == single.1.map(\.code))
        let e409 = range.1.filter { $0.code == .E409 }
        #expect(e409.count == 2)
        #expect(e409.map { String(decoding: $0.file!.bytes[$0.range], as: UTF8.self) } == ["£3", "£4"])
    }

    @Test func valueCountsAreChecked() {
        let (_, diagnostics) = Self.savings("    actual M1..M3 cash-releasing £1, £2\n    forecast M7..M8 cash-releasing £1, £2, £3")
        let messages = diagnostics.filter { $0.code == .E413 }.map(\.message)
        #expect(messages == ["M1..M3 takes 3 values (one per month) but has 2: 1 missing",
                             "M7..M8 takes 2 values (one per month) but has 3: 1 extra"])
    }

    @Test func shareEvenlyGivesExactThirds() {
        let checked = TestPlans.check(Self.plan("", share: "partners A, B, C; share evenly")
            .replacingOccurrences(of: "level organisation", with: "level system"))
        #expect(checked.diagnostics.filter { $0.severity == .error }.isEmpty, "\(checked.diagnostics.map(\.message))")
        let share = checked.model.schemes[0].share ?? [:]
        #expect(share == ["A": Exact(reduced: 1, 3), "B": Exact(reduced: 1, 3), "C": Exact(reduced: 1, 3)])
        #expect(Exact.sum(share.values) == .one)
    }
}
