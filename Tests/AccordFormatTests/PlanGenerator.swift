import AccordPlanGenerator
import AccordSyntax

/// Builds random plans that parse without syntax errors, from `Grammar.schemas`: random
/// attributes with plausible arguments, laid out with random spacing, indentation, blank lines,
/// `;` one-liners, wrapped lists and comments in every place a comment may stand. The plans need
/// not pass the structure check (attributes may repeat or be missing); formatting must keep
/// whatever that check says.
struct PlanGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A header piece: a token (or tight group such as `-33%`), or a comma a line may wrap after.
    enum Piece { case word(String), comma }

    struct Statement {
        var pieces: [Piece]
        var block: [Statement]?
    }

    // MARK: Files

    /// One plan file, sometimes with CRLF line endings or a byte-order mark.
    mutating func file() -> String {
        var text = ""
        if random.chance(percent: 30) { text += String(repeating: "\n", count: random.int(1...2)) }
        if random.chance(percent: 50) { text += comment() + "\n" + (random.chance(percent: 50) ? "\n" : "") }
        let statements = block(.file, depth: 0)
        text += layout(statements, depth: 0)
        if random.chance(percent: 30) { text += comment() + (random.chance(percent: 50) ? "\n" : "") }
        if random.chance(percent: 20) { text += String(repeating: "\n", count: random.int(1...3)) }
        if random.chance(percent: 10) { text += "   " }
        if random.chance(percent: 25) { text = text.replacingNewlines(with: "\r\n") }
        if random.chance(percent: 10) { text = "\u{FEFF}" + text }
        return text
    }

    // MARK: Statements from the grammar

    mutating func block(_ kind: BlockKind, depth: Int) -> [Statement] {
        let schema = Grammar.schema(kind)
        let count = kind == .file ? random.int(1...8) : random.int(0...(depth > 1 ? 3 : 5))
        return (0..<count).map { _ in statement(in: schema, depth: depth) }
    }

    mutating func statement(in schema: BlockSchema, depth: Int) -> Statement {
        if let keyed = schema.keyedLine, schema.attributes.isEmpty || random.chance(percent: 50) {
            return Statement(pieces: arguments(keyed.key) + arguments(keyed.value), block: nil)
        }
        let attribute = random.pick(schema.attributes)
        var result = Statement(pieces: [.word(attribute.keyword)] + arguments(attribute.arguments), block: nil)
        if let inner = attribute.block, attribute.blockRequired || random.chance(percent: 60) {
            result.block = block(inner, depth: depth + 1)
        }
        return result
    }

    mutating func arguments(_ pattern: ArgumentPattern) -> [Piece] {
        switch pattern {
        case .value(let kind): return [.word(expression(kind, depth: 0))]
        case .literal(let kind): return [.word(literal(kind))]
        case .name(let kind): return [.word(name(kind))]
        case .months: return [.word(random.chance(percent: 50) ? name(.monthOfYear) : "M\(random.int(1...6))..M\(random.int(6...12))")]
        case .keyword(_, let words): return [.word(random.pick(words))]
        case .word(let word): return [.word(word)]
        case .equals: return [.word("=")]
        case .sequence(let parts): return parts.flatMap { arguments($0) }
        case .optional(let inner): return random.chance(percent: 50) ? arguments(inner) : []
        case .list(let inner):
            var pieces = arguments(inner)
            for _ in 0..<random.int(0...3) { pieces += [.comma] + arguments(inner) }
            return pieces
        }
    }

    // MARK: Values

    mutating func expression(_ kind: ValueKind, depth: Int) -> String {
        // Money sometimes comes from arithmetic, as in `12 * 4_000 * fu-cost`.
        if kind == .any || (kind == .money && random.chance(percent: 20)) {
            guard depth < 3, random.chance(percent: 50) else {
                return random.chance(percent: 50) ? name(.declaration) : literal(random.pick([.number, .money, .percent]))
            }
            switch random.int(0...2) {
            case 0:
                // A space before the operator keeps `a -b` from reading as one name.
                let op = random.pick(["+", "-", "*", "/"])
                return expression(.any, depth: depth + 1) + space() + op + (random.chance(percent: 80) ? space() : "") + expression(.any, depth: depth + 1)
            case 1:
                return "(" + optionalSpace() + expression(.any, depth: depth + 1) + optionalSpace() + ")"
            default:
                return random.pick(["-", "+"]) + optionalSpace() + expression(.any, depth: depth + 1)
            }
        }
        switch kind {
        case .money, .percent, .number:
            let token = literal(kind == .money ? .money : kind == .percent ? .percent : .number)
            return kind != .number && random.chance(percent: 15) ? random.pick(["-", "+"]) + token : token
        case .date: return literal(.date)
        case .month: return literal(.month)
        case .financialYear: return literal(.financialYear)
        case .years: return literal(random.chance(percent: 50) ? .financialYear : .yearRange)
        case .string, .any: return literal(.string)
        }
    }

    mutating func literal(_ kind: TokenKind) -> String {
        switch kind {
        case .number: return random.pick(["12000", "0.6", "1_000_000", "3", "40", "0.25"])
        case .money: return random.pick(["£120", "£250k", "£1.2m", "£1.5bn", "£0k", "£12_000", "£9.99"])
        case .percent: return random.pick(["33%", "12.5%", "100%", "0%", "5%"])
        case .date:
            return "20\(random.int(20...26))-\(twoDigits(random.int(1...12)))-\(twoDigits(random.int(1...28)))"
        case .month: return "20\(random.int(20...26))-\(twoDigits(random.int(1...12)))"
        case .financialYear: return financialYear(random.int(20...26))
        case .yearRange:
            let first = random.int(20...24)
            return financialYear(first) + ".." + financialYear(first + random.int(0...2))
        default:
            return random.pick(["\"Planned care\"", "\"A \\\"quoted\\\" title\"", "\"tab\\there\"",
                                "\"# not a comment; { } \"", "\"£1.2m by 2022/23\"", "\"\""])
        }
    }

    /// `FY22/23`, or the long spelling `2022/23` the formatter rewrites.
    mutating func financialYear(_ year: Int) -> String {
        random.chance(percent: 60) ? "FY\(year)/\(year + 1)" : "20\(year)/\(year + 1)"
    }

    mutating func name(_ kind: NameKind) -> String {
        switch kind {
        case .monthOfYear: return "M\(random.int(1...12))"
        case .diagnosticCode: return random.pick(["W407", "W401", "E202"])
        default:
            let base = random.pick(["ESNEFT", "WSFT", "IESCCG", "PIP-05", "asmith", "bjones", "fu-f2f", "planned", "x_1", "M3"])
            guard random.chance(percent: 20) else { return base }
            return base + optionalSpace(percent: 10) + "." + optionalSpace(percent: 10) + random.pick(["M1", "baseline", "target"])
        }
    }

    func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: Layout

    mutating func space() -> String {
        random.chance(percent: 70) ? " " : random.pick(["  ", "\t", " \t ", "   "])
    }

    mutating func optionalSpace(percent: Int = 30) -> String { random.chance(percent: percent) ? space() : "" }

    mutating func indent(_ depth: Int) -> String {
        if random.chance(percent: 80) { return String(repeating: "  ", count: depth) }
        return random.pick(["", " ", "\t", "    ", String(repeating: "\t", count: depth), String(repeating: " ", count: depth * 3 + 1)])
    }

    mutating func comment() -> String {
        random.pick(["# note", "#tight", "# with { braces } and ; semis", "# £1.2m in 2022/23", "#", "# trailing spaces   ",
                     "## heading ##", "# \"quoted\""])
    }

    /// Statements one per line, with blank lines, own-line comments, trailing comments, and now
    /// and then a `;` joining the next statement onto the same line.
    mutating func layout(_ statements: [Statement], depth: Int) -> String {
        var text = ""
        var lineOpen = false
        for statement in statements {
            if !lineOpen {
                if random.chance(percent: 20) { text += String(repeating: "\n", count: random.int(1...2)) }
                for _ in 0..<(random.chance(percent: 20) ? random.int(1...2) : 0) { text += indent(depth) + comment() + "\n" }
                text += indent(depth)
            }
            text += header(statement.pieces, depth: depth)
            if let inner = statement.block { text += space() + block(inner, depth: depth) }
            if random.chance(percent: 15) {
                text += optionalSpace() + ";" + space()
                lineOpen = true
                continue
            }
            if random.chance(percent: 5) { text += optionalSpace() + ";" }
            if random.chance(percent: 25) { text += space() + comment() }
            if random.chance(percent: 10) { text += " " }
            text += "\n"
            lineOpen = false
        }
        if lineOpen { text += "\n" }
        return text
    }

    /// A header; lists sometimes wrap after a comma, with comments in the wrap.
    mutating func header(_ pieces: [Piece], depth: Int) -> String {
        var text = ""
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .word(let word): text += (index == 0 ? "" : space()) + word
            case .comma:
                text += optionalSpace(percent: 10) + ","
                guard random.chance(percent: 20) else { continue }
                if random.chance(percent: 50) { text += space() + comment() }
                text += "\n"
                if random.chance(percent: 20) { text += "\n" }
                if random.chance(percent: 30) { text += indent(depth + 2) + comment() + "\n" }
                text += indent(depth + 2)
            }
        }
        return text
    }

    /// A block, multi-line with comments or, now and then, on one line with `;`.
    mutating func block(_ statements: [Statement], depth: Int) -> String {
        if statements.isEmpty, random.chance(percent: 70) { return random.pick(["{}", "{ }", "{\n" + indent(depth) + "}"]) }
        if random.chance(percent: 25) { return "{" + optionalSpace(percent: 80) + oneLine(statements) + optionalSpace(percent: 80) + "}" }
        var text = "{"
        if random.chance(percent: 20) { text += space() + comment() }
        text += "\n" + layout(statements, depth: depth + 1)
        if random.chance(percent: 20) { text += indent(depth + 1) + comment() + "\n" }
        if random.chance(percent: 15) { text += "\n" }
        return text + indent(depth) + "}"
    }

    mutating func oneLine(_ statements: [Statement]) -> String {
        statements.map { statement in
            var text = statement.pieces.enumerated().map { index, piece in
                switch piece {
                case .word(let word): return (index == 0 ? "" : " ") + word
                case .comma: return ","
                }
            }.joined()
            if let inner = statement.block { text += " {" + (inner.isEmpty ? "" : " " + oneLine(inner) + " ") + "}" }
            return text
        }.joined(separator: random.pick(["; ", ";", " ; "]))
    }
}

extension String {
    func replacingNewlines(with newline: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: newline)
    }
}
