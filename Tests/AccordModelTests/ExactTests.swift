@testable import AccordModel
@testable import AccordNumbers
import AccordPlanGenerator
import Testing

/// `n/d` for tests.
func q(_ n: Int128, _ d: Int128 = 1) throws -> Exact { try Exact(numerator: BigInt(n), denominator: BigInt(d)) }

@Suite struct ExactArithmeticTests {
    @Test func reducesToCanonicalForm() throws {
        let x = try q(6, -4)
        #expect(x.numerator == -3 && x.denominator == 2)
        #expect(try q(0, -7) == .zero)
        #expect(try q(0, -7).denominator == 1)
        #expect(try q(10, 100) == q(1, 10))
        #expect(try q(-5, -10) == q(1, 2))
        #expect(try q(Int128.min, 2).numerator == BigInt(Int128.min / 2))
        #expect(Set([try q(2, 4), try q(1, 2), try q(-3, -6)]).count == 1)
    }

    @Test func constructionProblemsAreReported() throws {
        #expect(throws: ArithmeticProblem.divisionByZero) { try q(1, 0) }
        // The ends of the machine range are ordinary values.
        let min = try q(Int128.min, 1), reciprocal = try q(1, Int128.min)
        #expect(min.negated.negated == min)
        #expect(reciprocal.multiplied(by: min) == .one)
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

    @Test func nothingOverflows() throws {
        let max = try q(Int128.max)
        #expect(max.adding(.one).subtracting(.one) == max)
        #expect(max.negated.subtracting(.one).description == "-170141183460469231731687303715884105728")
        #expect(max.multiplied(by: Exact(2)).description == "340282366920938463463374607431768211454")
        #expect(try max.divided(by: q(1, 2)) == max.multiplied(by: Exact(2)))
        #expect(max.adding(max.negated) == .zero)
        // Large coprime denominators add and multiply exactly.
        let p = try q(1, Int128.max), r = try q(1, Int128.max - 1)
        #expect(p.adding(r).subtracting(r) == p)
        #expect(try p.multiplied(by: r).divided(by: r) == p)
    }

    @Test func hugeMoneyStaysExact() throws {
        let huge = try #require(Exact.parseMoney("£999999999999bn"))
        var value = huge
        for _ in 0..<20 { value = value.multiplied(by: Exact(1000)) }
        #expect(value.description == "999999999999" + String(repeating: "0", count: 69))
        #expect(huge.multiplied(by: huge).description == "999999999998000000000001" + String(repeating: "0", count: 18))
    }

    /// Issue 13's third example: amounts with 20-digit denominators add without loss.
    @Test func twentyDigitDenominators() throws {
        let a = Exact.parseMoney("£1m")!.adding(try Exact.one.divided(by: Exact.parseNumber("10000000000000000051")!))
        let b = Exact.parseMoney("£2m")!.adding(try Exact.one.divided(by: Exact.parseNumber("10000000000000000087")!))
        #expect(a.adding(b).decimalString(places: 2) == "3000000.00")
        #expect(a.adding(b).subtracting(b) == a)
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
                      "1e3", "abc", "1 000", "١٢", "£1", "1%"])
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

    @Test func longLiteralsParseExactly() throws {
        let nines = String(repeating: "9", count: 40)
        #expect(Exact.parseNumber(nines)?.description == nines)
        #expect(Exact.parseNumber("0." + String(repeating: "1", count: 39))?.denominator == BigInt.powerOfTen(39))
    }

    @Test func substringsParseToo() {
        let text = "x = £1.2m"
        #expect(Exact.parseMoney(text.split(separator: " ").last!) == Exact(1_200_000))
    }
}
