import AccordDiagnostics
import AccordPlanGenerator
@testable import AccordSyntax
import Foundation
import Testing

/// The tree is lossless whatever the input: for every example and for thousands of seeded
/// mutations of them, parsing never crashes, walking the tree through `children` prints the
/// file back byte for byte, children cover contiguous token runs in order, and every diagnostic
/// points inside the file.
@Suite struct RoundTripTests {
    typealias H = SyntaxHarness

    /// Mutated inputs in all, shared among the example files (a few seconds in a debug build).
    static let totalMutations = 2_400
    static var mutationsPerFile: Int { max(100, totalMutations / max(1, SyntaxHarness.exampleFiles.count)) }

    // MARK: The invariants

    /// Checks every invariant on one input; returns a description of the first failure, if any.
    static func check(_ bytes: [UInt8]) -> String? {
        let result = H.parse(bytes: bytes)
        let tree = result.tree
        var printed: [UInt8] = []
        printed.reserveCapacity(bytes.count)
        var problem: String?
        let root = tree.root
        if root.kind != .sourceFile { return "the root is a \(root.kind)" }
        let covered = walk(root, into: &printed, problem: &problem)
        if let problem { return problem }
        if printed != bytes { return "printing the tree gives \(printed.count) bytes, not the \(bytes.count) read" }
        if covered != 0..<tree.tokens.count { return "the root covers tokens \(covered), not 0..<\(tree.tokens.count)" }
        if tree.tokens.last?.kind != .endOfFile { return "the last token is not the end of the file" }
        if Array(tree.sourceText.utf8) != Array(String(decoding: bytes, as: UTF8.self).utf8) { return "sourceText differs from the file" }
        for diagnostic in result.diagnostics {
            let ranges = [diagnostic.range] + diagnostic.notes.map(\.range)
            for range in ranges where range.lowerBound < 0 || range.upperBound > bytes.count {
                return "\(diagnostic.code) at \(range) lies outside the file of \(bytes.count) bytes: \(diagnostic.message)"
            }
            if diagnostic.file !== tree.file { return "\(diagnostic.code) belongs to another file" }
            let start = diagnostic.start, end = diagnostic.end
            if start.line < 1 || start.column < 1 || end < start { return "\(diagnostic.code) has positions \(start)–\(end)" }
            if diagnostic.message.isEmpty { return "\(diagnostic.code) has no message" }
        }
        return nil
    }

    /// Appends the bytes of every token below `node`, reached through `children` only, and
    /// returns the token indices it covered; records the first broken invariant in `problem`.
    @discardableResult
    static func walk(_ node: SyntaxNode, into printed: inout [UInt8], problem: inout String?) -> Range<Int> {
        let tree = node.tree
        let first = Int(node.firstToken), end = Int(node.endToken)
        var next = first
        for child in node.children {
            switch child {
            case .token(let token):
                let index = Int(token.index)
                if index != next, problem == nil { problem = "a \(node.kind) skips from token \(next) to \(index)" }
                printed.append(contentsOf: tree.file.bytes[token.range])
                next = index + 1
            case .node(let childNode):
                if childNode.parent?.index != node.index, problem == nil {
                    problem = "a \(childNode.kind)'s parent is not the \(node.kind) holding it"
                }
                let covered = walk(childNode, into: &printed, problem: &problem)
                if covered.lowerBound != next, problem == nil {
                    problem = "a \(childNode.kind) in a \(node.kind) starts at token \(covered.lowerBound), not \(next)"
                }
                next = covered.upperBound
            }
        }
        if next != end, problem == nil { problem = "a \(node.kind)'s children end at token \(next), not \(end)" }
        // Byte ranges agree with token ranges.
        if first < end, problem == nil {
            let expected = Int(tree.tokens[first].start)..<Int(tree.tokens[end - 1].end)
            if node.range != expected { problem = "a \(node.kind)'s range \(node.range) is not \(expected)" }
        }
        return first..<end
    }

    // MARK: Examples

    @Test(arguments: SyntaxHarness.exampleFiles)
    func exampleRoundTrips(_ url: URL) throws {
        let bytes = try H.contents(url)
        #expect(Self.check(bytes) == nil)
        // Also with CRLF line ends and a byte-order mark, as Windows editors save them.
        let windows = H.crlf(bytes)
        #expect(Self.check(SourceFile.byteOrderMark + windows) == nil)
        #expect(H.parse(bytes: SourceFile.byteOrderMark + windows).diagnostics.isEmpty, "CRLF and a BOM change nothing")
    }

    @Test func handWrittenOddities() {
        let inputs = [
            "", "}", "{", "{{{", "}}}", "(((", ")))", ",", "=", "..", ".", "\"", "\\", "#", "£", "%", "\r", "\r\n", "\n\r",
            "a {", "a { b {", "} a {", "a.b.", "a..b", "a = = =", "a { } }", "plan { plan { plan {",
            "scheme S {\nscheme T {\n", "x\u{FEFF}y", "\u{FEFF}\u{FEFF}", "\"\\", "\"\\\r\n", "£1.", "1.", "FY22/", "2022/",
            "FY22/23..", "FY22/23..F", "2022-", "2022-0", "a-", "-", "- - -", "+", "*", "/ /", "M1.M2.", "a,\n\n,\n",
            "let a = " + String(repeating: "(", count: 200), String(repeating: "x {\n", count: 100),
            String(repeating: "a 1 +\n", count: 50), "\u{0}\u{1}\u{7F}",
        ]
        for input in inputs {
            #expect(Self.check(Array(input.utf8)) == nil, "\(input.debugDescription)")
        }
    }

    // MARK: Mutations

    @Test(arguments: SyntaxHarness.exampleFiles)
    func mutationsRoundTrip(_ url: URL) throws {
        let original = try H.contents(url)
        // The seed depends only on the file's name, so runs are the same everywhere.
        let seed = H.exampleName(url).utf8.reduce(UInt64(0xACC0_4D)) { ($0 &* 31) &+ UInt64($1) }
        var random = SeededRandom(seed: seed)
        var failures = 0
        for iteration in 0..<Self.mutationsPerFile {
            let iterationSeed = random.next()
            var local = SeededRandom(seed: iterationSeed)
            // A quarter of the runs damage the whole file; the rest a window of it, which also
            // starts and ends mid-block (and costs less to parse, so more runs fit the budget).
            let input = Int.random(in: 0..<4, using: &local) == 0 ? original : Mutator.window(original, using: &local)
            let mutated = Mutator.mutate(input, edits: Int.random(in: 1...4, using: &local), using: &local)
            if let problem = Self.check(mutated) {
                failures += 1
                Issue.record("\(H.exampleName(url)) mutation \(iteration) (seed \(iterationSeed)): \(problem)")
                if failures >= 5 { return }
            }
        }
    }

    /// The checker itself: a tree that leaves a token out is caught, not printed back quietly.
    @Test func walkNoticesATokenLeftOut() {
        let file = SourceFile(path: "t.accord", text: "a b")
        let tokens = Lexer.tokenize(file).tokens
        #expect(tokens.map(\.kind) == [.identifier, .whitespace, .identifier, .endOfFile])
        var builder = TreeBuilder(expectedTokens: tokens.count)
        builder.startNode(.sourceFile)
        for index in [0, 2, 3] { builder.addToken(index) }  // the whitespace is missing
        builder.finishNode(nextToken: tokens.count)
        var printed: [UInt8] = []
        var problem: String?
        Self.walk(builder.build(file: file, tokens: tokens).root, into: &printed, problem: &problem)
        #expect(problem == "a sourceFile skips from token 1 to 2")
        #expect(printed == Array("ab".utf8))
    }

    @Test func mutatorIsDeterministic() throws {
        let bytes = Array("scheme S {\n  area a\n}\n".utf8)
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42)
        for _ in 0..<50 {
            #expect(Mutator.mutate(bytes, edits: 3, using: &a) == Mutator.mutate(bytes, edits: 3, using: &b))
        }
        var c = SeededRandom(seed: 1)
        #expect(c.next() == 0x910A_2DEC_8902_5CC1)  // the published first output of SplitMix64 for seed 1
    }
}

/// Deterministic damage to a file: byte edits, token edits, foreign fragments, truncation.
enum Mutator {
    /// Fragments that stress the lexer and parser: brackets, half-literals, look-alike
    /// characters, line ends and multi-byte text.
    static let fragments: [String] = [
        "{", "}", "(", ")", "{ }", "\"", "\\", "\\q", "#", "..", ".", ",", ";", "=", "+", "-", "*", "/", "%", "£", "£1.2m",
        "£1.005", "£1.2M", "FY22/", "FY22/24", "FY24/25..FY22/23", "2022-02-30", "2022-13", "1__0", "12k", "-33%", "\n", "\r\n",
        "\r", "\t", " ", "\u{FEFF}", "\u{00A0}", "\u{201C}", "\u{201D}", "\u{2013}", "$", "€", "é", "😀", "中文", "\u{0}",
        "plan ", "scheme X {", "\nscheme Y {\n", "}\n}\n", "milestone M9 {", "share {", "let x = ", "M1.", "a.b.c",
        "((((((((", "))))))))", "\"unterminated", "# comment\n", "status delivery", "after M1,\n", ", ,",
    ]

    /// A run of whole lines, 200 to 700 bytes long, starting at a random line.
    static func window(_ bytes: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        guard bytes.count > 700 else { return bytes }
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") && $0 + 1 < bytes.count }.map { $0 + 1 }
        let start = lineStarts.randomElement(using: &random)!
        var end = min(bytes.count, start + Int.random(in: 200...700, using: &random))
        while end < bytes.count, bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
        return Array(bytes[start..<end])
    }

    static func mutate(_ original: [UInt8], edits: Int, using random: inout SeededRandom) -> [UInt8] {
        var bytes = original
        for _ in 0..<edits {
            apply(Int.random(in: 0..<11, using: &random), to: &bytes, using: &random)
        }
        return bytes
    }

    private static func apply(_ operation: Int, to bytes: inout [UInt8], using random: inout SeededRandom) {
        func offset() -> Int { Int.random(in: 0...bytes.count, using: &random) }
        func span() -> Range<Int> {
            let start = Int.random(in: 0...bytes.count, using: &random)
            return start..<min(bytes.count, start + Int.random(in: 1...12, using: &random))
        }
        switch operation {
        case 0: // delete a few bytes (may split a UTF-8 sequence: an E109 case)
            bytes.removeSubrange(span())
        case 1: // insert random bytes, usually ASCII
            let count = Int.random(in: 1...6, using: &random)
            let inserted = (0..<count).map { _ in
                Bool.random(using: &random) && Int.random(in: 0..<8, using: &random) == 0
                    ? UInt8.random(in: 0x80...0xFF, using: &random) : UInt8.random(in: 0x00...0x7F, using: &random)
            }
            bytes.insert(contentsOf: inserted, at: offset())
        case 2: // duplicate a span
            let range = span()
            bytes.insert(contentsOf: bytes[range], at: offset())
        case 3: // swap two bytes
            guard bytes.count > 1 else { return }
            bytes.swapAt(Int.random(in: 0..<bytes.count, using: &random), Int.random(in: 0..<bytes.count, using: &random))
        case 4: // insert a fragment
            bytes.insert(contentsOf: Array(fragments.randomElement(using: &random)!.utf8), at: offset())
        case 5: // insert a random Unicode scalar
            let scalar = [UInt32(0x20)...0x7E, 0xA0...0x17F, 0x2000...0x206F, 0x4E00...0x4FFF, 0x1F300...0x1F5FF]
                .randomElement(using: &random)!
            let value = UInt32.random(in: scalar, using: &random)
            bytes.insert(contentsOf: Array(String(Character(Unicode.Scalar(value)!)).utf8), at: offset())
        case 6, 7, 8, 9: // token edits
            let tokens = significantTokens(bytes)
            guard !tokens.isEmpty else { return }
            let a = tokens.randomElement(using: &random)!, b = tokens.randomElement(using: &random)!
            switch operation {
            case 6: bytes.removeSubrange(a)                                   // delete a token
            case 7: bytes.insert(contentsOf: bytes[a], at: b.lowerBound)      // duplicate a token elsewhere
            case 8:                                                            // swap two tokens
                let (first, second) = a.lowerBound <= b.lowerBound ? (a, b) : (b, a)
                guard first.upperBound <= second.lowerBound else { return }
                let left = Array(bytes[first]), right = Array(bytes[second])
                bytes.replaceSubrange(second, with: left)
                bytes.replaceSubrange(first, with: right)
            default:                                                           // insert a copy of a token from anywhere
                bytes.insert(contentsOf: Array(bytes[a]) + [UInt8(ascii: " ")], at: offset())
            }
        default: // truncate
            bytes.removeSubrange(offset()...)
        }
    }

    /// Byte ranges of the significant tokens of `bytes` (as the lexer reads them now).
    private static func significantTokens(_ bytes: [UInt8]) -> [Range<Int>] {
        Lexer.tokenize(SourceFile(path: "m.accord", bytes: bytes)).tokens
            .filter { !$0.kind.isTrivia && $0.kind != .endOfFile && !$0.range.isEmpty }.map(\.range)
    }
}

extension SyntaxHarness {
    /// LF line ends turned into CRLF.
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == UInt8(ascii: "\n") ? [UInt8(ascii: "\r"), $0] : [$0] }
    }
}
