import Testing
import AccordPlanGenerator
@testable import AccordModel

/// `n/d` for tests.
func q(_ n: Int128, _ d: Int128 = 1) throws -> Exact { try Exact(numerator: n, denominator: d) }

@Suite struct ExactArithmeticTests {
    @Test func reducesToCanonicalForm() throws {
        let x = try q(6, -4)
        #expect(x.numerator == -3 && x.denominator == 2)
        #expect(try q(0, -7) == .zero)
        #expect(try q(0, -7).denominator == 1)
        #expect(try q(10, 100) == q(1, 10))
        #expect(try q(-5, -10) == q(1, 2))
        #expect(try q(Int128.min, 2).numerator == Int128.min / 2)
        #expect(Set([try q(2, 4), try q(1, 2), try q(-3, -6)]).count == 1)
    }

    @Test func constructionProblemsAreReported() {
        #expect(throws: ArithmeticProblem.divisionByZero) { try q(1, 0) }
        // Int128.min is outside the symmetric range.
        #expect(throws: ArithmeticProblem.overflow) { try q(Int128.min, 1) }
        #expect(throws: ArithmeticProblem.overflow) { try q(1, Int128.min) }
    }

    @Test func identities() throws {
        let samples = [Exact.zero, .one, .hundred, Exact(-7), try q(1, 3), try q(-22, 7), try q(123_456_789, 100),
                       Exact.parseMoney("£1.2m")!, Exact.parsePercent("12.5%")!]
        for a in samples {
            #expect(try a.adding(.zero) == a)
            #expect(try a.multiplied(by: .one) == a)
            #expect(try a.multiplied(by: .zero) == .zero)
            #expect(try a.subtracting(a) == .zero)
            #expect(try a.adding(a.negated) == .zero)
            #expect(a.negated.negated == a)
            if !a.isZero { #expect(try a.divided(by: a) == .one) }
            for b in samples {
                #expect(try a.adding(b) == b.adding(a))
                #expect(try a.multiplied(by: b) == b.multiplied(by: a))
                #expect(try a.subtracting(b) == b.subtracting(a).negated)
                if !b.isZero { #expect(try a.multiplied(by: b).divided(by: b) == a) }
                for c in samples {
                    #expect(try a.adding(b).adding(c) == a.adding(b.adding(c)))
                    #expect(try a.multiplied(by: b.adding(c)) == a.multiplied(by: b).adding(a.multiplied(by: c)))
                }
            }
        }
    }

    @Test func decimalsAreExact() throws {
        let tenth = try q(1, 10)
        #expect(try tenth.adding(q(2, 10)) == q(3, 10))
        #expect(try Exact.sum(Array(repeating: tenth, count: 10)) == .one)
        #expect(try Exact.one.divided(by: Exact(3)).multiplied(by: Exact(3)) == .one)
    }

    @Test func sumsOfManyPenniesStayExact() throws {
        var random = SeededRandom(seed: 42)
        var pennies: Int128 = 0
        var total = Exact.zero
        for _ in 0..<20_000 {
            let count = Int128(Int.random(in: -10_000_000_00...10_000_000_00, using: &random))
            pennies += count
            total = try total.adding(q(count, 100))
            #expect(total.denominator <= 100)
        }
        #expect(total == (try q(pennies, 100)))
    }

    @Test func signs() throws {
        #expect(Exact.zero.isZero && Exact.zero.sign == 0 && !Exact.zero.isNegative)
        #expect(try q(-1, 3).isNegative && q(-1, 3).sign == -1)
        #expect(try q(1, 3).sign == 1 && !q(1, 3).isInteger && Exact(5).isInteger)
        #expect(try q(-5, 2).magnitude == q(5, 2))
        #expect(Exact(-5).description == "-5")
        #expect(try q(-1, 3).description == "-1/3")
    }

    @Test func overflowIsReportedNotTrapped() throws {
        let max = try q(Int128.max)
        #expect(throws: ArithmeticProblem.overflow) { try max.adding(.one) }
        #expect(throws: ArithmeticProblem.overflow) { try max.negated.subtracting(.one) }
        #expect(throws: ArithmeticProblem.overflow) { try max.multiplied(by: Exact(2)) }
        #expect(throws: ArithmeticProblem.overflow) { try max.divided(by: q(1, 2)) }
        #expect(try max.adding(max.negated) == .zero)
        #expect(max.negated.numerator == -Int128.max)
        // Denominators that are large and coprime overflow when added.
        let p = try q(1, Int128.max), r = try q(1, Int128.max - 1)
        #expect(throws: ArithmeticProblem.overflow) { try p.adding(r) }
        #expect(throws: ArithmeticProblem.overflow) { try p.multiplied(by: r) }
    }

    @Test func hugeMoneyOverflowsOnlyWhenItMust() throws {
        let huge = try #require(Exact.parseMoney("£999999999999bn"))
        // 10^24 pounds still fits in Int128 (about 1.7 × 10^38), so this is exact…
        let thousandfold = try huge.multiplied(by: Exact(1000))
        #expect(thousandfold == (try q(999_999_999_999_000_000_000_000)))
        // …and multiplying on reports overflow instead of trapping.
        var value = huge, steps = 0
        let problem = #expect(throws: ArithmeticProblem.self) {
            while true { value = try value.multiplied(by: Exact(1000)); steps += 1 }
        }
        #expect(problem == .overflow)
        #expect(steps == 5)
        #expect(throws: ArithmeticProblem.overflow) { try huge.multiplied(by: huge) }
    }

    @Test func divisionByZeroIsReported() {
        #expect(throws: ArithmeticProblem.divisionByZero) { try Exact.one.divided(by: .zero) }
        #expect(throws: ArithmeticProblem.divisionByZero) { try Exact.zero.divided(by: .zero) }
    }

    @Test func divisionByNegative() throws {
        #expect(try Exact(3).divided(by: Exact(-6)) == q(-1, 2))
        #expect(try q(-2, 3).divided(by: q(-4, 9)) == q(3, 2))
    }

    @Test func comparison() throws {
        #expect(try q(1, 3) < q(1, 2))
        #expect(try q(-1, 2) < q(-1, 3))
        #expect(try q(-1, 2) < .zero)
        #expect(try !(q(2, 4) < q(1, 2)))
        #expect(try [q(3, 2), q(-7, 3), .zero, q(1, 3)].sorted() == [q(-7, 3), .zero, q(1, 3), q(3, 2)])
    }

    @Test func comparisonDoesNotOverflow() throws {
        // Cross-multiplying these overflows Int128; x/(x+1) grows with x.
        let max = Int128.max
        let a = try q(max - 1, max), b = try q(max - 2, max - 1)
        #expect(b < a && !(a < b))
        #expect(a.negated < b.negated)
        #expect(try q(-max) < q(-max + 1, max))
        #expect(try q(max - 1) < q(max))
        #expect(try q(1, max) < q(1, max - 1))
    }
}

@Suite struct LiteralParsingTests {
    @Test(arguments: [
        ("12000", 12000, 1), ("0.6", 3, 5), ("1_000_000", 1_000_000, 1), ("12.5", 25, 2),
        ("0", 0, 1), ("007", 7, 1), ("1_000.000_1", 10_000_001, 10_000), ("0.05", 1, 20),
    ] as [(String, Int128, Int128)])
    func numbers(text: String, n: Int128, d: Int128) throws {
        #expect(Exact.parseNumber(text) == (try q(n, d)))
    }

    @Test(arguments: ["", "1.", ".5", "1..2", "1.2.3", "_1", "1_", "1__0", "1_.5", "1._5", "-1", "+1",
                      "1e3", "abc", "1 000", "١٢", "£1", "1%",
                      String(repeating: "9", count: 40), "0." + String(repeating: "1", count: 39)])
    func numbersThatAreNot(text: String) {
        #expect(Exact.parseNumber(text) == nil)
    }

    @Test(arguments: [
        ("£120", 120, 1), ("£250k", 250_000, 1), ("£1.2m", 1_200_000, 1), ("£1.5bn", 1_500_000_000, 1),
        ("£0k", 0, 1), ("£1_000", 1000, 1), ("£12.34", 1234, 100), ("£0.5", 1, 2), ("£2.675", 107, 40),
        ("£1.25k", 1250, 1), ("£999999999999bn", 999_999_999_999_000_000_000, 1),
    ] as [(String, Int128, Int128)])
    func money(text: String, n: Int128, d: Int128) throws {
        #expect(Exact.parseMoney(text) == (try q(n, d)))
    }

    @Test(arguments: ["120", "£", "£k", "£bn", "£1.2x", "£1K", "£1mm", "£1kbn", "-£40k", "$5", "£ 5", "£1.", "£_1"])
    func moneyThatIsNot(text: String) {
        #expect(Exact.parseMoney(text) == nil)
    }

    @Test(arguments: [
        ("12.5%", 1, 8), ("33%", 33, 100), ("100%", 1, 1), ("0%", 0, 1), ("6.25%", 1, 16), ("150%", 3, 2),
    ] as [(String, Int128, Int128)])
    func percents(text: String, n: Int128, d: Int128) throws {
        #expect(Exact.parsePercent(text) == (try q(n, d)))
    }

    @Test(arguments: ["12.5", "%", "-3%", "12.5%%", "£5%", "5 %"])
    func percentsThatAreNot(text: String) {
        #expect(Exact.parsePercent(text) == nil)
    }

    @Test func substringsParseToo() {
        let text = "x = £1.2m"
        #expect(Exact.parseMoney(text.split(separator: " ").last!) == Exact(1_200_000))
    }
}
