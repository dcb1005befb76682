import AccordDiagnostics
import AccordNumbers
import AccordSyntax

/// Evaluates expressions with the kinds-and-units rules of brief §3. Names are resolved by the
/// caller (`names`), which is how local-before-global scoping and declaration order stay out of
/// here. Returns nil after reporting a problem, so one mistake is reported once.
struct Evaluator {
    let file: SourceFile
    /// The values of the (possibly dotted) names in the expression, by their byte range; a name
    /// without one was reported by the caller and has no value.
    let names: [Range<Int>: Value]
    var diagnostics: [Diagnostic] = []

    init(file: SourceFile, names: [Range<Int>: Value]) {
        self.file = file
        self.names = names
    }

    private mutating func report(_ code: DiagnosticCode, _ node: SyntaxNode, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(code, file: file, range: node.trimmedRange, message: message, help: help))
    }

    /// The largest magnitude a literal may have: 10^21 (a thousand billion billion), far above any
    /// real figure. Beyond it a literal is E303 (most likely a slip of the keyboard). Values worked
    /// out from literals are exact and unbounded (`BigInt`), so no valid plan is refused as too large.
    static let limit = Exact.powerOfTen(21)
    /// The most bits a numerator or denominator may grow to (about 2,500 decimal digits):
    /// only a `let` chain squaring itself over and over reaches it, and it keeps such a plan from
    /// hanging the tool.
    static let maximumBits = 8_192

    mutating func evaluate(_ node: SyntaxNode) -> Value? {
        let value = evaluateUnbounded(node)
        if let x = value?.quantity {
            if node.kind == .literal, x.magnitude > Self.limit {
                report(.E303, node, "this value is too large: literals are limited to 10^21 (a thousand billion billion)",
                       help: "check the amount and its unit (k, m, bn)")
                return nil
            }
            if x.bitWidth > Self.maximumBits {
                report(.E303, node, "this value has grown too large to compute exactly (over 2,500 digits)",
                       help: "check for a `let` that multiplies itself again and again")
                return nil
            }
        }
        return value
    }

    private mutating func evaluateUnbounded(_ node: SyntaxNode) -> Value? {
        switch node.kind {
        case .literal:
            return literal(node)
        case .name:
            return names[node.range]
        case .parenthesized:
            guard let inner = node.childNodes.first else { return nil }
            return evaluate(inner)
        case .prefixExpression:
            guard let operand = node.childNodes.first, let value = evaluate(operand) else { return nil }
            let minus = node.childTokens.first { !$0.kind.isTrivia }?.kind == .minus
            switch value {
            case .number(let x): return .number(minus ? x.negated : x)
            case .money(let x): return .money(minus ? x.negated : x)
            case .percent(let x): return .percent(minus ? x.negated : x)
            default:
                report(.E301, node, "cannot put a sign before \(value.kind.shortName)")
                return nil
            }
        case .binaryExpression:
            return binary(node)
        case .sourceFile, .statement, .block, .error:
            return nil
        }
    }

    private mutating func literal(_ node: SyntaxNode) -> Value? {
        guard let token = node.literalToken, !token.isMalformed else { return nil }
        // Quantities are read from the source bytes: most literals are money, and a String each is waste.
        let bytes = token.tree.file.bytes[token.range]
        switch token.kind {
        case .number: return Exact.parseNumber(bytes: bytes).map(Value.number)
        case .money: return Exact.parseMoney(bytes: bytes).map(Value.money)
        case .percent: return Exact.parsePercent(bytes: bytes).map(Value.percent)
        case .date: return LiteralText.date(token.text).map(Value.date)
        case .month: return LiteralText.month(token.text).map(Value.month)
        case .financialYear: return LiteralText.financialYearStart(token.text).map(Value.financialYear)
        case .yearRange: return LiteralText.yearRange(token.text).map { .yearRange($0.first, $0.last) }
        case .string: return .string(LiteralText.unescape(token.text))
        default: return nil
        }
    }

    private mutating func binary(_ node: SyntaxNode) -> Value? {
        let operands = node.childNodes
        guard operands.count == 2, let op = node.childTokens.first(where: { [.plus, .minus, .star, .slash].contains($0.kind) }) else { return nil }
        let left = evaluate(operands[0]), right = evaluate(operands[1])
        guard let left, let right else { return nil }
        do {
            switch op.kind {
            case .plus, .minus:
                let subtract = op.kind == .minus
                switch (left, right) {
                case (.money(let a), .money(let b)): return .money(subtract ? a.subtracting(b) : a.adding(b))
                case (.number(let a), .number(let b)): return .number(subtract ? a.subtracting(b) : a.adding(b))
                case (.percent(let a), .percent(let b)): return .percent(subtract ? a.subtracting(b) : a.adding(b))
                case (.financialYear, .financialYear) where subtract:
                    report(.E301, node, "cannot subtract a financial year from a financial year",
                           help: "write a range of years with `..`: \(operands[0].compactText)..\(operands[1].compactText)")
                    return nil
                default:
                    report(.E301, node, subtract ? "cannot subtract \(right.kind.shortName) from \(left.kind.shortName)"
                                                 : "cannot add \(left.kind.shortName) and \(right.kind.shortName)",
                           help: Self.hint(left, right, operands))
                    return nil
                }
            case .star:
                switch (left, right) {
                case (.money(let a), .number(let b)), (.number(let b), .money(let a)),
                     (.money(let a), .percent(let b)), (.percent(let b), .money(let a)):
                    return .money(a.multiplied(by: b))
                case (.number(let a), .number(let b)), (.number(let a), .percent(let b)), (.percent(let a), .number(let b)):
                    return .number(a.multiplied(by: b))
                case (.percent(let a), .percent(let b)):
                    return .percent(a.multiplied(by: b))
                case (.money, .money):
                    report(.E301, node, "cannot multiply money by money", help: "one side should be a number or a percent, e.g. £120 * 3")
                    return nil
                default:
                    report(.E301, node, "cannot multiply \(left.kind.shortName) by \(right.kind.shortName)")
                    return nil
                }
            case .slash:
                guard let divisor = right.quantity, left.quantity != nil else {
                    report(.E301, node, "cannot divide \(left.kind.shortName) by \(right.kind.shortName)")
                    return nil
                }
                if divisor.isZero {
                    let divisor = operands[1].kind == .literal ? "" : ": `\(operands[1].compactText)` is zero"
                    report(.E302, operands[1], "division by zero\(divisor)", help: "check the value after `/`")
                    return nil
                }
                switch (left, right) {
                case (.money(let a), .money(let b)), (.number(let a), .number(let b)), (.percent(let a), .percent(let b)):
                    return .number(try a.divided(by: b))
                case (.money(let a), .number(let b)), (.money(let a), .percent(let b)):
                    return .money(try a.divided(by: b))
                case (.number(let a), .percent(let b)):
                    return .number(try a.divided(by: b))
                case (.percent(let a), .number(let b)):
                    return .percent(try a.divided(by: b))
                default:
                    report(.E301, node, "cannot divide \(left.kind.shortName) by \(right.kind.shortName)",
                           help: "a number or a percent can divide money, but money cannot divide a number")
                    return nil
                }
            default:
                return nil
            }
        } catch {
            // Division by zero is reported above, before dividing.
            return nil
        }
    }

    /// "did you forget £?" and friends, for mixing kinds; naming the plain number when it is
    /// written out (`£120 + 500`: "write £500").
    static func hint(_ a: Value, _ b: Value, _ operands: [SyntaxNode] = []) -> String? {
        let kinds = Set([a.kind, b.kind])
        let number = zip([a, b], operands).first { $0.0.kind == .number && $0.1.kind == .literal }?.1.compactText
        if kinds == [.money, .number] { return "did you forget £? Write amounts of money as £\(number ?? "120")" }
        if kinds == [.percent, .number] { return "did you forget %? Write percents as \(number ?? "5")%" }
        if kinds == [.money, .percent] { return "to take a share of money, multiply: £1m * 20%" }
        return nil
    }

    /// `31/12/2022` (day/month/year, the British way) as `2022-12-31`, when it is a real date.
    static func isoDate(fromDayMonthYear text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 else { return nil }
        func two(_ part: Substring) -> String { part.count == 1 ? "0" + part : String(part) }
        let iso = "\(parts[2])-\(two(parts[1]))-\(two(parts[0]))"
        return LiteralText.date(iso) == nil ? nil : iso
    }

    /// Checks that a value fits where `expected` is wanted, reporting E301 with a hint if not.
    mutating func expect(_ value: Value?, _ expected: ValueKind, at node: SyntaxNode, for attribute: String) -> Value? {
        guard let value else { return nil }
        if value.fits(expected) { return value }
        var help: String?
        switch (expected, value.kind) {
        case (.money, .number):
            help = node.kind == .literal ? "did you forget £? Write £\(node.compactText)" : "did you forget £? Write amounts of money as £120, or multiply a number by money: 500 * £1k"
        case (.percent, .number):
            help = node.kind == .literal ? "did you forget %? Write \(node.compactText)%" : "did you forget %? Write percents as 5%"
        case (.date, .month): help = "give a whole date, such as 2022-09-30"
        case (.date, .number):
            // `31/12/2022` reads as a division: say how a date is written, with this one's digits.
            help = "write dates as \(Self.isoDate(fromDayMonthYear: node.compactText) ?? "2022-12-31") (year, month, day)"
        case (.number, .percent) where attribute == "capacity" || attribute.hasSuffix(" FTE"):
            let fraction = value.quantity.map { $0.formattedNumber(grouping: false) } ?? "0.6"
            help = "`\(attribute)` is a full-time equivalent, a number from 0 to 1: write \(fraction) for \(node.compactText) of a full-time post"
        case (.month, .date): help = "give a month, such as 2022-09"
        default: break
        }
        report(.E301, node, "`\(attribute)` takes \(expected.description), but this is \(value.kind.description)", help: help)
        return nil
    }
}

extension LiteralText {

    /// The text of a string literal without its quotes, with escapes replaced.
    public static func unescape(_ literal: String) -> String {
        // Quotes and backslashes are ASCII: found in the bytes, which costs a fraction of
        // comparing `Character`s.
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var body = Array(literal.utf8)[...]
        if body.first == quote { body = body.dropFirst() }
        if body.last == quote {
            let before = body.dropLast()
            if before.last != backslash || before.dropLast().last == backslash { body = before }
        }
        // Most strings have no escape: their text is the body as written.
        if !body.contains(backslash) { return String(decoding: body, as: UTF8.self) }
        var out = ""
        var escaping = false
        for c in String(decoding: body, as: UTF8.self) {
            if escaping {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
