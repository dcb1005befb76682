/// Why an exact operation has no result: only division by zero (E302), since values are unbounded.
public enum ArithmeticProblem: Error, Hashable, Sendable {
    case divisionByZero
}

/// An exact rational number: every value the evaluator computes (money, numbers, percents) is one
/// of these, so nothing is rounded until it is shown.
///
/// Invariants: `denominator > 0` and `gcd(|numerator|, denominator) == 1`, and a value has exactly
/// one form: `small` when numerator and denominator both fit in `Int64` (the numerator never
/// `Int64.min`, so negation cannot overflow), `large` only otherwise. Nearly every value a plan
/// computes is small, and is copied and computed with machine words, no heap and no reference
/// counting; an operation whose result overflows falls back to `BigInt`, so nothing is ever
/// refused as too large, and a result that fits again comes back to the small form. Because the
/// form is canonical, `==` and `hash(into:)` are value equality.
public struct Exact: Hashable, Comparable, Sendable, CustomStringConvertible {
    enum Form: Sendable {
        case small(numerator: Int64, denominator: Int64)
        case large(Large)
    }

    /// A value too large for `small`, boxed so that `Exact` stays two words and a tag.
    final class Large: Sendable {
        let numerator: BigInt
        let denominator: BigInt

        init(_ numerator: BigInt, _ denominator: BigInt) {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    let form: Form

    public static let zero = Exact(small: 0, 1)
    public static let one = Exact(small: 1, 1)
    public static let hundred = Exact(small: 100, 1)
    public static let half = Exact(small: 1, 2)
    public static let quarter = Exact(small: 1, 4)
    /// An even phasing's month.
    public static let twelfth = Exact(small: 1, 12)

    public init(_ value: Int) {
        self.init(reduced: BigInt(value), 1)
    }

    public init(_ value: BigInt) {
        self.init(reduced: value, 1)
    }

    /// `numerator / denominator`, reduced; either may be negative.
    public init(numerator: BigInt, denominator: BigInt) throws(ArithmeticProblem) {
        guard !denominator.isZero else { throw .divisionByZero }
        let g = BigInt.gcd(numerator, denominator)
        let sign: BigInt = denominator.isNegative ? -1 : 1
        self.init(reduced: sign * numerator / g, sign * denominator / g)
    }

    /// Only for values already in canonical form.
    package init(reduced numerator: BigInt, _ denominator: BigInt) {
        if case .small(let n) = numerator.storage, case .small(let d) = denominator.storage {
            form = .small(numerator: n, denominator: n == 0 ? 1 : d)
        } else {
            form = .large(Large(numerator, denominator))
        }
    }

    /// Only for a canonical small value: `d > 0`, reduced, `n != Int64.min`.
    private init(small n: Int64, _ d: Int64) {
        form = .small(numerator: n, denominator: d)
    }

    /// `n / d` for `d > 0`, reduced; any `n`, `Int64.min` included.
    static func reducing(_ n: Int64, _ d: Int64) -> Exact {
        let g = d == 1 ? 1 : BigInt.gcd(n.magnitude, UInt64(d))
        return fromMagnitude(negative: n < 0, magnitude: n.magnitude / g, d / Int64(g))
    }

    /// A reduced value from a sign and magnitude: small unless the magnitude is `2^63`.
    private static func fromMagnitude(negative: Bool, magnitude: UInt64, _ d: Int64) -> Exact {
        if magnitude <= UInt64(Int64.max) {
            let m = Int64(magnitude)
            return Exact(small: negative ? -m : m, magnitude == 0 ? 1 : d)
        }
        return Exact(reduced: BigInt(negative ? -Int128(magnitude) : Int128(magnitude)), BigInt(d))
    }

    public var numerator: BigInt {
        switch form {
        case .small(let n, _): BigInt(n)
        case .large(let x): x.numerator
        }
    }

    public var denominator: BigInt {
        switch form {
        case .small(_, let d): BigInt(d)
        case .large(let x): x.denominator
        }
    }

    public var isZero: Bool {
        if case .small(0, _) = form { return true }
        return false
    }
    public var isNegative: Bool {
        switch form {
        case .small(let n, _): n < 0
        case .large(let x): x.numerator.isNegative
        }
    }
    public var isInteger: Bool {
        switch form {
        case .small(_, let d): d == 1
        case .large(let x): x.denominator == 1
        }
    }
    /// -1, 0 or 1.
    public var sign: Int {
        switch form {
        case .small(let n, _): Int(n.signum())
        case .large(let x): x.numerator.signum
        }
    }
    public var negated: Exact {
        switch form {
        case .small(let n, let d): Exact(small: -n, d)
        case .large(let x): Exact(reduced: -x.numerator, x.denominator)
        }
    }
    public var magnitude: Exact { isNegative ? negated : self }

    public var description: String {
        switch form {
        case .small(let n, let d): d == 1 ? "\(n)" : "\(n)/\(d)"
        case .large(let x): x.denominator == 1 ? "\(x.numerator)" : "\(x.numerator)/\(x.denominator)"
        }
    }

    // MARK: Equality

    public static func == (a: Exact, b: Exact) -> Bool {
        switch (a.form, b.form) {
        case (.small(let n1, let d1), .small(let n2, let d2)): n1 == n2 && d1 == d2
        case (.large(let x), .large(let y)): x === y || (x.numerator == y.numerator && x.denominator == y.denominator)
        // A value has one form, so a small value never equals a large one.
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch form {
        case .small(let n, let d):
            hasher.combine(n)
            hasher.combine(d)
        case .large(let x):
            hasher.combine(x.numerator)
            hasher.combine(x.denominator)
        }
    }

    // MARK: Arithmetic

    public func adding(_ other: Exact) -> Exact {
        if case .small(let a, let b) = form, case .small(let c, let d) = other.form,
           let sum = Exact.smallSum(a, b, c, d) {
            return sum
        }
        return Exact.largeSum(self, other)
    }

    /// `a/b + c/d` in machine words, or nil when a step overflows.
    private static func smallSum(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Exact? {
        if b == d {
            // Amounts in pennies share a denominator: only the sum's common factor is left to take out.
            let (t, overflow) = a.addingReportingOverflow(c)
            return overflow ? nil : reducing(t, b)
        }
        // Knuth's form, as `largeSum`.
        let g = Int64(BigInt.gcd(UInt64(b), UInt64(d)))
        let b1 = b / g, d1 = d / g
        let (x, o1) = a.multipliedReportingOverflow(by: d1)
        let (y, o2) = c.multipliedReportingOverflow(by: b1)
        guard !o1, !o2 else { return nil }
        let (t, o3) = x.addingReportingOverflow(y)
        guard !o3 else { return nil }
        if t == 0 { return .zero }
        let g2 = Int64(BigInt.gcd(t.magnitude, UInt64(g)))
        let (denominator, o4) = b1.multipliedReportingOverflow(by: d / g2)
        guard !o4 else { return nil }
        return fromMagnitude(negative: t < 0, magnitude: t.magnitude / UInt64(g2), denominator)
    }

    private static func largeSum(_ a: Exact, _ b: Exact) -> Exact {
        let (n1, d1, n2, d2) = (a.numerator, a.denominator, b.numerator, b.denominator)
        if d1 == d2 {
            let t = n1 + n2
            let g = BigInt.gcd(t, d1)
            return Exact(reduced: t / g, d1 / g)
        }
        // Knuth's form: divide the denominators by their gcd first, so a sum of amounts in pennies
        // keeps a denominator of 100 instead of growing to 100 × 100.
        let g = BigInt.gcd(d1, d2)
        let b = d1 / g, d = d2 / g
        let t = n1 * d + n2 * b
        let g2 = BigInt.gcd(t, g)
        return Exact(reduced: t / g2, b * (d2 / g2))
    }

    public func subtracting(_ other: Exact) -> Exact { adding(other.negated) }

    public func multiplied(by other: Exact) -> Exact {
        if case .small(let a, let b) = form, case .small(let c, let d) = other.form {
            if a == 0 || c == 0 { return .zero }
            // Cancel across first (a/b × c/d = (a/g1 × c/g2) / (b/g2 × d/g1)): the result is then
            // already reduced and the products are as small as they can be.
            let g1 = Int64(BigInt.gcd(a.magnitude, UInt64(d))), g2 = Int64(BigInt.gcd(c.magnitude, UInt64(b)))
            let (n, o1) = (a / g1).multipliedReportingOverflow(by: c / g2)
            let (m, o2) = (b / g2).multipliedReportingOverflow(by: d / g1)
            if !o1, !o2, n != .min { return Exact(small: n, m) }
        }
        let (a, b, c, d) = (numerator, denominator, other.numerator, other.denominator)
        let g1 = BigInt.gcd(a, d), g2 = BigInt.gcd(c, b)
        return Exact(reduced: (a / g1) * (c / g2), (b / g2) * (d / g1))
    }

    public func divided(by other: Exact) throws(ArithmeticProblem) -> Exact {
        guard let quotient = dividedUnlessZero(by: other) else { throw .divisionByZero }
        return quotient
    }

    /// `self ÷ other`, or nil when `other` is zero (a share of nothing, which is not shown).
    public func dividedUnlessZero(by other: Exact) -> Exact? {
        if other.isZero { return nil }
        // The reciprocal is canonical too: swap, moving the sign to the numerator.
        switch other.form {
        case .small(let c, let d): return multiplied(by: Exact(small: c < 0 ? -d : d, Int64(c.magnitude)))
        case .large(let x): return multiplied(by: Exact(reduced: x.numerator.isNegative ? -x.denominator : x.denominator, x.numerator.magnitude))
        }
    }

    public static func + (a: Exact, b: Exact) -> Exact { a.adding(b) }
    public static func - (a: Exact, b: Exact) -> Exact { a.subtracting(b) }
    public static func * (a: Exact, b: Exact) -> Exact { a.multiplied(by: b) }
    public static prefix func - (a: Exact) -> Exact { a.negated }

    public static func sum(_ values: some Sequence<Exact>) -> Exact {
        // Small values over the same denominator (amounts in pennies) gather as one machine-word
        // numerator, reduced once when the denominator changes or at the end, not at every step.
        var total = Exact.zero, pending: Int64 = 0, pendingDenominator: Int64 = 1
        for value in values {
            guard case .small(let n, let d) = value.form else {
                total = total.adding(value)
                continue
            }
            if d == pendingDenominator {
                let (t, overflow) = pending.addingReportingOverflow(n)
                if !overflow {
                    pending = t
                    continue
                }
            }
            if pending != 0 { total = total.adding(reducing(pending, pendingDenominator)) }
            (pending, pendingDenominator) = (n, d)
        }
        return pending == 0 ? total : total.adding(reducing(pending, pendingDenominator))
    }

    /// `10^exponent`, for the literal multipliers and for rounding.
    public static func powerOfTen(_ exponent: Int) -> Exact {
        if let power = smallPowerOfTen(abs(exponent)) {
            return exponent >= 0 ? Exact(small: power, 1) : Exact(small: 1, power)
        }
        let power = BigInt.powerOfTen(abs(exponent))
        return exponent >= 0 ? Exact(reduced: power, 1) : Exact(reduced: 1, power)
    }

    /// `10^exponent` when it fits in `Int64` (exponents 0 to 18).
    static func smallPowerOfTen(_ exponent: Int) -> Int64? {
        guard (0...18).contains(exponent) else { return nil }
        var power: Int64 = 1
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    /// The bits of the larger of numerator and denominator: how large a value has grown.
    public var bitWidth: Int {
        switch form {
        case .small(let n, let d): 64 - min(n.magnitude.leadingZeroBitCount, d.leadingZeroBitCount)
        case .large(let x): max(x.numerator.bitWidth, x.denominator.bitWidth)
        }
    }

    // MARK: Order

    public static func < (lhs: Exact, rhs: Exact) -> Bool {
        if case .small(let a, let b) = lhs.form, case .small(let c, let d) = rhs.form {
            if b == d { return a < c }
            // Full-width products cannot overflow; the high words compare signed, the low unsigned.
            let l = a.multipliedFullWidth(by: d), r = c.multipliedFullWidth(by: b)
            return l.high < r.high || (l.high == r.high && l.low < r.low)
        }
        let (a, b, c, d) = (lhs.numerator, lhs.denominator, rhs.numerator, rhs.denominator)
        if b == d { return a < c }
        return a * d < c * b
    }
}

// MARK: - Literals

extension Exact {
    /// A number literal as the lexer wrote it: `12000`, `0.6`, `1_000_000`. Returns nil for
    /// anything else (a sign, a second point, a misplaced `_`, too many digits) rather than trap.
    public static func parseNumber(_ text: some StringProtocol) -> Exact? { parseNumber(bytes: Array(text.utf8)[...]) }

    /// `parseNumber` over the literal's bytes in the source, which the evaluator reads without
    /// making a String of every literal.
    package static func parseNumber(bytes: ArraySlice<UInt8>) -> Exact? {
        func isDigit(_ i: Int) -> Bool { bytes.indices.contains(i) && (0x30...0x39).contains(bytes[i]) }
        // Digits gather in a machine word and move into the BigInt eighteen at a time.
        var numerator = BigInt.zero, chunk: Int64 = 0, chunkDigits = 0, places = 0, seenPoint = false
        for i in bytes.indices {
            let c = bytes[i]
            switch c {
            case 0x30...0x39:
                chunk = chunk * 10 + Int64(c - 0x30)
                chunkDigits += 1
                if seenPoint { places += 1 }
                if chunkDigits == 18 {
                    numerator = numerator * BigInt.powerOfTen(18) + BigInt(chunk)
                    (chunk, chunkDigits) = (0, 0)
                }
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
        // Up to eighteen digits never leave the machine word.
        let whole = numerator.isZero ? Exact(BigInt(chunk)) : Exact(numerator * BigInt.powerOfTen(chunkDigits) + BigInt(chunk))
        return whole.multiplied(by: powerOfTen(-places))
    }

    /// A money literal in pounds: `£120`, `£250k`, `£1.2m` (1 200 000), `£1.5bn`, `£1_000`.
    /// The sign of `-£40k` is an operator, not part of the literal.
    public static func parseMoney(_ text: some StringProtocol) -> Exact? { parseMoney(bytes: Array(text.utf8)[...]) }

    package static func parseMoney(bytes: ArraySlice<UInt8>) -> Exact? {
        // £ is two bytes in UTF-8.
        guard bytes.starts(with: [0xC2, 0xA3]) else { return nil }
        var body = bytes.dropFirst(2)
        var exponent = 0
        if body.last == UInt8(ascii: "k") { body = body.dropLast(); exponent = 3 }
        else if body.last == UInt8(ascii: "m") { body = body.dropLast(); exponent = 6 }
        else if body.last == UInt8(ascii: "n"), body.dropLast().last == UInt8(ascii: "b") { body = body.dropLast(2); exponent = 9 }
        return parseNumber(bytes: body)?.multiplied(by: powerOfTen(exponent))
    }

    /// A percent literal as a fraction: `12.5%` is 0.125, `33%` is 0.33.
    public static func parsePercent(_ text: some StringProtocol) -> Exact? { parsePercent(bytes: Array(text.utf8)[...]) }

    package static func parsePercent(bytes: ArraySlice<UInt8>) -> Exact? {
        guard bytes.last == UInt8(ascii: "%"), let number = parseNumber(bytes: bytes.dropLast()) else { return nil }
        return number.multiplied(by: Exact(reduced: 1, 100))
    }
}
