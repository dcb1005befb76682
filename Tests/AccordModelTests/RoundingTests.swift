@testable import AccordModel
@testable import AccordNumbers
import AccordPlanGenerator
import Testing

@Suite struct RoundingTests {
    @Test(arguments: [
        // Half-even: ties go to the even penny; everything else to the nearest.
        ("0.005", "0.00"), ("0.015", "0.02"), ("0.025", "0.02"), ("0.035", "0.04"),
        ("2.675", "2.68"), ("2.665", "2.66"), ("2.6651", "2.67"), ("1.004999", "1.00"),
        ("0.994", "0.99"), ("0.995", "1.00"), ("9.995", "10.00"), ("999.995", "1000.00"),
        ("1234.5", "1234.50"), ("0", "0.00"), ("12", "12.00"),
    ])
    func halfEvenToPennies(text: String, shown: String) throws {
        let value = try #require(Exact.parseNumber(text))
        #expect(value.decimalString(places: 2) == shown)
        let expected = try #require(Exact.parseNumber(shown))
        #expect(try value.rounded(places: 2) == expected)
        // Symmetric for negatives, and never a negative zero.
        let negated = shown == "0.00" ? "0.00" : "-" + shown
        #expect(value.negated.decimalString(places: 2) == negated)
    }

    @Test func fractionsThatAreNotDecimals() throws {
        #expect(try q(1, 3).decimalString(places: 2) == "0.33")
        #expect(try q(2, 3).decimalString(places: 2) == "0.67")
        #expect(try q(-2, 3).decimalString(places: 2) == "-0.67")
        #expect(try q(-1, 300).decimalString(places: 2) == "0.00")
        #expect(try q(1, 3).decimalString(places: 5) == "0.33333")
        #expect(try q(-50_000).decimalString(places: 2) == "-50000.00")
    }

    @Test func wholeUnits() throws {
        for (n, d, shown) in [(1, 2, "0"), (3, 2, "2"), (5, 2, "2"), (7, 2, "4"), (-5, 2, "-2"), (-7, 2, "-4"), (-1, 2, "0")] as [(Int128, Int128, String)] {
            #expect(try q(n, d).decimalString(places: 0) == shown)
        }
        #expect(try q(5, 2).roundedCount(places: 0) == 2)
    }

    @Test func roundedCountIsPennies() throws {
        #expect(try q(123_450, 100).roundedCount(places: 2) == 123_450)
        #expect(try q(-1, 3).roundedCount(places: 2) == -33)
        #expect(try q(1, 200).roundedCount(places: 2) == 0)
        #expect(try q(3, 200).roundedCount(places: 2) == 2)
        #expect(try q(-3, 200).roundedCount(places: 2) == -2)
    }

    @Test func showingNeverFailsEvenWhenCountingWould() throws {
        let max = try q(Int128.max)
        #expect(max.decimalString(places: 2) == "170141183460469231731687303715884105727.00")
        #expect(max.negated.decimalString(places: 2) == "-170141183460469231731687303715884105727.00")
        #expect(try q(Int128.max, Int128.max - 1).decimalString(places: 38).hasPrefix("1.00000000000000000000000000000000000001"))
        #expect(max.roundedCount(places: 2) == BigInt(Int128.max) * 100)
        #expect(max.roundedCount(places: 0) == BigInt(Int128.max))
        #expect(try q(Int128.max - 1, Int128.max).decimalString(places: 2) == "1.00")
    }

    @Test func wideRoundingAgreesWithExactArithmetic() throws {
        // Check roundedCount against floor-and-remainder arithmetic on large random fractions.
        var random = SeededRandom(seed: 7)
        var checked = 0
        for _ in 0..<3_000 {
            let bits = Int.random(in: 1...120, using: &random)
            let n = Int128(truncatingIfNeeded: UInt128(random.next()) << 64 | UInt128(random.next())) >> (127 - bits)
            let d = max(1, Int128((UInt128(random.next()) << 64 | UInt128(random.next())) >> Int.random(in: 1...127, using: &random)))
            let value = try q(n == .min ? 0 : n, d)
            let scaled = value.multiplied(by: .hundred)
            var (count, rest) = scaled.floorParts
            if rest > .half || (rest == .half && count.isOdd) { count = count + 1 }
            #expect(try value.roundedCount(places: 2) == count)
            checked += 1
        }
        #expect(checked > 2_000)
    }

    // MARK: Largest remainder

    func partition(_ parts: [(String, Exact)]) throws -> RoundedPartition {
        try Exact.roundedPartition(parts.map { (key: $0.0, value: $0.1) })
    }

    func pounds(_ text: String) throws -> Exact { try #require(Exact.parseNumber(text)) }

    @Test func thirdsOfAPound() throws {
        let third = try q(1, 3)
        let shown = try partition([("a", third), ("b", third), ("c", third)])
        #expect(shown.whole == .one)
        #expect(try shown.parts == [pounds("0.34"), pounds("0.33"), pounds("0.33")])
    }

    @Test func tiesGoToTheKeyThatSortsFirstByBytes() throws {
        let third = try q(1, 3)
        let shown = try partition([("b", third), ("a", third), ("c", third)])
        #expect(try shown.parts == [pounds("0.33"), pounds("0.34"), pounds("0.33")])
        // Upper case sorts before lower case in bytes.
        let cased = try partition([("a", third), ("Z", third), ("é", third)])
        #expect(try cased.parts == [pounds("0.33"), pounds("0.34"), pounds("0.33")])
        // Order of the input never matters.
        let reversed = try partition([("c", third), ("a", third), ("b", third)])
        #expect(try reversed.parts == [pounds("0.33"), pounds("0.34"), pounds("0.33")])
    }

    @Test func largestRemainderWinsBeforeKeys() throws {
        // 0.333 + 0.333 + 0.334 = 1.00: floors 0.33 each, one penny to the largest remainder (c).
        let shown = try partition([("a", pounds("0.333")), ("b", pounds("0.333")), ("c", pounds("0.334"))])
        #expect(try shown.parts == [pounds("0.33"), pounds("0.33"), pounds("0.34")])
    }

    @Test func exactPartsAreNeverMoved() throws {
        let shown = try partition([("a", pounds("1.50")), ("b", q(1, 3)), ("c", q(2, 3)), ("d", pounds("0.01"))])
        #expect(try shown.whole == pounds("2.51"))
        #expect(try shown.parts == [pounds("1.50"), pounds("0.33"), pounds("0.67"), pounds("0.01")])
    }

    @Test func wholeIsRoundedHalfEven() throws {
        // 0.0025 × 2 = 0.005 → whole 0.00, so both parts show 0.00.
        let down = try partition([("a", pounds("0.0025")), ("b", pounds("0.0025"))])
        #expect(down.whole == .zero && down.parts == [.zero, .zero])
        // 0.0075 × 2 = 0.015 → whole 0.02: each part is 0.0075 → floor 0.00, both get a penny.
        let up = try partition([("a", pounds("0.0075")), ("b", pounds("0.0075"))])
        #expect(try up.whole == pounds("0.02") && up.parts == [pounds("0.01"), pounds("0.01")])
    }

    @Test func negativesMirrorPositives() throws {
        let third = try q(-1, 3)
        let shown = try partition([("a", third), ("b", third), ("c", third)])
        #expect(shown.whole == Exact(-1))
        #expect(try shown.parts == [pounds("0.34").negated, pounds("0.33").negated, pounds("0.33").negated])
        // A tie between halves of a penny: the penny goes away from zero, to the first key.
        let halves = try partition([("b", pounds("0.005").negated), ("a", pounds("0.005").negated)])
        #expect(try halves.whole == pounds("0.01").negated)
        #expect(try halves.parts == [.zero, pounds("0.01").negated])
    }

    @Test func mixedSigns() throws {
        // Whole 1.001 → 1.00; floors 1.00 and -0.01; the missing penny goes to the larger remainder.
        let shown = try partition([("a", pounds("1.005")), ("b", pounds("0.004").negated)])
        #expect(try shown.whole == pounds("1.00"))
        #expect(try shown.parts == [pounds("1.00"), .zero])
    }

    @Test func emptyAndSingle() throws {
        #expect(try partition([]) == RoundedPartition(whole: .zero, parts: []))
        let one = try partition([("a", q(2, 3))])
        #expect(try one.parts == [pounds("0.67")] && one.whole == pounds("0.67"))
    }

    @Test func otherPlaces() throws {
        // A year's phasing as whole percents: 100 / 12 each.
        let months = try (1...12).map { (key: "M\($0 < 10 ? "0" : "")\($0)", value: try q(100, 12)) }
        let shown = try Exact.roundedPartition(months, places: 0)
        #expect(shown.whole == .hundred)
        #expect(shown.parts.filter { $0 == Exact(9) }.count == 4 && shown.parts.filter { $0 == Exact(8) }.count == 8)
        #expect(Array(shown.parts.prefix(4)) == Array(repeating: Exact(9), count: 4))
    }

    @Test func largestRemainderProperties() throws {
        var random = SeededRandom(seed: 2022_09_30)
        let penny = try q(1, 100)
        for round in 0..<5_000 {
            let count = Int.random(in: 1...9, using: &random)
            let mixedSigns = round % 5 == 0
            let parts = try (0..<count).map { i in
                let n = Int128(Int.random(in: (mixedSigns ? -2_000_000_000 : 0)...2_000_000_000, using: &random))
                let d = Int128([1, 2, 3, 7, 100, 1000, 675, 999_983][Int.random(in: 0..<8, using: &random)])
                let key = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(Int.random(in: 0..<26, using: &random))))
                return (key: key + "\(i)", value: try q(round % 2 == 0 ? n : -n, d))
            }
            let shown = try Exact.roundedPartition(parts)
            let exactWhole = try Exact.sum(parts.map(\.value))
            #expect(try shown.whole == exactWhole.rounded(places: 2))
            #expect(try Exact.sum(shown.parts) == shown.whole)
            for (part, value) in zip(shown.parts, parts.map(\.value)) {
                #expect(try part.subtracting(value).magnitude < penny)
                #expect(try part.rounded(places: 2) == part)
            }
            // The mirror image shows exactly the negated parts.
            let mirrored = try Exact.roundedPartition(parts.map { (key: $0.key, value: $0.value.negated) })
            #expect(mirrored.parts == shown.parts.map(\.negated))
            // The order parts are given in never changes what each one shows.
            let reversed = try Exact.roundedPartition(Array(parts.reversed()))
            #expect(Array(reversed.parts.reversed()) == shown.parts)
        }
    }

    @Test func hugePartitionsAreExact() throws {
        let max = try q(Int128.max)
        let shown = try partition([("a", max), ("b", .one)])
        #expect(shown.whole == max.adding(.one))
        #expect(shown.parts == [max, .one])
    }
}

/// LANGUAGE.md's worked risk-share example (term `aic-op`, FY22/23), computed the way the
/// evaluator will: cumulative bands, then the cap with the removed amount shared pro rata.
@Suite struct WorkedRiskShareExampleTests {
    func money(_ text: String) throws -> Exact { try #require(Exact.parseMoney(text)) }
    func percent(_ text: String) throws -> Exact { try #require(Exact.parsePercent(text)) }

    @Test func shortfallBandsCapAndShownAllocations() throws {
        let shortfall = try money("£2.4m").subtracting(money("£1.0m"))
        #expect(try shortfall == money("£1.4m"))

        // Bands are cumulative like tax bands.
        let first = try min(shortfall, money("£250k"))
        let second = try min(shortfall, money("£1m")).subtracting(first)
        let above = try shortfall.subtracting(first).subtracting(second)
        #expect(try first == money("£250k") && second == money("£750k") && above == money("£400k"))

        var esneft = first
        esneft = try esneft.adding(second.multiplied(by: percent("50%"))).adding(above.multiplied(by: percent("25%")))
        var iesccg = try second.multiplied(by: percent("50%")).adding(above.multiplied(by: percent("25%")))
        var wsft = try above.multiplied(by: percent("50%"))
        #expect(try esneft == money("£725k") && iesccg == money("£475k") && wsft == money("£200k"))

        // ESNEFT's cap removes £125k, shared 475 : 200 by what the others already bear.
        let cap = try money("£600k")
        let removed = try esneft.subtracting(cap)
        #expect(try removed == money("£125k"))
        let receivers = try iesccg.adding(wsft)
        let toIesccg = try removed.multiplied(by: iesccg.divided(by: receivers))
        let toWsft = try removed.multiplied(by: wsft.divided(by: receivers))
        #expect(try toIesccg == q(2_375_000, 27))  // 125000 × 475 / 675
        #expect(try toWsft == q(1_000_000, 27))    // 125000 × 200 / 675
        #expect(toIesccg.formattedMoney(alwaysPennies: true) == "£87,962.96")
        #expect(toWsft.formattedMoney(alwaysPennies: true) == "£37,037.04")
        esneft = cap
        iesccg = try iesccg.adding(toIesccg)
        wsft = try wsft.adding(toWsft)
        #expect(try Exact.sum([esneft, iesccg, wsft]) == money("£1.4m"))

        let shown = try Exact.roundedPartition([("ESNEFT", esneft), ("IESCCG", iesccg), ("WSFT", wsft)])
        #expect(shown.parts.map { $0.formattedMoney(alwaysPennies: true) } == ["£600,000.00", "£562,962.96", "£237,037.04"])
        #expect(shown.whole.formattedMoney(alwaysPennies: true) == "£1,400,000.00")
        #expect(shown.parts.map { $0.decimalString(places: 2) } == ["600000.00", "562962.96", "237037.04"])
    }
}
