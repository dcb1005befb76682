import AccordDiagnostics
@testable import AccordSyntax
import Foundation
import Testing

/// Keeps grammar/accord.ebnf, the `Grammar` table and the parser in step.
@Suite struct GrammarTests {
    /// The start symbols, one per layer (see the header of grammar/accord.ebnf): the only
    /// nonterminals nothing else refers to.
    static let startSymbols: Set<String> = ["tokens", "file", "plan-file"]

    /// The production of grammar/accord.ebnf that lists what a block holds.
    static func production(for kind: BlockKind) -> String {
        switch kind {
        case .file: "declaration"
        default: Grammar.schema(kind).keyedLine == nil ? "\(kind.rawValue)-attribute" : "\(kind.rawValue)-line"
        }
    }

    static func loadGrammar() throws -> EBNF {
        try EBNF(String(contentsOf: SyntaxHarness.grammarURL, encoding: .utf8))
    }

    /// The table's lines of each block are its attribute type's cases, in order, and every block
    /// with attributes has one type: the model's exhaustive switches over these types are what
    /// make an attribute added to the grammar and not read by the model fail to compile.
    @Test func everyBlocksAttributesAreItsAttributeType() {
        func keywords<A: BlockAttribute>(_: A.Type) -> (BlockKind, [String]) { (A.block, A.allCases.map(\.rawValue)) }
        let typed = Grammar.attributeTypes.map { keywords($0) }
        #expect(Set(typed.map(\.0)).count == typed.count, "two attribute types claim one block")
        for (kind, cases) in typed {
            #expect(Grammar.schema(kind).attributes.map(\.keyword) == cases, "\(kind)")
        }
        let blocksWithAttributes = BlockKind.allCases.filter { !Grammar.schema($0).attributes.isEmpty }
        #expect(Set(blocksWithAttributes) == Set(typed.map(\.0)))
        #expect(typed.count >= 11)
    }

    @Test func grammarFileIsWellFormed() throws {
        let grammar = try Self.loadGrammar()
        #expect(grammar.problems == [])
        #expect(grammar.productions.count > 50)
        let names = grammar.productions.map(\.name)
        #expect(Set(names).count == names.count, "a nonterminal is defined twice")
    }

    @Test func everyKeywordIsAQuotedTerminal() throws {
        let terminals = try Self.loadGrammar().terminals
        var keywords = Grammar.allKeywords
        for schema in Grammar.schemas.values { keywords.formUnion(schema.attributes.map(\.keyword)) }
        #expect(keywords.count > 80)
        let missing = keywords.subtracting(terminals).sorted()
        #expect(missing == [], "keywords of Grammar.swift missing from grammar/accord.ebnf")
    }

    /// Each block's production lists exactly the attributes of its schema, one alternative
    /// starting with each keyword, and nothing the table does not have.
    @Test(arguments: BlockKind.allCases)
    func blockProductionListsExactlyItsAttributes(_ kind: BlockKind) throws {
        let grammar = try Self.loadGrammar()
        let schema = Grammar.schema(kind)
        let name = Self.production(for: kind)
        let body = try #require(grammar.body(of: name), "grammar/accord.ebnf has no production `\(name)`")
        if kind != .file {
            #expect(grammar.body(of: "\(kind.rawValue)-block") != nil, "no production `\(kind.rawValue)-block`")
        }
        let leading = EBNF.alternatives(body).map { alternative -> String? in
            if case .terminal(let word)? = alternative.first { word } else { nil }
        }
        // A keyed block's production has one alternative for the keyed line (`check-code
        // severity-setting`) beside its attributes, if any.
        let keyLines = schema.keyedLine == nil ? 0 : 1
        #expect(leading.filter { $0 == nil }.count == keyLines, "every alternative of `\(name)` but a keyed line starts with its keyword")
        #expect(leading.compactMap { $0 } == schema.attributes.map(\.keyword), "`\(name)` lists the attributes of \(schema.noun), in the table's order")
    }

    @Test func everyNonterminalIsDefinedAndUsed() throws {
        let grammar = try Self.loadGrammar()
        let defined = Set(grammar.productions.map(\.name))
        let referenced = grammar.referenced
        #expect(referenced.subtracting(defined).sorted() == [], "referenced but never defined")
        #expect(defined.subtracting(referenced) == Self.startSymbols, "defined but never used (other than the start symbols)")
    }

    /// The lexical layer names a production for every kind of token the lexer makes, and every
    /// punctuation token is a terminal.
    @Test func everyTokenKindIsDescribed() throws {
        let grammar = try Self.loadGrammar()
        let productions: [TokenKind: String] = [
            .whitespace: "whitespace", .comment: "comment", .byteOrderMark: "byte-order-mark", .newline: "newline",
            .identifier: "identifier", .number: "number", .money: "money", .percent: "percent", .date: "date",
            .month: "month", .financialYear: "financial-year", .yearRange: "year-range", .monthRange: "month-range", .string: "string",
        ]
        let punctuation: [TokenKind: String] = [
            .leftBrace: "{", .rightBrace: "}", .leftParen: "(", .rightParen: ")", .comma: ",", .semicolon: ";",
            .dot: ".", .dotDot: "..", .equals: "=", .plus: "+", .minus: "-", .star: "*", .slash: "/",
        ]
        for kind in TokenKind.allCases where kind != .invalid && kind != .endOfFile {
            if let name = productions[kind] {
                #expect(grammar.body(of: name) != nil, "no production for \(kind)")
            } else {
                let terminal = try #require(punctuation[kind], "\(kind) is neither a production nor punctuation here")
                #expect(grammar.body(of: "punctuation").map { EBNF.terminals(in: $0).contains(terminal) } == true, "`\(terminal)` missing from `punctuation`")
            }
        }
    }

    /// Each attribute's example (shown in help and docs) fits the attribute's own argument shape.
    @Test(arguments: BlockKind.allCases)
    func schemaExamplesMatchTheirPatterns(_ kind: BlockKind) throws {
        let schema = Grammar.schema(kind)
        var examples: [(String, ArgumentPattern, Bool)] = schema.attributes.map { ($0.example, $0.arguments, true) }
        if let keyed = schema.keyedLine { examples.append((keyed.example, .sequence([keyed.key, keyed.value]), false)) }
        for (example, pattern, dropHead) in examples where !example.contains("…") {
            let result = SyntaxHarness.parse(example)
            #expect(result.syntaxErrors.isEmpty, "\(example)")
            let statement = try #require(result.tree.statements.first)
            var matcher = PatternMatcher(tree: result.tree)
            matcher.start(statement, droppingFirst: dropHead ? 1 : 0)
            #expect(matcher.matchAll(pattern) != nil, "the example `\(example)` does not fit its own pattern")
        }
    }

    @Test(arguments: SyntaxHarness.exampleFiles)
    func exampleParsesWithNoDiagnostics(_ url: URL) throws {
        let file = SourceFile(path: SyntaxHarness.exampleName(url), bytes: try SyntaxHarness.contents(url))
        let result = parse(file)
        #expect(SyntaxHarness.positions(result.diagnostics) == [], "\(file.path): \(result.diagnostics.map(\.message))")
        #expect(!result.tree.statements.isEmpty)
    }

    @Test func thereAreExamples() {
        #expect(SyntaxHarness.exampleFiles.count >= 2)
    }
}

/// Just enough of W3C EBNF to list productions, the nonterminals they use and their quoted
/// terminals: comments are dropped, character classes and `#xN` characters skipped.
struct EBNF {
    enum Symbol: Equatable {
        case name(String)
        case terminal(String)
        case characters
        case op(Character)
    }

    struct Production {
        var name: String
        var body: [Symbol]
    }

    private(set) var productions: [Production] = []
    /// Anything this reader could not make sense of (an unclosed comment, quote or class).
    private(set) var problems: [String] = []

    init(_ text: String) {
        var chars = Array(text)
        stripComments(&chars)
        // A production starts at the beginning of a line with `name ::=`.
        var current: (name: String, text: [Character])?
        for line in String(chars).split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = line.range(of: "::="), let first = line.first, first.isLetter,
               line[..<range.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == " " }) {
                if let current { finish(current) }
                current = (String(line[..<range.lowerBound]).trimmingCharacters(in: .whitespaces), Array(line[range.upperBound...]))
            } else if current != nil {
                current!.text.append("\n")
                current!.text.append(contentsOf: line)
            } else if !line.allSatisfy(\.isWhitespace) {
                problems.append("text outside any production: \(line)")
            }
        }
        if let current { finish(current) }
    }

    private mutating func stripComments(_ chars: inout [Character]) {
        var i = 0
        var inQuote: Character?
        while i < chars.count {
            let c = chars[i]
            if let quote = inQuote {
                if c == quote || c == "\n" { inQuote = nil }
                i += 1
            } else if c == "\"" || c == "'" {
                inQuote = c
                i += 1
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                guard j + 1 < chars.count else { problems.append("unclosed comment"); chars.removeSubrange(i...); return }
                for k in i...(j + 1) where chars[k] != "\n" { chars[k] = " " }
                i = j + 2
            } else {
                i += 1
            }
        }
    }

    private mutating func finish(_ production: (name: String, text: [Character])) {
        var symbols: [Symbol] = []
        let chars = production.text
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
            } else if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count, chars[j] != c, chars[j] != "\n" { j += 1 }
                guard j < chars.count, chars[j] == c else { problems.append("\(production.name): unclosed quote"); return }
                symbols.append(.terminal(String(chars[(i + 1)..<j])))
                i = j + 1
            } else if c == "[" {
                var j = i + 1
                while j < chars.count, chars[j] != "]" { j += 1 }
                guard j < chars.count else { problems.append("\(production.name): unclosed character class"); return }
                symbols.append(.characters)
                i = j + 1
            } else if c == "#", i + 1 < chars.count, chars[i + 1] == "x" {
                i += 2
                while i < chars.count, chars[i].isHexDigit { i += 1 }
                symbols.append(.characters)
            } else if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" { j += 1 }
                symbols.append(.name(String(chars[i..<j])))
                i = j
            } else if "()|?*+-".contains(c) {
                symbols.append(.op(c))
                i += 1
            } else {
                problems.append("\(production.name): unexpected `\(c)`")
                i += 1
            }
        }
        var depth = 0
        for case .op(let c) in symbols {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if depth < 0 { break }
        }
        if depth != 0 { problems.append("\(production.name): unbalanced parentheses") }
        if symbols.isEmpty { problems.append("\(production.name): empty production") }
        productions.append(Production(name: production.name, body: symbols))
    }

    func body(of name: String) -> [Symbol]? { productions.first { $0.name == name }?.body }

    var terminals: Set<String> { Set(productions.flatMap { EBNF.terminals(in: $0.body) }) }

    var referenced: Set<String> {
        Set(productions.flatMap { $0.body.compactMap { if case .name(let n) = $0 { n } else { nil } } })
    }

    static func terminals(in body: [Symbol]) -> [String] {
        body.compactMap { if case .terminal(let t) = $0 { t } else { nil } }
    }

    /// The top-level alternatives of a production body (split at `|` outside parentheses).
    static func alternatives(_ body: [Symbol]) -> [[Symbol]] {
        var result: [[Symbol]] = [[]]
        var depth = 0
        for symbol in body {
            switch symbol {
            case .op("("): depth += 1
            case .op(")"): depth -= 1
            case .op("|") where depth == 0:
                result.append([])
                continue
            default: break
            }
            result[result.count - 1].append(symbol)
        }
        return result
    }
}
