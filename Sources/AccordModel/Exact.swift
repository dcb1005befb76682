/// Why an exact operation has no result. The evaluator turns these into diagnostics
/// (`.divisionByZero` is E302, `.overflow` is E303 "value out of range").
public enum ArithmeticProblem: Error, Hashable, Sendable {
    case overflow
    case divisionByZero
}

/// An exact rational number: every value the evaluator computes (money, numbers, percents) is one
/// of these, so nothing is rounded until it is shown.
///
/// Invariants: `denominator > 0`, `gcd(|numerator|, denominator) == 1`, and
/// `numerator != Int128.min`. The last keeps the range symmetric, so negation never overflows and
/// a magnitude always fits back into `Int128`. Because the form is canonical, the synthesised
/// `==` and `hash(into:)` are value equality.
///
/// Operations never trap: anything that does not fit throws `ArithmeticProblem.overflow`.
public struct Exact: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: Int128
    public let denominator: Int128

    public static let zero = Exact(0)
    public static let one = Exact(1)
    public static let hundred = Exact(100)
    public static let half = Exact(reduced: 1, 2)
    public static let quarter = Exact(reduced: 1, 4)

    public init(_ value: Int) {
        // Any Int is far inside Int128, and 1 is already reduced.
        numerator = Int128(value)
        denominator = 1
    }

    /// `numerator / denominator`, reduced; either may be negative.
    public init(numerator: Int128, denominator: Int128) throws(ArithmeticProblem) {
        guard denominator != 0 else { throw .divisionByZero }
        try self.init(negative: (numerator < 0) != (denominator < 0),
                      numerator.magnitude, denominator.magnitude)
    }

    /// From a sign and magnitudes: working in `UInt128` means `Int128.min` needs no special case.
    init(negative: Bool, _ n: UInt128, _ d: UInt128) throws(ArithmeticProblem) {
        let g = Exact.gcd(n, d)
        let (n, d) = (n / g, d / g)
        guard n <= UInt128(Int128.max), d <= UInt128(Int128.max) else { throw .overflow }
        numerator = negative ? -Int128(n) : Int128(n)
        denominator = n == 0 ? 1 : Int128(d)
    }

    /// Only for values already in canonical form.
    init(reduced numerator: Int128, _ denominator: Int128) {
        assert(denominator > 0 && numerator != .min && Exact.gcd(numerator.magnitude, denominator.magnitude) == 1)
        self.numerator = numerator
        self.denominator = denominator
    }

    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }
    public var isInteger: Bool { denominator == 1 }
    /// -1, 0 or 1.
    public var sign: Int { numerator < 0 ? -1 : numerator == 0 ? 0 : 1 }
    /// Never overflows, thanks to the symmetric range.
    public var negated: Exact { Exact(reduced: -numerator, denominator) }
    public var magnitude: Exact { isNegative ? negated : self }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    // MARK: Checked arithmetic

    public func adding(_ other: Exact) throws(ArithmeticProblem) -> Exact {
        // Knuth's form: divide the denominators by their gcd first, so a sum of amounts in pennies
        // keeps a denominator of 100 instead of growing to 100 × 100.
        let g = Exact.gcd(denominator.magnitude, other.denominator.magnitude)
        let b = denominator / Int128(g), d = other.denominator / Int128(g)
        let t = try Exact.add(Exact.multiply(numerator, d), Exact.multiply(other.numerator, b))
        let g2 = Int128(Exact.gcd(t.magnitude, g))
        return try Exact(numerator: t / g2, denominator: Exact.multiply(b, other.denominator / g2))
    }

    public func subtracting(_ other: Exact) throws(ArithmeticProblem) -> Exact {
        try adding(other.negated)
    }

    public func multiplied(by other: Exact) throws(ArithmeticProblem) -> Exact {
        // Cancel across first (a/b × c/d = (a/g1 × c/g2) / (b/g2 × d/g1)): the result is then
        // already reduced and the products are as small as they can be.
        let g1 = Int128(Exact.gcd(numerator.magnitude, other.denominator.magnitude))
        let g2 = Int128(Exact.gcd(other.numerator.magnitude, denominator.magnitude))
        let n = try Exact.multiply(numerator / g1, other.numerator / g2)
        let d = try Exact.multiply(denominator / g2, other.denominator / g1)
        return Exact(reduced: n, d)
    }

    public func divided(by other: Exact) throws(ArithmeticProblem) -> Exact {
        guard !other.isZero else { throw .divisionByZero }
        // The reciprocal is canonical too: swap, moving the sign to the numerator.
        let reciprocal = other.isNegative ? Exact(reduced: -other.denominator, -other.numerator)
            : Exact(reduced: other.denominator, other.numerator)
        return try multiplied(by: reciprocal)
    }

    public static func sum(_ values: some Sequence<Exact>) throws(ArithmeticProblem) -> Exact {
        var total = Exact.zero
        for value in values { total = try total.adding(value) }
        return total
    }

    /// `10^exponent`, for the literal multipliers and for rounding.
    public static func powerOfTen(_ exponent: Int) throws(ArithmeticProblem) -> Exact {
        guard exponent >= 0 else { return try one.divided(by: powerOfTen(-exponent)) }
        var value: Int128 = 1
        for _ in 0..<exponent { value = try multiply(value, 10) }
        return Exact(reduced: value, 1)
    }

    // MARK: Order

    /// Compares `a/b` with `c/d` as `a·d` against `c·b` in 256 bits, so it cannot overflow.
    public static func < (lhs: Exact, rhs: Exact) -> Bool {
        let l = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let r = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (l.high, l.low) < (r.high, r.low)
    }

    // MARK: Helpers

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a  // gcd(0, 0) as 1 so callers can always divide by it
    }

    /// A product or sum outside the symmetric range is an overflow.
    static func multiply(_ a: Int128, _ b: Int128) throws(ArithmeticProblem) -> Int128 {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow, value != .min else { throw .overflow }
        return value
    }

    static func add(_ a: Int128, _ b: Int128) throws(ArithmeticProblem) -> Int128 {
        let (value, overflow) = a.addingReportingOverflow(b)
        guard !overflow, value != .min else { throw .overflow }
        return value
    }
}

// MARK: - Literals

extension Exact {
    /// A number literal as the lexer wrote it: `12000`, `0.6`, `1_000_000`. Returns nil for
    /// anything else (a sign, a second point, a misplaced `_`, too many digits) rather than trap.
    public static func parseNumber(_ text: some StringProtocol) -> Exact? { parseNumber(bytes: Array(text.utf8)[...]) }

    /// `parseNumber` over the literal's bytes in the source, which the evaluator reads without
    /// making a String of every literal.
    static func parseNumber(bytes: ArraySlice<UInt8>) -> Exact? {
        func isDigit(_ i: Int) -> Bool { bytes.indices.contains(i) && (0x30...0x39).contains(bytes[i]) }
        var numerator: Int128 = 0, denominator: Int128 = 1, seenPoint = false
        for i in bytes.indices {
            let c = bytes[i]
            switch c {
            case 0x30...0x39:
                guard let n = try? add(multiply(numerator, 10), Int128(c - 0x30)),
                      let d = try? multiply(denominator, seenPoint ? 10 : 1) else { return nil }
                (numerator, denominator) = (n, d)
            case UInt8(ascii: "_"):
                guard isDigit(i - 1), isDigit(i + 1) else { return nil }
            case UInt8(ascii: "."):
                guard !seenPoint, isDigit(i - 1), isDigit(i + 1) else { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        guard isDigit(bytes.endIndex - 1) else { return nil }
        return try? Exact(numerator: numerator, denominator: denominator)
    }

    /// A money literal in pounds: `£120`, `£250k`, `£1.2m` (1 200 000), `£1.5bn`, `£1_000`.
    /// The sign of `-£40k` is an operator, not part of the literal.
    public static func parseMoney(_ text: some StringProtocol) -> Exact? { parseMoney(bytes: Array(text.utf8)[...]) }

    static func parseMoney(bytes: ArraySlice<UInt8>) -> Exact? {
        // £ is two bytes in UTF-8.
        guard bytes.starts(with: [0xC2, 0xA3]) else { return nil }
        var body = bytes.dropFirst(2)
        var exponent = 0
        if body.last == UInt8(ascii: "k") { body = body.dropLast(); exponent = 3 }
        else if body.last == UInt8(ascii: "m") { body = body.dropLast(); exponent = 6 }
        else if body.last == UInt8(ascii: "n"), body.dropLast().last == UInt8(ascii: "b") { body = body.dropLast(2); exponent = 9 }
        guard let amount = parseNumber(bytes: body), let scale = try? powerOfTen(exponent) else { return nil }
        return try? amount.multiplied(by: scale)
    }

    /// A percent literal as a fraction: `12.5%` is 0.125, `33%` is 0.33.
    public static func parsePercent(_ text: some StringProtocol) -> Exact? { parsePercent(bytes: Array(text.utf8)[...]) }

    static func parsePercent(bytes: ArraySlice<UInt8>) -> Exact? {
        guard bytes.last == UInt8(ascii: "%"), let number = parseNumber(bytes: bytes.dropLast()) else { return nil }
        return try? number.divided(by: hundred)
    }
}
