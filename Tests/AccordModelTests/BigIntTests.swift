@testable import AccordModel
@testable import AccordNumbers
import AccordPlanGenerator
import Testing

/// `BigInt` against a reference written differently: decimal digits in an array, schoolbook
/// arithmetic one digit at a time, long division by repeated subtraction.
@Suite struct BigIntTests {
    /// A decimal integer: sign and digits, least significant first, no leading zeros.
    struct Decimal: Equatable {
        var negative: Bool
        var digits: [Int]

        init(_ text: String) {
            negative = text.hasPrefix("-")
            digits = text.drop { $0 == "-" }.reversed().map { Int(String($0))! }
            normalise()
        }

        init(negative: Bool, digits: [Int]) {
            self.negative = negative
            self.digits = digits
            normalise()
        }

        mutating func normalise() {
            while digits.count > 1, digits.last == 0 { digits.removeLast() }
            if digits.isEmpty { digits = [0] }
            if digits == [0] { negative = false }
        }

        var text: String { (negative ? "-" : "") + digits.reversed().map(String.init).joined() }

        static func compareMagnitude(_ a: [Int], _ b: [Int]) -> Int {
            if a.count != b.count { return a.count < b.count ? -1 : 1 }
            for i in a.indices.reversed() where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            return 0
        }

        static func addMagnitude(_ a: [Int], _ b: [Int]) -> [Int] {
            var out: [Int] = [], carry = 0
            for i in 0..<max(a.count, b.count) {
                let t = (i < a.count ? a[i] : 0) + (i < b.count ? b[i] : 0) + carry
                out.append(t % 10)
                carry = t / 10
            }
            return carry > 0 ? out + [carry] : out
        }

        /// a − b for |a| ≥ |b|.
        static func subtractMagnitude(_ a: [Int], _ b: [Int]) -> [Int] {
            var out: [Int] = [], borrow = 0
            for i in a.indices {
                var t = a[i] - (i < b.count ? b[i] : 0) - borrow
                borrow = t < 0 ? 1 : 0
                if t < 0 { t += 10 }
                out.append(t)
            }
            return out
        }

        static func + (a: Decimal, b: Decimal) -> Decimal {
            if a.negative == b.negative { return Decimal(negative: a.negative, digits: addMagnitude(a.digits, b.digits)) }
            return compareMagnitude(a.digits, b.digits) >= 0
                ? Decimal(negative: a.negative, digits: subtractMagnitude(a.digits, b.digits))
                : Decimal(negative: b.negative, digits: subtractMagnitude(b.digits, a.digits))
        }

        static func - (a: Decimal, b: Decimal) -> Decimal { a + Decimal(negative: !b.negative, digits: b.digits) }

        static func * (a: Decimal, b: Decimal) -> Decimal {
            var out = [Int](repeating: 0, count: a.digits.count + b.digits.count + 1)
            for i in a.digits.indices {
                for j in b.digits.indices { out[i + j] += a.digits[i] * b.digits[j] }
            }
            for k in out.indices.dropLast() {
                out[k + 1] += out[k] / 10
                out[k] %= 10
            }
            return Decimal(negative: a.negative != b.negative, digits: out)
        }

        /// Truncating division: one quotient digit at a time, by repeated subtraction.
        static func divide(_ a: Decimal, _ b: Decimal) -> (Decimal, Decimal) {
            var quotient: [Int] = [], rest: [Int] = [0]
            for digit in a.digits.reversed() {
                rest = Decimal(negative: false, digits: [digit] + rest).digits
                var q = 0
                while compareMagnitude(rest, b.digits) >= 0 {
                    rest = Decimal(negative: false, digits: subtractMagnitude(rest, b.digits)).digits
                    q += 1
                }
                quotient.insert(q, at: 0)
            }
            return (Decimal(negative: a.negative != b.negative, digits: quotient), Decimal(negative: a.negative, digits: rest))
        }
    }

    static func big(_ text: String) -> BigInt {
        let magnitude = Exact.parseNumber(text.drop { $0 == "-" })!.numerator
        return text.hasPrefix("-") ? -magnitude : magnitude
    }

    /// Random integers of up to 60 digits, with runs of nines and zeros that exercise carries,
    /// limb boundaries and the rare corrections of long division.
    static func randomText(_ random: inout SeededRandom) -> String {
        let length = Int.random(in: 1...60, using: &random)
        let style = Int.random(in: 0..<4, using: &random)
        var digits = (0..<length).map { _ in
            switch style {
            case 0: "9"
            case 1: Bool.random(using: &random) ? "0" : "1"
            default: String(Int.random(in: 0...9, using: &random))
            }
        }.joined()
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        return (Bool.random(using: &random) ? "-" : "") + digits
    }

    @Test func agreesWithDecimalSchoolbookArithmetic() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<1_500 {
            let x = Self.randomText(&random), y = Self.randomText(&random)
            let (a, b) = (Self.big(x), Self.big(y))
            let (p, q) = (Decimal(x), Decimal(y))
            #expect(a.description == p.text)
            #expect((a + b).description == (p + q).text, "\(x) + \(y)")
            #expect((a - b).description == (p - q).text, "\(x) - \(y)")
            #expect((a * b).description == (p * q).text, "\(x) * \(y)")
            if !b.isZero {
                let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
                let (dq, dr) = Decimal.divide(p, q)
                #expect(quotient.description == dq.text, "\(x) / \(y)")
                #expect(remainder.description == dr.text, "\(x) % \(y)")
            }
            #expect((a < b) == (a - b).isNegative)
        }
    }

    @Test func gcdDividesBothAndIsTheGreatest() {
        var random = SeededRandom(seed: 31)
        for _ in 0..<300 {
            let common = Self.big(Self.randomText(&random)).magnitude + 1
            let a = Self.big(Self.randomText(&random)) * common, b = Self.big(Self.randomText(&random)) * common
            let g = BigInt.gcd(a, b)
            if a.isZero && b.isZero { #expect(g == 1); continue }
            #expect(a.quotientAndRemainder(dividingBy: g).remainder.isZero && b.quotientAndRemainder(dividingBy: g).remainder.isZero)
            #expect(BigInt.gcd(a / g, b / g) == 1)
        }
    }

    @Test func machineBoundaries() {
        let max = BigInt(Int64.max), min = BigInt(Int64.min)
        #expect((max + 1).description == "9223372036854775808")
        #expect((max + 1) - 1 == max)
        #expect(min.description == "-9223372036854775808")
        #expect(-min == max + 1)
        #expect((min - 1).description == "-9223372036854775809")
        #expect((max * max).description == "85070591730234615847396907784232501249")
        #expect((max * max) / max == max)
        #expect(BigInt(Int128.max).description == "170141183460469231731687303715884105727")
        #expect(BigInt(Int128.min).description == "-170141183460469231731687303715884105728")
        // One representation per value, whichever way it was reached.
        #expect((max + 1) - 2 == BigInt(Int64.max - 1))
        #expect(Set([max + 1 - 1, max]).count == 1)
        #expect(BigInt(-7).quotientAndRemainder(dividingBy: 2) == (-3, -1))
        #expect(BigInt.powerOfTen(40).description == "1" + String(repeating: "0", count: 40))
        // Order between a machine word and a limb value of the same sign.
        #expect(min < -max && !(-max < min) && max < max + 1 && !(max + 1 < max) && -max < 1 && !(1 < min))
    }
}
