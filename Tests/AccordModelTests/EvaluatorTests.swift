@testable import AccordChecks
import AccordDiagnostics
@testable import AccordModel
@testable import AccordNumbers
import AccordSyntax
import Testing

/// The evaluator through the model: small plans held in memory, checked, and their `let`s,
/// savings and metric targets read back (brief §3, "Values, units and the evaluator").
@Suite struct EvaluatorTests {
    let m = TestPlans.money
    let p = TestPlans.percent

    /// A valid plan around `body` (top-level lines), with W407 off so unused `let`s stay quiet.
    static func plan(_ body: String, scheme: String = "") -> CheckedPlan {
        TestPlans.check("""
        plan "Evaluator" {
          years FY22/23..FY23/24
          as-of 2022-09-30
          rules { W407 off }
        }
        partner A "A" { type provider }
        area planned "Planned"
        \(body)
        scheme S1 "One" {
          area planned
          level organisation
          status scoping
          lead A
        \(scheme)
        }
        """)
    }

    static func codes(_ checked: CheckedPlan) -> [DiagnosticCode] { checked.diagnostics.map(\.code) }

    // MARK: The kinds table

    /// A string literal's text: quotes dropped, escapes replaced; text without escapes as written.
    @Test func stringLiteralsUnescape() {
        #expect(LiteralText.unescape(#""Virtual clinic platform live""#) == "Virtual clinic platform live")
        #expect(LiteralText.unescape(#""Café – £5""#) == "Café – £5")
        #expect(LiteralText.unescape(#""a \"b\" c\nd\te\\""#) == "a \"b\" c\nd\te\\")
        #expect(LiteralText.unescape(#""unterminated"#) == "unterminated")
        #expect(LiteralText.unescape(#""ends in \""#) == "ends in \"")
        #expect(LiteralText.unescape(#""""#) == "")
    }

    @Test func allowedOperationsAndTheirKinds() {
        let checked = Self.plan("""
        let money-plus = £100 + £20
        let money-minus = £100 - £20
        let number-plus = 2 + 3
        let percent-plus = 10% + 5%
        let money-times-number = £100 * 3
        let number-times-money = 3 * £100
        let money-times-percent = £100 * 20%
        let percent-times-money = 20% * £100
        let money-over-number = £100 / 8
        let money-over-money = £100 / £25
        let number-times-percent = 200 * 50%
        let percent-times-percent = 50% * 50%
        let minus-money = -£40k
        let minus-percent = -(5%)
        let plus-percent = +5%
        let grouping = (£1m + £200k) * 2 - £400k / 4
        let left-to-right = 100 - 10 - 1
        let date = 2022-09-30
        let year = FY22/23
        """)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.message))")
        let lets = checked.model.lets
        #expect(lets["money-plus"] == .money(m("£120")))
        #expect(lets["money-minus"] == .money(m("£80")))
        #expect(lets["number-plus"] == .number(Exact(5)))
        #expect(lets["percent-plus"] == .percent(p("15%")))
        #expect(lets["money-times-number"] == .money(m("£300")))
        #expect(lets["number-times-money"] == .money(m("£300")))
        #expect(lets["money-times-percent"] == .money(m("£20")))
        #expect(lets["percent-times-money"] == .money(m("£20")))
        #expect(lets["money-over-number"] == .money(m("£12.50")))
        #expect(lets["money-over-money"] == .number(Exact(4)))
        #expect(lets["number-times-percent"] == .number(Exact(100)))
        #expect(lets["percent-times-percent"] == .percent(p("25%")))
        #expect(lets["minus-money"] == .money(m("£40k").negated))
        #expect(lets["minus-percent"] == .percent(p("5%").negated))
        #expect(lets["plus-percent"] == .percent(p("5%")))
        #expect(lets["grouping"] == .money(m("£2.3m")))
        #expect(lets["left-to-right"] == .number(Exact(89)))
        #expect(lets["date"] == .date(Date(year: 2022, month: 9, day: 30)))
        #expect(lets["year"] == .financialYear(2022))
    }

    @Test func exactNotBinaryFloatingPoint() {
        let checked = Self.plan("""
        let tenth = £0.1 + £0.2
        let third = £100 / 3
        let back = third * 3
        """)
        #expect(checked.diagnostics.isEmpty)
        #expect(checked.model.lets["tenth"] == .money(m("£0.3")))
        #expect(checked.model.lets["back"] == .money(m("£100")))
    }

    @Test func mixingMoneyAndNumberIsE301WithAHint() throws {
        let checked = Self.plan("""
        let fu-cost = £120
        let bad-add = fu-cost + 500
        let bad-sub = 500 - £120
        let bad-percent = 5% + 3
        let bad-product = £120 * £3
        let bad-quotient = 3 / £4
        let bad-date = 2022-09-30 + 1
        """)
        #expect(Self.codes(checked) == [.E301, .E301, .E301, .E301, .E301, .E301], "\(checked.diagnostics.map(\.message))")
        let d = checked.diagnostics
        #expect(d[0].message == "cannot add money and a number")
        #expect(d[0].help == "did you forget £? Write amounts of money as £500")
        #expect(d[0].start.line == 9)
        #expect(d[1].message == "cannot subtract money from a number")
        #expect(d[1].help?.hasPrefix("did you forget £?") == true)
        #expect(d[2].message == "cannot add a percent and a number")
        #expect(d[2].help == "did you forget %? Write percents as 3%")
        #expect(d[3].message == "cannot multiply money by money")
        #expect(d[4].message.hasPrefix("cannot divide a number by money"))
        #expect(d[5].message == "cannot add a date and a number")
        // A value that could not be computed is absent, not zero.
        #expect(checked.model.lets["bad-add"] == nil)
    }

    @Test func attributesCheckTheKindTheyTake() {
        let checked = Self.plan("", scheme: """
          savings FY22/23 { cash-releasing 250000 }
          milestone M1 "Go live" { due 2023-03 }
        """)
        #expect(Self.codes(checked) == [.E301, .E301])
        #expect(checked.diagnostics[0].message == "`cash-releasing` takes an amount of money, but this is a number")
        #expect(checked.diagnostics[0].help == "did you forget £? Write £250000")
        #expect(checked.diagnostics[1].message == "`due` takes a date, but this is a month")
    }

    @Test func divisionByZeroIsE302() throws {
        let checked = Self.plan("""
        let none = 0
        let per = £1m / none
        let also = £1m / (£1 - £1)
        let fine = per + £1
        """)
        #expect(Self.codes(checked) == [.E302, .E302], "\(checked.diagnostics.map(\.message))")
        #expect(checked.diagnostics[0].message == "division by zero: `none` is zero")
        #expect(checked.diagnostics[1].message == "division by zero: `(£1-£1)` is zero")
        #expect(checked.diagnostics[0].start.column == 17) // at the divisor
        // One mistake is reported once: `fine` depends on `per` and stays quiet.
        #expect(checked.model.lets["fine"] == nil)
    }

    @Test func workedValuesAreUnbounded() {
        let checked = Self.plan("""
        let huge = £999999999999bn * 1000
        let huger = huge * 1000 * 1000
        """)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.message))")
        #expect(checked.model.lets["huger"] == .money(m("£999999999999bn").multiplied(by: Exact(1_000_000_000))))
    }

    @Test func aLiteralBeyondTheLimitIsE303() {
        let checked = Self.plan("""
        let largest = £999999999999bn
        let beyond = £1000000000001bn
        """)
        #expect(Self.codes(checked) == [.E303])
        #expect(checked.model.lets["largest"] == .money(m("£999999999999bn")))
        #expect(checked.diagnostics.first?.start.line == 9)
        #expect(checked.diagnostics.first?.start.column == 14) // at the literal
    }

    @Test func aRunawayLetChainIsStoppedNotHung() {
        let checked = Self.plan("""
        let a = 100000000000000000000
        let b = a * a * a * a
        let c = b * b * b * b
        let d = c * c * c * c
        let e = d * d
        """)
        #expect(Self.codes(checked) == [.E303])
        #expect(checked.diagnostics.first?.message.contains("grown too large") == true)
    }

    // MARK: Metric targets

    @Test func changeMakesARelativeTarget() throws {
        let checked = Self.plan("""
        let down = S1.fu.target
        let up = S1.growth.target
        let money-target = S1.cost.target
        """, scheme: """
          metric fu "Follow-ups" {
            kind activity
            better lower
            baseline 12000 at 2022-03
            change -33% by 2024-03
          }
          metric growth "Virtual share" {
            kind productivity
            better higher
            baseline 40% at 2022-03
            change +5% by 2024-03
          }
          metric cost "Cost per follow-up" {
            kind productivity
            better lower
            baseline £120 at 2022-03
            target fu.target / 100 * £1
          }
        """)
        #expect(checked.diagnostics.map(\.code).allSatisfy { $0 != .E301 && $0 != .E202 && $0 != .E204 }, "\(checked.diagnostics.map(\.message))")
        #expect(checked.model.lets["down"] == .number(Exact(8040)))          // 12000 × (1 − 33%)
        #expect(checked.model.lets["up"] == .percent(p("42%")))               // 40% × 1.05
        #expect(checked.model.lets["money-target"] == .money(m("£80.40")))
        let fu = try #require(checked.model.scheme("S1")?.metrics.first { $0.name == "fu" })
        #expect(fu.target == Exact(8040))
        #expect(fu.baseline?.value == Exact(12000))
    }

    @Test func aMetricsValuesShareOneKind() {
        let checked = Self.plan("", scheme: """
          metric fu "Follow-ups" {
            kind activity
            better lower
            baseline 12000 at 2022-03
            target £8k by 2024-03
            trajectory { 2023-03 10% }
          }
        """)
        #expect(Self.codes(checked) == [.E301, .E301], "\(checked.diagnostics.map(\.message))")
        #expect(checked.diagnostics[0].message == "this metric's baseline is a number, but this is an amount of money")
    }

    // MARK: Names

    @Test func letCyclesAreE204AtEveryMember() {
        let checked = Self.plan("""
        let a = b + £1
        let b = c * 2
        let c = a - £5
        let d = d
        let e = £1
        """)
        let cycles = checked.diagnostics.filter { $0.code == .E204 }
        #expect(cycles.count == 4)
        #expect(cycles.map(\.message) == [
            "`a` depends on itself: a → b → c → a",
            "`b` depends on itself: b → c → a → b",
            "`c` depends on itself: c → a → b → c",
            "`d` depends on itself: d → d",
        ])
        #expect(Self.codes(checked).allSatisfy { $0 == .E204 })
        #expect(checked.model.lets["e"] == .money(m("£1")))
    }

    @Test func aCycleThatIsNoRingIsNamedAsAWalkThroughEveryMember() {
        let checked = Self.plan("""
        let a = b + c
        let b = a * 2
        let c = a / 2
        """)
        let messages = checked.diagnostics.filter { $0.code == .E204 }.map(\.message)
        #expect(messages.count == 3)
        for (name, message) in zip(["a", "b", "c"], messages) {
            let walk = message.components(separatedBy: ": ").last!.components(separatedBy: " → ")
            #expect(walk.first == name && walk.last == name, "\(message)")
            #expect(Set(walk) == ["a", "b", "c"], "\(message)")
            // Every step is a real dependency: b and c depend only on a.
            for (from, to) in zip(walk, walk.dropFirst()) where from != "a" { #expect(to == "a", "\(message)") }
        }
    }

    @Test func aCycleThroughAMetricTarget() {
        let checked = Self.plan("", scheme: """
          metric fu "Follow-ups" {
            kind activity
            better lower
            baseline fu.target + 1 at 2022-03
            target 8000 by 2024-03
          }
        """)
        #expect(checked.diagnostics.filter { $0.code == .E204 }.map(\.message) == [
            "`S1.fu.baseline` depends on itself: S1.fu.baseline → S1.fu.target → S1.fu.baseline",
            "`S1.fu.target` depends on itself: S1.fu.target → S1.fu.baseline → S1.fu.target",
        ])
    }

    @Test func aSchemesOwnNamesComeBeforeTopLevelOnes() throws {
        let checked = Self.plan("""
        let x = £1
        let top = x
        let reached = S1.x
        scheme S2 "Two" {
          area planned
          level organisation
          status scoping
          lead A
          savings FY22/23 { cash-releasing x }
        }
        """, scheme: """
          let x = £2
          savings FY22/23 { cash-releasing x }
        """)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.message))")
        #expect(checked.model.scheme("S1")?.savings(in: 2022)?.amount(.cashReleasing) == m("£2"))
        #expect(checked.model.scheme("S2")?.savings(in: 2022)?.amount(.cashReleasing) == m("£1"))
        #expect(checked.model.lets["top"] == .money(m("£1")))
        #expect(checked.model.lets["reached"] == .money(m("£2")))
    }

    @Test func referencesMayComeBeforeWhatTheyName() {
        let checked = Self.plan("""
        let total = unit * 12
        let unit = £10k
        """)
        #expect(checked.diagnostics.isEmpty)
        #expect(checked.model.lets["total"] == .money(m("£120k")))
    }

    @Test func unknownAndWrongKindNames() {
        let checked = Self.plan("""
        let fu-cost = £120
        let a = fu-cots * 2
        let b = A * 2
        let c = S1.nothing
        """)
        #expect(Self.codes(checked) == [.E202, .E203, .E202], "\(checked.diagnostics.map(\.message))")
        #expect(checked.diagnostics[0].help == "did you mean `fu-cost`?")
        #expect(checked.diagnostics[1].message == "`A` is a partner, not a value")
    }

    @Test func aLongChainOfLetsEvaluatesWithoutOverflowingTheStack() {
        let count = 10_000
        var lines = ["let v0 = £1"]
        for i in 1..<count { lines.append("let v\(i) = v\(i - 1) + £1") }
        let checked = Self.plan(lines.joined(separator: "\n"))
        #expect(checked.diagnostics.isEmpty)
        #expect(checked.model.lets["v\(count - 1)"] == .money(Exact(count)))
    }

    @Test func aLongCycleIsReportedAndItsMessageStaysShort() {
        let count = 2_000
        var lines: [String] = []
        for i in 0..<count { lines.append("let v\(i) = v\((i + 1) % count) + £1") }
        let checked = Self.plan(lines.joined(separator: "\n"))
        let cycles = checked.diagnostics.filter { $0.code == .E204 }
        #expect(cycles.count == count)
        #expect(cycles.allSatisfy { $0.message.count < 300 })
        #expect(cycles.first?.message.hasPrefix("`v0` depends on itself: v0 → v1 → v2") == true)
    }
}

@Suite struct QuotedPlanTextTests {
    @Test func quotingUndoesUnescaping() {
        for literal in [#""plain""#, #""Go live\nphase 2""#, #""tab\there""#, #""a \"quoted\" word""#, #""back\\slash""#] {
            #expect(LiteralText.quoted(LiteralText.unescape(literal)) == literal)
        }
    }

    /// A title with a line break stays on the diagnostic's one line.
    @Test func aTitleWithALineBreakKeepsTheMessageOnOneLine() {
        let checked = TestPlans.check("""
            plan "Titles" {
              years FY22/23
              as-of 2022-09-30
            }
            partner A "A"
            area ac "Acute"
            scheme S1 "One" {
              area ac
              level organisation
              status scoping
              lead A
              milestone M1 "Go live\\nphase 2" {
                due 2022-06-30
              }
            }
            """)
        let w402 = checked.diagnostics.first { $0.code == .W402 }
        #expect(w402?.message == #"S1.M1 "Go live\nphase 2" due 2022-06-30, not done"#)
    }
}
