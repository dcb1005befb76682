/// Why an exact operation has no result: only division by zero (E302), since values are unbounded.
public enum ArithmeticProblem: Error, Hashable, Sendable {
    case divisionByZero
}

/// An exact rational number: every value the evaluator computes (money, numbers, percents) is one
/// of these, so nothing is rounded until it is shown.
///
/// Invariants: `denominator > 0` and `gcd(|numerator|, denominator) == 1`. Numerator and
/// denominator are `BigInt`s, so no operation overflows: a plan's fractions may grow as they
/// like, and stay in machine integers while they fit. Because the form is canonical, the
/// synthesised `==` and `hash(into:)` are value equality.
public struct Exact: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: BigInt
    public let denominator: BigInt

    public static let zero = Exact(0)
    public static let one = Exact(1)
    public static let hundred = Exact(100)
    public static let half = Exact(reduced: 1, 2)
    public static let quarter = Exact(reduced: 1, 4)
    /// An even phasing's month.
    public static let twelfth = Exact(reduced: 1, 12)

    public init(_ value: Int) {
        numerator = BigInt(value)
        denominator = 1
    }

    public init(_ value: BigInt) {
        numerator = value
        denominator = 1
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
        self.numerator = numerator
        self.denominator = numerator.isZero ? 1 : denominator
    }

    public var isZero: Bool { numerator.isZero }
    public var isNegative: Bool { numerator.isNegative }
    public var isInteger: Bool { denominator == 1 }
    /// -1, 0 or 1.
    public var sign: Int { numerator.signum }
    public var negated: Exact { Exact(reduced: -numerator, denominator) }
    public var magnitude: Exact { isNegative ? negated : self }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    // MARK: Arithmetic

    public func adding(_ other: Exact) -> Exact {
        if denominator == other.denominator {
            // Amounts in pennies share a denominator: only the sum's common factor is left to take out.
            let t = numerator + other.numerator
            let g = BigInt.gcd(t, denominator)
            return Exact(reduced: t / g, denominator / g)
        }
        // Knuth's form: divide the denominators by their gcd first, so a sum of amounts in pennies
        // keeps a denominator of 100 instead of growing to 100 × 100.
        let g = BigInt.gcd(denominator, other.denominator)
        let b = denominator / g, d = other.denominator / g
        let t = numerator * d + other.numerator * b
        let g2 = BigInt.gcd(t, g)
        return Exact(reduced: t / g2, b * (other.denominator / g2))
    }

    public func subtracting(_ other: Exact) -> Exact { adding(other.negated) }

    public func multiplied(by other: Exact) -> Exact {
        // Cancel across first (a/b × c/d = (a/g1 × c/g2) / (b/g2 × d/g1)): the result is then
        // already reduced and the products are as small as they can be.
        let g1 = BigInt.gcd(numerator, other.denominator)
        let g2 = BigInt.gcd(other.numerator, denominator)
        return Exact(reduced: (numerator / g1) * (other.numerator / g2), (denominator / g2) * (other.denominator / g1))
    }

    public func divided(by other: Exact) throws(ArithmeticProblem) -> Exact {
        // The reciprocal is canonical too: swap, moving the sign to the numerator.
        guard let quotient = dividedUnlessZero(by: other) else { throw .divisionByZero }
        return quotient
    }

    /// `self ÷ other`, or nil when `other` is zero (a share of nothing, which is not shown).
    public func dividedUnlessZero(by other: Exact) -> Exact? {
        other.isZero ? nil : multiplied(by: Exact(reduced: other.isNegative ? -other.denominator : other.denominator, other.numerator.magnitude))
    }

    public static func + (a: Exact, b: Exact) -> Exact { a.adding(b) }
    public static func - (a: Exact, b: Exact) -> Exact { a.subtracting(b) }
    public static func * (a: Exact, b: Exact) -> Exact { a.multiplied(by: b) }
    public static prefix func - (a: Exact) -> Exact { a.negated }

    public static func sum(_ values: some Sequence<Exact>) -> Exact {
        values.reduce(.zero, +)
    }

    /// `10^exponent`, for the literal multipliers and for rounding.
    public static func powerOfTen(_ exponent: Int) -> Exact {
        let power = BigInt.powerOfTen(abs(exponent))
        return exponent >= 0 ? Exact(reduced: power, 1) : Exact(reduced: 1, power)
    }

    /// The bits of the larger of numerator and denominator: how large a value has grown.
    public var bitWidth: Int { max(numerator.bitWidth, denominator.bitWidth) }

    // MARK: Order

    public static func < (lhs: Exact, rhs: Exact) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
        return lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
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
        numerator = numerator * BigInt.powerOfTen(chunkDigits) + BigInt(chunk)
        return Exact(numerator).multiplied(by: powerOfTen(-places))
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
