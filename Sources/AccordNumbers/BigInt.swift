/// An integer of any size, for `Exact`'s numerators and denominators: a plan's fractions
/// (thirds of two-decimal percents of capped bands) can outgrow any fixed width, and no valid
/// plan may be refused as "too large" (LANGUAGE.md "Showing amounts").
///
/// Values that fit in `Int64` (except `Int64.min`, so negation never overflows) are kept there
/// and computed with machine arithmetic; only a result that does not fit moves to sign and
/// magnitude in 32-bit limbs. The form is canonical (a value has exactly one representation), so
/// the synthesised `==` and `hash(into:)` are value equality.
public struct BigInt: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    enum Storage: Hashable, Sendable {
        /// Any value with magnitude up to `Int64.max`.
        case small(Int64)
        /// Every other value: the magnitude's limbs, least significant first, the last non-zero.
        case large(negative: Bool, limbs: [UInt32])
    }

    let storage: Storage

    public static let zero = BigInt(0)
    public static let one = BigInt(1)

    public init(_ value: Int) { self.init(Int64(value)) }
    public init(integerLiteral value: Int64) { self.init(value) }

    public init(_ value: Int64) {
        storage = value == .min ? .large(negative: true, limbs: [0, 0x8000_0000]) : .small(value)
    }

    public init(_ value: Int128) {
        let m = value.magnitude
        self.init(negative: value < 0, limbs: (0..<4).map { UInt32(truncatingIfNeeded: m >> ($0 * 32)) })
    }

    /// From a sign and a magnitude's limbs (high zero limbs allowed), in canonical form.
    init(negative: Bool, limbs: [UInt32]) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        if limbs.count <= 2 {
            let m = limbs.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << ($1.offset * 32) }
            if m <= UInt64(Int64.max) {
                storage = .small(negative ? -Int64(m) : Int64(m))
                return
            }
        }
        storage = .large(negative: negative, limbs: limbs)
    }

    public var isZero: Bool { storage == .small(0) }
    public var isNegative: Bool {
        switch storage {
        case .small(let v): v < 0
        case .large(let negative, _): negative
        }
    }
    /// -1, 0 or 1.
    public var signum: Int { isNegative ? -1 : isZero ? 0 : 1 }
    public var isOdd: Bool {
        switch storage {
        case .small(let v): v & 1 != 0
        case .large(_, let limbs): limbs[0] & 1 != 0
        }
    }
    public var magnitude: BigInt { isNegative ? -self : self }

    /// The value as an `Int`, when it fits.
    public var intValue: Int? {
        if case .small(let v) = storage { return Int(exactly: v) }
        return nil
    }

    /// The magnitude's limbs, least significant first (empty for zero).
    var limbs: [UInt32] {
        switch storage {
        case .small(let v):
            let m = v.magnitude
            return m == 0 ? [] : m >> 32 == 0 ? [UInt32(m)] : [UInt32(truncatingIfNeeded: m), UInt32(m >> 32)]
        case .large(_, let limbs): return limbs
        }
    }

    public var description: String {
        if case .small(let v) = storage { return String(v) }
        // Nine decimal digits at a time: 10^9 fits in one limb.
        var chunks: [UInt32] = [], rest = limbs
        while !rest.isEmpty {
            let (q, r) = BigInt.divide(rest, by: 1_000_000_000)
            chunks.append(r)
            rest = q
        }
        var text = isNegative ? "-" : ""
        for (i, chunk) in chunks.reversed().enumerated() {
            let digits = String(chunk)
            text += (i == 0 ? "" : String(repeating: "0", count: 9 - digits.count)) + digits
        }
        return text
    }

    // MARK: Arithmetic

    public static prefix func - (x: BigInt) -> BigInt {
        switch x.storage {
        case .small(let v): BigInt(v == 0 ? 0 : -v)
        case .large(let negative, let limbs): BigInt(negative: !negative, limbs: limbs)
        }
    }

    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { return BigInt(sum) }
        }
        if a.isNegative == b.isNegative { return BigInt(negative: a.isNegative, limbs: add(a.limbs, b.limbs)) }
        // Opposite signs: the larger magnitude decides the sign.
        let (l, r) = (a.limbs, b.limbs)
        return compare(l, r) >= 0 ? BigInt(negative: a.isNegative, limbs: subtract(l, r))
                                  : BigInt(negative: b.isNegative, limbs: subtract(r, l))
    }

    public static func - (a: BigInt, b: BigInt) -> BigInt { a + -b }

    public static func * (a: BigInt, b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return BigInt(product) }
        }
        return BigInt(negative: a.isNegative != b.isNegative, limbs: multiply(a.limbs, b.limbs))
    }

    /// Truncating division, as `Int`'s: the remainder takes the dividend's sign. The divisor must
    /// not be zero (callers check; dividing by zero is E302, found before any arithmetic).
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        if case .small(let x) = storage, case .small(let y) = divisor.storage {
            // Neither is Int64.min, so this cannot overflow.
            let (q, r) = x.quotientAndRemainder(dividingBy: y)
            return (BigInt(q), BigInt(r))
        }
        let (q, r) = BigInt.divide(limbs, divisor.limbs)
        return (BigInt(negative: isNegative != divisor.isNegative, limbs: q), BigInt(negative: isNegative, limbs: r))
    }

    public static func / (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).quotient }

    /// The greatest common divisor of the magnitudes; `gcd(0, 0)` is 1 so callers can always divide by it.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        var (a, b) = (a.magnitude, b.magnitude)
        while !b.isZero {
            if case .small(let x) = a.storage, case .small(let y) = b.storage {
                // Both are magnitudes, so not negative.
                let g = gcd(UInt64(x), UInt64(y))
                return g == 0 ? .one : BigInt(Int64(g))
            }
            (a, b) = (b, a.quotientAndRemainder(dividingBy: b).remainder)
        }
        return a.isZero ? .one : a
    }

    /// Euclid's algorithm on machine words; `gcd(0, d)` is `d`, `gcd(0, 0)` is 0.
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// `10^exponent` for `exponent >= 0`.
    public static func powerOfTen(_ exponent: Int) -> BigInt {
        var value = BigInt.one, ten = BigInt(10), e = exponent
        while e > 0 {
            if e & 1 == 1 { value = value * ten }
            ten = ten * ten
            e >>= 1
        }
        return value
    }

    public static func < (a: BigInt, b: BigInt) -> Bool {
        if case .small(let x) = a.storage, case .small(let y) = b.storage { return x < y }
        if a.isNegative != b.isNegative { return a.isNegative }
        // Same sign and one small: the large one has the larger magnitude (no limbs needed).
        if case .small = a.storage { return !b.isNegative }
        if case .small = b.storage { return a.isNegative }
        let c = compare(a.limbs, b.limbs)
        return a.isNegative ? c > 0 : c < 0
    }

    /// The bits the magnitude needs: how large a value has grown.
    public var bitWidth: Int {
        let limbs = self.limbs
        guard let top = limbs.last else { return 0 }
        return limbs.count * 32 - top.leadingZeroBitCount
    }

    // MARK: Magnitudes (limbs, least significant first)

    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in a.indices.reversed() where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return 0
    }

    static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = [UInt32](), carry: UInt64 = 0
        result.reserveCapacity(long.count + 1)
        for i in long.indices {
            let sum = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return result
    }

    /// `a - b` for `a >= b`.
    static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = [UInt32](), borrow: Int64 = 0
        result.reserveCapacity(a.count)
        for i in a.indices {
            let difference = Int64(a[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
            result.append(UInt32(truncatingIfNeeded: difference))
            borrow = difference < 0 ? 1 : 0
        }
        return result
    }

    static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var result = [UInt32](repeating: 0, count: a.count + b.count)
        for i in a.indices {
            var carry: UInt64 = 0
            let x = UInt64(a[i])
            for j in b.indices {
                // x × y + two limbs is at most (2³² − 1)² + 2(2³² − 1) = 2⁶⁴ − 1: no overflow.
                let t = x * UInt64(b[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            result[i + b.count] = UInt32(carry)
        }
        return result
    }

    /// Division by one limb: the quotient's limbs and the remainder.
    static func divide(_ a: [UInt32], by d: UInt32) -> ([UInt32], UInt32) {
        var quotient = [UInt32](repeating: 0, count: a.count), rest: UInt64 = 0
        for i in a.indices.reversed() {
            let current = rest << 32 | UInt64(a[i])
            quotient[i] = UInt32(current / UInt64(d))
            rest = current % UInt64(d)
        }
        while quotient.last == 0 { quotient.removeLast() }
        return (quotient, UInt32(rest))
    }

    /// Long division of magnitudes (Knuth's algorithm D, as in Hacker's Delight `divmnu`).
    static func divide(_ u: [UInt32], _ v: [UInt32]) -> (quotient: [UInt32], remainder: [UInt32]) {
        if compare(u, v) < 0 { return ([], u) }
        if v.count == 1 {
            let (q, r) = divide(u, by: v[0])
            return (q, r == 0 ? [] : [r])
        }
        let n = v.count, m = u.count - n
        // Normalise so the divisor's top limb has its high bit set: the trial quotient is then
        // at most two too large.
        let s = v[n - 1].leadingZeroBitCount
        let vn = shiftLeft(v, s)
        var un = shiftLeft(u, s)
        if un.count == u.count { un.append(0) }
        let b: UInt64 = 1 << 32
        var q = [UInt32](repeating: 0, count: m + 1)
        for j in stride(from: m, through: 0, by: -1) {
            let top = UInt64(un[j + n]) << 32 | UInt64(un[j + n - 1])
            var qhat = top / UInt64(vn[n - 1]), rhat = top % UInt64(vn[n - 1])
            while qhat >= b || qhat * UInt64(vn[n - 2]) > (rhat << 32 | UInt64(un[j + n - 2])) {
                qhat -= 1
                rhat += UInt64(vn[n - 1])
                if rhat >= b { break }
            }
            // Multiply and subtract.
            var k: Int64 = 0
            for i in 0..<n {
                let p = qhat * UInt64(vn[i])
                let t = Int64(un[i + j]) - k - Int64(p & 0xFFFF_FFFF)
                un[i + j] = UInt32(truncatingIfNeeded: t)
                k = Int64(p >> 32) - (t >> 32)
            }
            let t = Int64(un[j + n]) - k
            un[j + n] = UInt32(truncatingIfNeeded: t)
            if t < 0 {
                // Subtracted once too often: add the divisor back.
                qhat -= 1
                var carry: UInt64 = 0
                for i in 0..<n {
                    let sum = UInt64(un[i + j]) + UInt64(vn[i]) + carry
                    un[i + j] = UInt32(truncatingIfNeeded: sum)
                    carry = sum >> 32
                }
                un[j + n] = UInt32(truncatingIfNeeded: UInt64(un[j + n]) + carry)
            }
            q[j] = UInt32(qhat)
        }
        while q.last == 0 { q.removeLast() }
        var r = shiftRight(Array(un[0..<n]), s)
        while r.last == 0 { r.removeLast() }
        return (q, r)
    }

    /// Shifts by `s` bits (0 ..< 32) towards the top; the result has one more limb when bits spill.
    static func shiftLeft(_ a: [UInt32], _ s: Int) -> [UInt32] {
        guard s > 0 else { return a }
        var result = [UInt32](), carry: UInt32 = 0
        for limb in a {
            result.append(limb << s | carry)
            carry = limb >> (32 - s)
        }
        if carry != 0 { result.append(carry) }
        return result
    }

    static func shiftRight(_ a: [UInt32], _ s: Int) -> [UInt32] {
        guard s > 0 else { return a }
        var result = a
        for i in a.indices { result[i] = a[i] >> s | (i + 1 < a.count ? a[i + 1] << (32 - s) : 0) }
        return result
    }
}
