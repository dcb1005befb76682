// Rounding happens here and only here, when a value is shown (LANGUAGE.md "Showing amounts").
// Pennies are `places: 2` throughout.

extension Exact {
    /// The value rounded half-even to `places` decimals: 0.005 → 0.00, 0.015 → 0.02.
    public func rounded(places: Int) -> Exact {
        Exact(roundedCount(places: places)).multiplied(by: Exact.powerOfTen(-places))
    }

    /// The value rounded half-even as a whole count of `10^-places` units: pennies for 2.
    public func roundedCount(places: Int) -> BigInt {
        if case .small(let n, let d) = form, let power = Exact.smallPowerOfTen(places) {
            let (scaled, overflow) = n.multipliedReportingOverflow(by: power)
            if !overflow {
                // As below, in machine words: |r| < d, so twice it fits in a UInt64; q moves by one
                // only when d > 1, so |q| is at most half of Int64.max.
                var (q, r) = scaled.quotientAndRemainder(dividingBy: d)
                let twice = r.magnitude * 2
                if twice > d.magnitude || (twice == d.magnitude && q & 1 != 0) { q += n < 0 ? -1 : 1 }
                return BigInt(q)
            }
        }
        let scaled = numerator * BigInt.powerOfTen(places)
        var (q, r) = scaled.quotientAndRemainder(dividingBy: denominator)
        // Compare twice the remainder's magnitude with the denominator: above half rounds away
        // from zero, exactly half goes to the even neighbour.
        let twice = r.magnitude + r.magnitude
        if twice > denominator || (twice == denominator && q.isOdd) {
            q = q + (isNegative ? -1 : 1)
        }
        return q
    }

    /// The exact decimal text of the rounded value, for JSON and CSV: "1234.50", "-50000.00".
    /// Never fails, whatever the value.
    public func decimalString(places: Int) -> String {
        let (negative, integer, fraction) = decimalDigits(places: places)
        var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        text += integer
        if !fraction.isEmpty {
            text.append(UInt8(ascii: "."))
            text += fraction
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The largest-remainder rounding of a partition (a term's allocations, a scheme's
    /// attribution, a year's phasing) so that the shown parts always add to the shown whole:
    ///
    /// 1. the whole is the exact sum of the parts, rounded half-even (or `whole`, when the
    ///    partition's whole was itself shown as a part of a larger one);
    /// 2. each part is rounded down to `places`;
    /// 3. the units still missing from the whole go one each to the parts with the largest
    ///    remainders, ties to the key that sorts first by bytes (then to the earlier part).
    ///
    /// Every shown part is then within one unit of its exact value, and a part that is already
    /// exact is never changed. Negative amounts are symmetric: when the exact whole is negative
    /// the partition is rounded as its mirror image and negated back, so rounding `-x` always
    /// shows exactly `-(rounding of x)` — a shortfall shows like the equal gain, with the
    /// extra penny going away from zero. Parts of mixed sign are allowed.
    public static func roundedPartition(_ parts: [(key: String, value: Exact)], places: Int = 2, whole shownWhole: Exact? = nil) -> RoundedPartition {
        let exactWhole = sum(parts.map(\.value))
        if exactWhole.isNegative || (exactWhole.isZero && shownWhole?.isNegative == true) {
            let mirror = roundedPartition(parts.map { ($0.key, $0.value.negated) }, places: places, whole: shownWhole?.negated)
            return RoundedPartition(whole: mirror.whole.negated, parts: mirror.parts.map(\.negated))
        }
        let perUnit = BigInt.powerOfTen(places)  // 100 pennies to the pound
        var counts: [BigInt] = [], remainders: [Exact] = []
        counts.reserveCapacity(parts.count)
        remainders.reserveCapacity(parts.count)
        for part in parts {
            let (count, remainder) = part.value.multiplied(by: Exact(perUnit)).floorParts
            counts.append(count)
            remainders.append(remainder)
        }
        let wholeCount = shownWhole?.roundedCount(places: places) ?? exactWhole.roundedCount(places: places)
        var missing = wholeCount
        for count in counts { missing = missing - count }
        // Keys compare as bytes: String's own order would treat canonically equivalent keys as equal.
        let keys = parts.map { Array($0.key.utf8) }
        let byRemainder = parts.indices.sorted { i, j in
            if remainders[i] != remainders[j] { return remainders[i] > remainders[j] }
            if keys[i] != keys[j] { return keys[i].lexicographicallyPrecedes(keys[j]) }
            return i < j
        }
        // missing = round(Σ remainders) when the whole is this partition's own, so it lies between
        // 0 and the number of parts. A whole handed down by a parent partition is within a unit
        // more or less of that, so the count may need to go round again, or take units back from
        // the smallest remainders first.
        if !parts.isEmpty {
            var i = 0
            while missing > .zero {
                counts[byRemainder[i % parts.count]] = counts[byRemainder[i % parts.count]] + 1
                missing = missing - 1
                i += 1
            }
            i = 0
            while missing < .zero {
                let k = byRemainder[parts.count - 1 - i % parts.count]
                counts[k] = counts[k] - 1
                missing = missing + 1
                i += 1
            }
        }
        let unit = Exact.powerOfTen(-places)
        return RoundedPartition(whole: Exact(wholeCount).multiplied(by: unit), parts: counts.map { Exact($0).multiplied(by: unit) })
    }

    // MARK: Helpers

    /// The floor and what is left, in [0, 1).
    var floorParts: (integer: BigInt, fraction: Exact) {
        if case .small(let n, let d) = form {
            // r ≡ n (mod d), so r/d is reduced; q moves down only when d > 1, so it cannot overflow.
            var (q, r) = n.quotientAndRemainder(dividingBy: d)
            if r < 0 { q -= 1; r += d }
            return (BigInt(q), Exact.reducing(r, d))
        }
        var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        if r.isNegative { q = q - 1; r = r + denominator }
        return (q, Exact(reduced: r, denominator))
    }

    /// The digits of `self × 10^shift` rounded half-even to `places` decimals: a sign (never on
    /// zero, so no "-0.00"), the integer digits and exactly `places` fraction digits, as ASCII
    /// bytes (the formatters assemble their text as bytes, not Characters).
    func decimalDigits(places: Int, shift: Int = 0) -> (negative: Bool, integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>) {
        let count = (shift == 0 ? self : multiplied(by: Exact.powerOfTen(shift))).roundedCount(places: places)
        var padded: [UInt8]
        if let small = count.intValue {
            // Least significant digit first, at least `places + 1` of them, then turned round.
            var rest = small.magnitude
            padded = []
            padded.reserveCapacity(max(20, places + 1))
            repeat {
                padded.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0 || padded.count <= places
            padded.reverse()
        } else {
            let digits = count.magnitude.description.utf8
            padded = [UInt8](repeating: UInt8(ascii: "0"), count: max(0, places + 1 - digits.count))
            padded += digits
        }
        let point = padded.count - places
        return (count.isNegative, padded[..<point], padded[point...])
    }
}

/// Parts of a whole, rounded so that they add up exactly to the rounded whole.
public struct RoundedPartition: Hashable, Sendable {
    /// The exact sum of the parts, rounded half-even.
    public var whole: Exact
    /// The rounded parts, in the order they were given.
    public var parts: [Exact]

    public init(whole: Exact, parts: [Exact]) {
        self.whole = whole
        self.parts = parts
    }
}
