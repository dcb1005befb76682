// Rounding happens here and only here, when a value is shown (LANGUAGE.md "Showing amounts").
// Pennies are `places: 2` throughout.

extension Exact {
    /// The most decimal places rounding supports: 10^38 is the largest power of ten in `Int128`.
    public static let maximumPlaces = 38

    /// The value rounded half-even to `places` decimals: 0.005 → 0.00, 0.015 → 0.02.
    /// Throws only if the rounded value itself is out of range.
    public func rounded(places: Int) throws(ArithmeticProblem) -> Exact {
        try Exact(numerator: roundedCount(places: places), denominator: Int128(Exact.scale(places)))
    }

    /// The value rounded half-even as a whole count of `10^-places` units: pennies for 2.
    public func roundedCount(places: Int) throws(ArithmeticProblem) -> Int128 {
        let (negative, whole, fraction) = roundedMagnitude(places: places)
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: Exact.scale(places))
        let (count, carry) = scaled.addingReportingOverflow(fraction)
        guard !overflow, !carry, count <= UInt128(Int128.max) else { throw .overflow }
        return negative ? -Int128(count) : Int128(count)
    }

    /// The exact decimal text of the rounded value, for JSON and CSV: "1234.50", "-50000.00".
    /// Never fails, whatever the value.
    public func decimalString(places: Int) -> String {
        let (negative, integer, fraction) = decimalDigits(places: places)
        return (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// The largest-remainder rounding of a partition (a term's allocations, a scheme's
    /// attribution, a year's phasing) so that the shown parts always add to the shown whole:
    ///
    /// 1. the whole is the exact sum of the parts, rounded half-even;
    /// 2. each part is rounded down to `places`;
    /// 3. the units still missing from the whole go one each to the parts with the largest
    ///    remainders, ties to the key that sorts first by bytes (then to the earlier part).
    ///
    /// Every shown part is then within one unit of its exact value, and a part that is already
    /// exact is never changed. Negative amounts are symmetric: when the exact whole is negative
    /// the partition is rounded as its mirror image and negated back, so rounding `-x` always
    /// shows exactly `-(rounding of x)` — a shortfall shows like the equal gain, with the
    /// extra penny going away from zero. Parts of mixed sign are allowed.
    ///
    /// Throws `.overflow` only for values whose rounded form does not fit in `Int128` units.
    public static func roundedPartition(_ parts: [(key: String, value: Exact)], places: Int = 2)
        throws(ArithmeticProblem) -> RoundedPartition
    {
        let exactWhole = try sum(parts.map(\.value))
        if exactWhole.isNegative {
            let mirror = try roundedPartition(parts.map { ($0.key, $0.value.negated) }, places: places)
            return RoundedPartition(whole: mirror.whole.negated, parts: mirror.parts.map(\.negated))
        }
        let perUnit = Int128(scale(places))  // 100 pennies to the pound
        var counts: [Int128] = [], remainders: [Exact] = []
        for part in parts {
            let (count, remainder) = try part.value.multiplied(by: Exact(reduced: perUnit, 1)).floorParts
            counts.append(count)
            remainders.append(remainder)
        }
        let wholeCount = try exactWhole.roundedCount(places: places)
        var missing = wholeCount
        for count in counts { missing = try subtract(missing, count) }
        // missing = round(Σ remainders), and each remainder is in [0, 1): so it lies between 0 and
        // the number of parts with a remainder, and only those can receive a unit.
        assert(missing >= 0 && missing <= Int128(remainders.count { !$0.isZero }))
        // Keys compare as bytes: String's own order would treat canonically equivalent keys as equal.
        let keys = parts.map { Array($0.key.utf8) }
        let order = parts.indices.sorted { i, j in
            if remainders[i] != remainders[j] { return remainders[i] > remainders[j] }
            if keys[i] != keys[j] { return keys[i].lexicographicallyPrecedes(keys[j]) }
            return i < j
        }
        for i in order.prefix(Int(clamping: missing)) { counts[i] += 1 }
        return RoundedPartition(
            whole: try Exact(numerator: wholeCount, denominator: perUnit),
            parts: try counts.map { (count) throws(ArithmeticProblem) in try Exact(numerator: count, denominator: perUnit) })
    }

    // MARK: Helpers

    /// 10^places as an unsigned count; `places` must be in 0...maximumPlaces.
    static func scale(_ places: Int) -> UInt128 {
        precondition((0...maximumPlaces).contains(places), "decimal places must be in 0...\(maximumPlaces)")
        var value: UInt128 = 1
        for _ in 0..<places { value *= 10 }
        return value
    }

    /// The floor and what is left, in [0, 1). Exact and never overflows: Int128's `/` and `%`
    /// truncate towards zero, so a negative remainder moves the quotient down by one.
    var floorParts: (integer: Int128, fraction: Exact) {
        var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        if r < 0 { q -= 1; r += denominator }
        return (q, Exact(reduced: r, r == 0 ? 1 : denominator))
    }

    /// |self| rounded half-even to `places` decimals, split into whole units and the fraction
    /// digits (0 ..< 10^places). Full-width products make this total: it works for every value,
    /// which is why showing an amount can never fail.
    func roundedMagnitude(places: Int) -> (negative: Bool, whole: UInt128, fraction: UInt128) {
        let scale = Exact.scale(places)
        let n = numerator.magnitude, d = denominator.magnitude
        var whole = n / d
        // The remainder is below d, so remainder × scale / d is below scale: the quotient fits.
        let (quotient, rest) = d.dividingFullWidth((n % d).multipliedFullWidth(by: scale))
        var fraction = quotient
        // rest against d/2, compared as rest against d − rest so nothing is doubled.
        let odd = (places == 0 ? whole : fraction) & 1 == 1
        if rest > d - rest || (rest == d - rest && odd) {
            fraction += 1
            if fraction == scale { fraction = 0; whole += 1 }
        }
        return (numerator < 0 && (whole != 0 || fraction != 0), whole, fraction)
    }

    /// The digits of `self × 10^shift` rounded half-even to `places` decimals: a sign (never on
    /// zero, so no "-0.00"), the integer digits and exactly `places` fraction digits. Shifting
    /// by text rather than by multiplying means percents (shift 2) cannot overflow either.
    func decimalDigits(places: Int, shift: Int = 0) -> (negative: Bool, integer: String, fraction: String) {
        let (negative, whole, fraction) = roundedMagnitude(places: places + shift)
        // fraction < 10^width, so its text fits in `width` digits (and is empty for no places).
        let width = places + shift
        let fractionText = width == 0 ? "" : String(fraction)
        let digits = String(repeating: "0", count: width - fractionText.count) + fractionText
        var integer = (whole == 0 ? "" : String(whole)) + digits.prefix(shift)
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        return (negative, integer.isEmpty ? "0" : integer, String(digits.dropFirst(shift)))
    }

    static func subtract(_ a: Int128, _ b: Int128) throws(ArithmeticProblem) -> Int128 {
        let (value, overflow) = a.subtractingReportingOverflow(b)
        guard !overflow, value != .min else { throw .overflow }
        return value
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
