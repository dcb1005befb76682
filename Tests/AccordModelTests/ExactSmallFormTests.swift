@testable import AccordNumbers
import AccordPlanGenerator
import Testing

/// `Exact` keeps values that fit in machine words in its small form and falls back to `BigInt`
/// on overflow: these pin the boundaries, the one-form-per-value rule behind `==` and `hash`, and
/// the small arithmetic against the same operations written with `BigInt` only.
@Suite struct ExactSmallFormTests {
    static let max = Int128(Int64.max), min = Int128(Int64.min)

    func isSmall(_ x: Exact) -> Bool {
        if case .small = x.form { return true }
        return false
    }

    /// Reduced, denominator positive, and small exactly when numerator and denominator both fit.
    func isCanonical(_ x: Exact) -> Bool {
        switch x.form {
        case .small(let n, let d):
            return d > 0 && n != .min && BigInt.gcd(n.magnitude, UInt64(d)) == 1
        case .large(let big):
            let fits = big.numerator.intValue != nil && big.denominator.intValue != nil
            return !fits && big.denominator > 0 && BigInt.gcd(big.numerator, big.denominator) == 1
        }
    }

    @Test func theEndsOfTheMachineRange() throws {
        let max = Exact(Int(Int64.max)), min = Exact(Int(Int64.min))
        #expect(isSmall(max) && isSmall(max.negated))
        // Int64.min has no negation in Int64, so it is large, and so is its negation.
        #expect(!isSmall(min) && !isSmall(min.negated))
        #expect(min.negated.description == "9223372036854775808" && min.negated.negated == min)
        #expect(max.negated.subtracting(.one) == min)
        #expect(isSmall(min.adding(.one)) && min.adding(.one) == max.negated)
        // A sum that lands exactly on Int64.min is large; one that halves to fit is small.
        #expect(!isSmall(max.negated.adding(Exact(-1))))
        let halfMin = Exact(Int(Int64.min / 2))
        #expect(halfMin.multiplied(by: Exact(2)) == min && !isSmall(halfMin.multiplied(by: Exact(2))))
        #expect(try halfMin.divided(by: q(1, 2)) == min && halfMin.adding(halfMin) == min)
        let a = try q(-Self.max, 2), b = try q(-1, 2)
        #expect(a.adding(b) == Exact(Int(Int64.min / 2)) && isSmall(a.adding(b)))
        #expect(Exact.sum([a, b]) == Exact(Int(Int64.min / 2)) && isSmall(Exact.sum([a, b])))
        // Reciprocals: 1/Int64.max fits, 1/Int64.min does not.
        #expect(try isSmall(Exact.one.divided(by: max)) && !isSmall(Exact.one.divided(by: min)))
        #expect(try Exact.one.divided(by: min).multiplied(by: min) == .one)
        for x in [max, min, max.negated, try q(1, Self.max), try q(Self.max - 1, Self.max)] {
            #expect(x.bitWidth == Swift.max(x.numerator.bitWidth, x.denominator.bitWidth))
            #expect(isCanonical(x))
        }
    }

    @Test func overflowFallsBackAndShrinksBack() throws {
        let max = Exact(Int(Int64.max))
        let sum = max.adding(.one), product = max.multiplied(by: max), twice = max.multiplied(by: Exact(2))
        #expect(!isSmall(sum) && sum.description == "9223372036854775808")
        #expect(!isSmall(product) && !isSmall(twice))
        #expect(product.description == "85070591730234615847396907784232501249")
        // Results that fit again come back to the small form, equal and hashing as the original.
        for back in [sum.subtracting(.one), try product.divided(by: max), try twice.divided(by: Exact(2))] {
            #expect(isSmall(back) && back == max && back.hashValue == max.hashValue)
        }
        // Denominators overflow too: 1/p + 1/r for large coprime p and r, then back.
        let p = try q(1, Self.max), r = try q(1, Self.max - 1)
        let both = p.adding(r)
        #expect(!isSmall(both) && isSmall(both.subtracting(r)) && both.subtracting(r) == p)
        // Comparison across the ends of the range does not overflow.
        #expect(try q(Self.max - 2, Self.max - 1) < q(Self.max - 1, Self.max))
        #expect(try q(-Self.max, Self.max - 1) < q(-Self.max + 1, Self.max))
        #expect(max < sum && sum.negated < max.negated && !(sum < max))
        // Rounding a value too large to scale in a machine word still rounds half-even.
        #expect(try q(Self.max, 3).decimalString(places: 2) == "3074457345618258602.33")
        #expect(max.decimalString(places: 2) == "9223372036854775807.00")
        #expect(try q(-Self.max, 2).roundedCount(places: 0) == BigInt(-Self.max / 2 - 1))
    }

    @Test func sumsOverOneDenominatorThatOverflow() throws {
        // Two of these numerators already overflow Int64; the sum goes on exactly.
        let big = try q(Self.max, 100)
        let values = [big, big, big.negated, try q(1, 3), big, try q(-1, 3), Exact(Int(Int64.min))]
        let expected = try q(2 * Self.max + 100 * Self.min, 100)
        #expect(Exact.sum(values) == expected)
        #expect(Exact.sum(values) == values.reduce(.zero) { $0.adding($1) })
        #expect(isCanonical(Exact.sum(values)))
        #expect(Exact.sum([Exact]()) == .zero && Exact.sum([big, big.negated]) == .zero)
    }

    @Test func equalValuesHashAlikeWhateverTheRoute() throws {
        let max = Exact(Int(Int64.max))
        let routes = [
            try q(1, 3),
            try Exact.one.divided(by: Exact(3)),
            try Exact(numerator: BigInt(Self.max * 2), denominator: BigInt(Self.max * 6)),
            try max.multiplied(by: max).multiplied(by: q(1, 3)).divided(by: max.multiplied(by: max)),
            Exact.sum([try q(1, 6), try q(1, 12), try q(1, 12)]),
            Exact.parseNumber("0.1")!.adding(try q(7, 30)),
        ]
        for x in routes {
            #expect(x == routes[0] && x.hashValue == routes[0].hashValue && isSmall(x))
        }
        #expect(Set(routes).count == 1)
        let large = max.adding(.one)
        #expect(large != Exact(Int(Int64.max)) && Set([large, max.adding(Exact(1)), Exact(Int(Int64.min)).negated]).count == 1)
    }

    // MARK: Against BigInt-only arithmetic

    /// Integers clustered where the small form changes: near zero, around the ends of Int64 and
    /// beyond them.
    static func integer(_ random: inout SeededRandom) -> Int128 {
        switch random.int(0...5) {
        case 0: Int128(random.int(-1000...1000))
        case 1: Int128(random.int(-1_000_000_000...1_000_000_000))
        case 2: max - Int128(random.int(0...3))
        case 3: min + Int128(random.int(0...3))
        case 4: Int128(Int64(bitPattern: random.next()))
        default: Int128(Int64(bitPattern: random.next())) * Int128(random.int(2...1000))
        }
    }

    static func value(_ random: inout SeededRandom) throws -> Exact {
        // Mostly shared denominators, for the paths that add numerators directly.
        let denominator = random.chance(percent: 60) ? Int128(random.pick([1, 2, 3, 12, 100])) : Int128(integer(&random).magnitude)
        return try q(integer(&random), denominator == 0 ? 7 : denominator)
    }

    static func reference(_ n: BigInt, _ d: BigInt) throws -> Exact { try Exact(numerator: n, denominator: d) }

    /// Half-even to `places` written with `BigInt` alone.
    static func referenceCount(_ x: Exact, places: Int) -> BigInt {
        let (q, r) = (x.numerator * BigInt.powerOfTen(places)).quotientAndRemainder(dividingBy: x.denominator)
        let twice = r.magnitude + r.magnitude
        guard twice > x.denominator || (twice == x.denominator && q.isOdd) else { return q }
        return q + (x.isNegative ? -1 : 1)
    }

    @Test func smallArithmeticMatchesBigInt() throws {
        var random = SeededRandom(seed: 17)
        for _ in 0..<4000 {
            let a = try Self.value(&random), b = try Self.value(&random)
            let (an, ad, bn, bd) = (a.numerator, a.denominator, b.numerator, b.denominator)
            var results = [
                (a.adding(b), try Self.reference(an * bd + bn * ad, ad * bd)),
                (a.subtracting(b), try Self.reference(an * bd - bn * ad, ad * bd)),
                (a.multiplied(by: b), try Self.reference(an * bn, ad * bd)),
                (a.negated, try Self.reference(-an, ad)),
            ]
            if !b.isZero { results.append((try a.divided(by: b), try Self.reference(an * bd, ad * bn))) }
            for (result, expected) in results {
                #expect(result == expected && result.hashValue == expected.hashValue && isCanonical(result), "\(a) \(b)")
            }
            #expect((a < b) == (an * bd < bn * ad), "\(a) < \(b)")
            #expect((a == b) == (an == bn && ad == bd))
            #expect(a.roundedCount(places: 2) == Self.referenceCount(a, places: 2), "\(a)")
            let (integer, fraction) = a.floorParts
            #expect(Exact(integer).adding(fraction) == a && fraction >= .zero && fraction < .one)
            #expect(a.bitWidth == Swift.max(an.bitWidth, ad.bitWidth))
        }
    }

    @Test func sumsMatchBigInt() throws {
        var random = SeededRandom(seed: 1717)
        for _ in 0..<500 {
            var values: [Exact] = []
            for _ in 0..<random.int(0...12) { values.append(try Self.value(&random)) }
            // The same sum as one fraction over the product of the denominators.
            var (n, d) = (BigInt.zero, BigInt.one)
            for x in values { (n, d) = (n * x.denominator + x.numerator * d, d * x.denominator) }
            let sum = Exact.sum(values)
            #expect(sum == (try Self.reference(n, d)) && isCanonical(sum), "\(values)")
        }
    }
}
