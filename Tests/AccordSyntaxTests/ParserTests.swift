import AccordDiagnostics
@testable import AccordSyntax
import Foundation
import Testing

/// The parser: the shape of the generic tree, recovery that reports each mistake once, and
/// inputs at and far past its limits.
@Suite struct ParserTests {
    typealias H = SyntaxHarness

    /// A statement rendered compactly: elements by their structure, `(a + b)` for operators,
    /// `[x]` for parentheses, `{…}` for a block, `<error>` for an error node.
    static func render(_ node: SyntaxNode) -> String {
        switch node.kind {
        case .name, .literal: return node.compactText
        case .error: return "<error>"
        case .parenthesized: return "[" + node.childNodes.map(render).joined(separator: " ") + "]"
        case .block: return "{" + BlockSyntax(node: node).statements.map { render($0.node) }.joined(separator: "; ") + "}"
        case .sourceFile: return node.childNodes.map(render).joined(separator: " | ")
        case .statement:
            var parts = StatementSyntax(node)!.items.map { item in
                switch item {
                case .expression(let e): render(e)
                case .comma: ","
                case .equals: "="
                }
            }
            if let block = StatementSyntax(node)!.block { parts.append(render(block.node)) }
            return parts.joined(separator: " ")
        case .prefixExpression, .binaryExpression:
            let inner = node.children.compactMap { child -> String? in
                switch child {
                case .node(let n): render(n)
                case .token(let t): t.kind.isTrivia ? nil : t.text
                }
            }
            return "(" + inner.joined(separator: node.kind == .prefixExpression ? "" : " ") + ")"
        }
    }

    static func renderStatements(_ text: String) -> [String] {
        H.parse(text).tree.statements.map { render($0.node) }
    }

    // MARK: Tree shape

    @Test func headIsASinglePrimary() {
        // `change -33%` is `change` and then `-33%`, never `change - 33%`.
        #expect(Self.renderStatements("change -33% by 2024-03\n") == ["change (-33%) by 2024-03"])
        #expect(Self.renderStatements("FY22/23 -£1.8m\n") == ["FY22/23 (-£1.8m)"])
        #expect(Self.renderStatements("PIP-05.M1 - 3\n") == ["PIP-05.M1 (-3)"])
        // After the head, an expression takes every operator it can: `x -3` is `x - 3`.
        #expect(Self.renderStatements("target x -3\n") == ["target (x - 3)"])
    }

    @Test func precedenceAndAssociativity() {
        #expect(Self.renderStatements("let a = 1 + 2 * 3\n") == ["let a = (1 + (2 * 3))"])
        #expect(Self.renderStatements("let a = a - b - c\n") == ["let a = ((a - b) - c)"])
        #expect(Self.renderStatements("let a = a / b * c\n") == ["let a = ((a / b) * c)"])
        #expect(Self.renderStatements("let a = (1 + 2) * -3\n") == ["let a = ([(1 + 2)] * (-3))"])
        #expect(Self.renderStatements("let a = --+x\n") == ["let a = (-(-(+x)))"])
        #expect(Self.renderStatements("productivity 12 * 4_000 * fu-cost\n") == ["productivity ((12 * 4_000) * fu-cost)"])
    }

    @Test func dottedNames() throws {
        let statement = try #require(H.parse("after M1, PIP-02.M3, PIP-05 . fu-f2f.baseline\n").tree.statements.first)
        #expect(statement.elements.map(\.nameParts) == [["after"], ["M1"], ["PIP-02", "M3"], ["PIP-05", "fu-f2f", "baseline"]])
        #expect(statement.elements.map(\.simpleName) == ["after", "M1", nil, nil])
    }

    @Test func separatorsAndBlocks() {
        #expect(Self.renderStatements("a 1; b 2\n;;\nc { d 1; e { f } }\n") == ["a 1", "b 2", "c {d 1; e {f}}"])
        // A newline after a comma continues the statement; after `=` it does not.
        #expect(Self.renderStatements("partners A,\n  B,\n\n  C\nx\n") == ["partners A , B , C", "x"])
        #expect(H.parse("let a =\n").syntaxErrors.isEmpty)
    }

    @Test func emptyAndTriviaOnlyFiles() {
        for text in ["", "\n\n", "# only a comment", "\u{FEFF}", "  \r\n\t# c\r\n"] {
            let result = H.parse(text)
            #expect(result.diagnostics.isEmpty, "\(text.debugDescription)")
            #expect(result.tree.statements.isEmpty)
            #expect(result.tree.sourceText == text)
        }
    }

    // MARK: Recovery: each mistake reported once

    static let fiveMistakes = """
        plan "Five mistakes" {
          years FY22/23..FY23/24
          as-of 2022-02-30
        }

        partner ESNEFT "East Suffolk and North Essex NHS FT" {
          type provider
          control-total 100%%
        }

        person asmith "A. Smith" {
          partner ESNEFT
          role "Director of Strategy
        }

        let fu-cost = (£120 * 2

        scheme SE-05 "Outpatients" {
          area planned
          status delivery
          lead ESNEFT
          milestone M1 "Virtual clinic platform live" {
            due 2022-07-31
            after M0
          }
        }
        }

        area planned "Planned care"
        """

    @Test func fiveMistakesGiveFiveDiagnostics() {
        let result = H.parse(Self.fiveMistakes)
        #expect(H.positions(result.diagnostics) == ["3:9 E103", "8:21 E101", "13:8 E102", "16:24 E104", "27:1 E104"])
        #expect(result.structureDiagnostics.isEmpty)
        // Everything after the mistakes was still read.
        #expect(result.tree.statements.map { $0.keyword ?? "?" } == ["plan", "partner", "person", "let", "scheme", "area"])
    }

    @Test func fiveMistakesCorrectedGiveNone() {
        let corrected = Self.fiveMistakes
            .replacingOccurrences(of: "2022-02-30", with: "2022-09-30")
            .replacingOccurrences(of: "100%%", with: "100%")
            .replacingOccurrences(of: "Director of Strategy", with: "Director of Strategy\"")
            .replacingOccurrences(of: "* 2\n", with: "* 2)\n")
            .replacingOccurrences(of: "}\n}\n", with: "}\n")
        #expect(H.positions(corrected) == [])
    }

    @Test func missingClosingBraceIsClosedAtTheNextDeclaration() throws {
        let text = """
            scheme SE-01 "Agency" {
              area corporate
              status delivery
              lead ESNEFT
              milestone M1 "Policy agreed" {
                due 2022-06-30
              }

            scheme SE-02 "Estates" {
              area corporate
              status scoping
              lead WSFT
            }
            """
        let result = H.parse(text)
        #expect(H.positions(result.diagnostics) == ["1:23 E102"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.tree.file.text(diagnostic.range) == "{")
        #expect(diagnostic.message == "the `{` on line 1 is never closed before `scheme` on line 9")
        #expect(diagnostic.help?.contains("}") == true)
        // The second scheme is a declaration of its own, read normally.
        let schemes = result.tree.statements
        #expect(schemes.map { $0.elements.dropFirst().first?.compactText } == ["SE-01", "SE-02"])
        #expect(schemes[1].block?.statements.count == 3)
    }

    @Test func missingBracesOfNestedBlocksAreEachReported() {
        let text = """
            scheme SE-01 "Agency" {
              area corporate
              status delivery
              lead ESNEFT
              milestone M1 "Policy agreed" {
                due 2022-06-30
            partner WSFT "West Suffolk NHS FT"
            """
        #expect(H.positions(text) == ["1:23 E102", "5:32 E102"])
    }

    /// A milestone left open is the block reported, whether the scheme's next line ends it
    /// (`milestone M2`, read as the scheme's) or it took the scheme's `}` (less indented than it).
    @Test(arguments: [
        ("  milestone M2 \"Policy live\" {\n    due 2022-09-30\n  }\n  metric fte \"Agency FTE\" { kind activity }\n}\n",
         "before `milestone` on line 5", ["area", "milestone", "milestone", "metric"]),
        ("}\n\nscheme SE-02 \"Estates\" {\n  area corporate\n}\n", "before line 5", ["area", "milestone"]),
    ])
    func aMilestoneLeftOpenIsTheOneReported(_ rest: String, _ before: String, _ schemeLines: [String]) throws {
        let result = H.parse("scheme SE-01 \"Agency\" {\n  area corporate\n  milestone M1 \"Policy agreed\" {\n    due 2022-06-30\n" + rest)
        #expect(H.positions(result.syntaxErrors) == ["3:32 E102"])
        #expect(result.syntaxErrors.first?.message == "the `{` on line 3 is never closed \(before)")
        let scheme = try #require(result.tree.statements.first?.block)
        #expect(scheme.statements.compactMap(\.keyword) == schemeLines)
    }

    @Test func outdentedLinesThatTheirBlockTakesDoNotCloseIt() {
        // Badly indented but whole: `due` belongs in the milestone, `ESNEFT 50%` in the share.
        let text = "scheme S {\n  milestone M1 \"x\" {\n  due 2022-06-30\n  }\n  share {\n  ESNEFT 50%\n  }\n}\n"
        #expect(H.positions(H.parse(text).syntaxErrors) == [])
    }

    @Test func missingBraceAtEndOfFile() throws {
        let result = H.parse("plan \"P\" {\n  years FY22/23\n")
        #expect(H.positions(result.diagnostics) == ["1:10 E102"])
        #expect(result.diagnostics.first?.message.contains("before the end of the file") == true)
    }

    @Test func keywordsAtColumnOneThatTheBlockTakesDoNotCloseIt() {
        // `partner` is an attribute of a person and `area` of a scheme: no recovery there.
        #expect(H.positions("person asmith \"A. Smith\" {\npartner ESNEFT\n}\n") == [])
        #expect(H.positions("scheme S {\narea a\nstatus idea\nlead L\n}\n") == [])
        // Indented, a declaration keyword is just an unknown attribute.
        #expect(H.positions("plan \"P\" {\n  years FY22/23\n  scheme X { }\n}\n") == ["3:3 E105"])
    }

    @Test func strayClosingBrace() throws {
        let result = H.parse("plan \"P\" {\n  years FY22/23\n}\n}\narea a\n")
        #expect(H.positions(result.diagnostics) == ["4:1 E104"])
        #expect(result.diagnostics.first?.message.contains("no block is open") == true)
        #expect(result.tree.statements.last?.keyword == "area")
    }

    @Test func unclosedParenthesis() throws {
        let result = H.parse("let a = (1 + 2\nlet b = 3\n")
        #expect(H.positions(result.diagnostics) == ["1:15 E104"])
        #expect(result.diagnostics.first?.message == "expected `)` to close the `(` at column 9, found the end of the line")
        #expect(Self.render(result.tree.statements[1].node) == "let b = 3")
    }

    @Test func unclosedParenthesisAtEndOfFile() {
        // The end of the file is empty, so the diagnostic points at the `(` itself.
        #expect(H.positions("let a = (1 + 2") == ["1:9 E104"])
    }

    @Test func strayClosingParenthesis() {
        #expect(H.positions("let a = 1)\nlet b = 2\n") == ["1:10 E104"])
    }

    @Test func braceOnItsOwnLine() throws {
        let result = H.parse("scheme S \"t\"\n{\n  area a\n  status idea\n  lead L\n}\narea b\n")
        #expect(H.positions(result.diagnostics) == ["2:1 E104"])
        #expect(result.diagnostics.first?.help == "move this `{` to the end of the line above")
    }

    @Test func statementStartingWithASeparator() {
        // Once accepted silently (`, area foo` read as `area area "foo"`); now reported.
        #expect(H.positions(", area foo\n") == ["1:1 E104"])
        #expect(H.positions("scheme S {\n  area a; status idea\n  lead L\n  ,\n}\n") == ["4:3 E104"])
        #expect(H.positions("= 3\nlet a = 1\n") == ["1:1 E104"])
        #expect(H.parse("partners A\n  , B\n").diagnostics.first?.help?.contains("end the line above with `,`") == true)
    }

    @Test func dottedNameWithoutItsLastPart() {
        #expect(H.positions("M1.\n") == ["1:4 E104"])
        #expect(H.positions("scheme S {\n  area a; status idea; lead L\n  milestone M {\n    due 2022-01-01\n    after PIP-02.\n  }\n}\n") == ["5:18 E104"])
    }

    @Test func missingOperand() {
        let result = H.parse("let a = 1 +\nlet b = 2 * )\n")
        #expect(H.positions(result.diagnostics) == ["1:11 E104", "2:11 E104"])
    }

    @Test func textAfterABlock() {
        let result = H.parse("area a { } area b\narea c\n")
        #expect(H.positions(result.diagnostics) == ["1:12 E104"])
        #expect(result.diagnostics.first?.message == "unexpected `area` after the end of a block")
        #expect(result.tree.statements.last.map { Self.render($0.node) } == "area c")
    }

    @Test func spacedYearRange() throws {
        // Only the syntax error: `years` is there, if unreadable, so no "plan has no years" (E107).
        let result = H.parse("plan \"P\" {\n  years FY22/23 .. FY24/25\n}\n")
        #expect(H.positions(result.diagnostics) == ["2:17 E104"])
        #expect(result.diagnostics.first?.help?.contains("without spaces") == true)
    }

    @Test func oneErrorPerStatementFromTheParser() {
        // Several problems on one line: the parser reports the first; the lexer its own.
        #expect(H.positions("let a = ) ) )\n") == ["1:9 E104"])
        #expect(H.positions("let a = 1 + * 2 )\n") == ["1:11 E104"])
    }

    // MARK: Limits

    @Test func tenThousandNestedParentheses() throws {
        let text = "let a = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "\nlet b = 2\n"
        let result = H.parse(text)
        let depth = Parser.maximumExpressionDepth
        #expect(H.positions(result.diagnostics) == ["1:\(8 + depth + 1) E104"])
        #expect(result.diagnostics.first?.message == "this expression is nested more than \(depth) deep")
        #expect(result.tree.sourceText == text)
        #expect(Self.render(result.tree.statements[1].node) == "let b = 2")
    }

    @Test func nestingUpToTheLimitIsFine() {
        let depth = Parser.maximumExpressionDepth
        let parens = "let a = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n"
        #expect(H.positions(parens) == [])
        let signs = "let a = " + String(repeating: "-", count: depth) + "1\n"
        #expect(H.positions(signs) == [])
        #expect(H.positions("let a = " + String(repeating: "-", count: depth + 1) + "1\n") == ["1:\(8 + depth + 1) E104"])
    }

    /// The formatter's parse skips the structure check: the same tree and syntax errors, no
    /// E105–E107, and no recorded matches for the model to find.
    @Test func parsingWithoutTheStructureCheck() throws {
        let text = "plan \"P\" {\n  years FY22/23\n  colour blue\n}\nscheme X {\n  status delivery\n  lead A\n  area a\n}\nlet y = (1\n"
        let checked = H.parse(text)
        let bare = AccordSyntax.parse(H.file(text), checkingStructure: false)
        #expect(H.positions(checked.structureDiagnostics) == ["3:3 E105"])
        #expect(bare.structureDiagnostics.isEmpty)
        #expect(H.positions(bare.syntaxErrors) == H.positions(checked.syntaxErrors))
        #expect(!bare.syntaxErrors.isEmpty)
        #expect(bare.tree.sourceText == text)
        let status = try #require(bare.tree.statements[1].block?.statements.first)
        #expect(bare.tree.matches.match(status, in: .scheme) == nil)
        #expect(checked.tree.matches.match(try #require(checked.tree.statements[1].block?.statements.first), in: .scheme) != nil)
    }

    @Test func tenThousandNestedBlocks() throws {
        let text = "plan \"P\" {\n  years FY22/23\n" + String(repeating: "x {\n", count: 10_000) + String(repeating: "}\n", count: 10_000) + "}\narea a\n"
        let result = H.parse(text)
        let limit = Parser.maximumBlockDepth
        // The plan's block is the first level; the (limit)th `x {` opens one level too many.
        let syntax = result.syntaxErrors
        #expect(H.positions(syntax) == ["\(2 + limit):3 E104"])
        #expect(syntax.first?.message == "blocks are nested more than \(limit) deep")
        // The unknown attribute `x` in the plan is reported once (unknown blocks are not descended into for names).
        #expect(H.positions(result.structureDiagnostics) == ["3:1 E105"])
        #expect(result.tree.sourceText == text)
        #expect(result.tree.statements.last?.keyword == "area")
    }

    @Test func longChainOfSums() throws {
        let terms = 100_000
        let text = "let a = " + Array(repeating: "1", count: terms).joined(separator: " + ") + "\nlet b = 2\n"
        let result = H.parse(text)
        let depth = Parser.maximumExpressionDepth
        // A chain nests one level per operator: the (depth + 1)th `+` is one too many.
        #expect(H.positions(result.diagnostics) == ["1:\(8 + depth * 4 + 3) E104"])
        #expect(result.diagnostics.first?.message.contains("nested more than \(depth) deep") == true)
        #expect(result.tree.sourceText == text)
        #expect(H.positions("let a = " + Array(repeating: "1", count: depth + 1).joined(separator: " + ") + "\n") == [])
    }

    @Test(arguments: ["string", "name", "comment", "number", "list", "phasing"])
    func hundredThousandCharacterLine(_ kind: String) throws {
        let n = 100_000
        let line: String
        var expected: [String] = []
        switch kind {
        case "string": line = "role \"" + String(repeating: "x", count: n) + "\""
        case "name": line = "sro " + String(repeating: "a", count: n)
        case "comment": line = "sro x # " + String(repeating: "£", count: n)
        case "number": line = "let n = 1" + String(repeating: "_000", count: n / 4)
        case "list": line = "partners " + (0..<(n / 6)).map { "P\($0)" }.joined(separator: ", ")
        default:
            line = "savings FY22/23 { phasing " + (0..<(n / 6)).map { "M\($0 % 12 + 1) 1%" }.joined(separator: ", ") + " }"
        }
        #expect(line.utf8.count >= n)
        if kind == "string" { expected = ["2:3 E105"] }  // `role` is a person's attribute, not a scheme's
        let text = "scheme S {\n  \(line)\n  area a; status idea; lead L\n}\n"
        let result = H.parse(text)
        #expect(H.positions(result.diagnostics) == expected)
        #expect(result.tree.sourceText == text)
    }
}

/// The structure check over `Grammar`: unknown attributes (E105), shapes (E104), repeats (E106)
/// and missing required attributes (E107), each reported once, where a user would look.
@Suite struct StructureCheckTests {
    typealias H = SyntaxHarness

    /// A scheme with everything it requires, plus `body`.
    static func scheme(_ body: String) -> String {
        "scheme S \"t\" {\n  area a\n  status delivery\n  lead L\n\(body)\n}\n"
    }

    static func diagnostics(_ text: String) -> [Diagnostic] {
        let result = H.parse(text)
        #expect(result.syntaxErrors.isEmpty, "\(result.syntaxErrors.map(\.message))")
        var all = result.structureDiagnostics
        all.sortForDisplay()
        return all
    }

    // MARK: E105

    @Test func unknownAttributeWithSuggestion() throws {
        let found = Self.diagnostics(Self.scheme("  lvel system"))
        #expect(H.positions(found) == ["5:3 E105"])
        #expect(found.first?.message == "unknown attribute `lvel` in a scheme")
        #expect(found.first?.help == "did you mean `level`?")
    }

    @Test func misspeltRequiredAttribute() {
        // The typo is reported, and so is the attribute it leaves missing.
        let found = Self.diagnostics("scheme S {\n  area a\n  stauts delivery\n  lead L\n}\n")
        #expect(H.positions(found) == ["1:1 E107", "3:3 E105"])
        #expect(found.last?.help == "did you mean `status`?")
    }

    @Test func unknownDeclaration() {
        let found = Self.diagnostics("shceme S {\n  area a\n}\n")
        #expect(H.positions(found) == ["1:1 E105"])
        #expect(found.first?.message == "`shceme` is not a declaration")
        #expect(found.first?.help == "did you mean `scheme`?")
    }

    @Test func attributeInTheWrongBlock() {
        let found = Self.diagnostics(Self.scheme("  due 2022-09-30"))
        #expect(H.positions(found) == ["5:3 E105"])
        #expect(found.first?.help == "`due` belongs in a milestone")
    }

    @Test func unknownWordWithNothingClose() {
        let found = Self.diagnostics("milestone-list x\n")
        #expect(found.first?.help?.hasPrefix("declarations are: include, plan") == true)
    }

    @Test func wrongKeywordValue() {
        let found = Self.diagnostics("scheme S {\n  area a\n  status deliverd\n  lead L\n}\n")
        #expect(H.positions(found) == ["3:10 E105"])
        #expect(found.first?.message == "`deliverd` is not a status")
        #expect(found.first?.help?.hasPrefix("did you mean `delivery`?") == true)
    }

    @Test(arguments: [
        ("  level sytem", "5:9", "`sytem` is not a level"),
        ("  confidence amberr", "5:14", "`amberr` is not a confidence rating"),
        ("  recurrent maybe", "5:13", "`maybe` is not yes or no"),
        ("  qia signed 2022-03-30", "5:7", "`signed` is not a QIA state"),
    ])
    func wrongKeywordValues(_ line: String, _ position: String, _ message: String) {
        let found = Self.diagnostics(Self.scheme(line))
        #expect(H.positions(found) == ["\(position) E105"])
        #expect(found.first?.message == message)
    }

    @Test func unknownCheckCodeInRules() {
        let found = Self.diagnostics("plan \"P\" {\n  years FY22/23\n  rules { W704 off; W407 of }\n}\n")
        #expect(H.positions(found) == ["3:11 E105", "3:26 E105"])
        #expect(found.first?.message == "`W704` is not a check code")
        #expect(found.last?.help?.hasPrefix("did you mean `off`?") == true)
    }

    // MARK: E104 from the structure check

    @Test func argumentsOfTheWrongShape() {
        let found = Self.diagnostics(Self.scheme("  sro 5%\n  partners A B\n  share\n  savings FY22/23 £1m { }"))
        #expect(H.positions(found) == ["5:7 E104", "6:14 E104", "7:3 E104", "8:19 E104"])
        #expect(found[0].message == "`sro` expects a person here, found `5%`")
        #expect(found[2].message == "`share` needs a block `{ … }`")
    }

    @Test func blockWhereNoneIsTaken() {
        let found = Self.diagnostics(Self.scheme("  sro asmith { }\n  share {\n    A 100% { }\n  }"))
        #expect(H.positions(found) == ["5:14 E104", "7:12 E104"])
    }

    @Test func missingArguments() {
        let found = Self.diagnostics("plan \"P\" {\n  years\n}\n")
        #expect(H.positions(found) == ["2:3 E104"])
        #expect(found.first?.message == "`years` needs a financial year or a year range")
        #expect(Self.diagnostics("scheme S {\n  area\n  status idea\n  lead L\n}\n").map(\.message) == ["`area` needs an area"])
        #expect(Self.diagnostics("scheme S {\n  area a\n  status\n  lead\n}\n").map(\.message)
            == ["`status` needs a status (idea, scoping, approved, delivery, refresh, closure, closed, withdrawn)", "`lead` needs a partner"])
    }

    // MARK: E106

    @Test func attributeGivenTwice() throws {
        let found = Self.diagnostics(Self.scheme("  status scoping"))
        #expect(H.positions(found) == ["5:3 E106"])
        #expect(found.first?.message == "`status` is given twice in this scheme")
        let note = try #require(found.first?.notes.first)
        #expect(note.message == "first given here")
        #expect(H.file(Self.scheme("  status scoping")).location(of: note.range.lowerBound) == AccordDiagnostics.SourceLocation(line: 3, column: 3))
    }

    @Test func envelopeYearWrittenTwoWays() {
        let found = Self.diagnostics("envelope ESNEFT {\n  FY22/23 £1.8m\n  FY23/24 £2m\n  2022/23 £1.9m\n}\n")
        #expect(H.positions(found) == ["4:3 E106"])
        #expect(found.first?.message == "`FY22/23` is given twice in an envelope")
    }

    @Test func capTwiceForOnePartner() {
        let text = "risk-share r {\n  schemes S\n  cap ESNEFT £400k\n  cap WSFT £100k\n  cap ESNEFT £500k\n}\n"
        #expect(H.positions(Self.diagnostics(text)) == ["5:3 E106"])
        #expect(Self.diagnostics(text).first?.message == "`cap ESNEFT` is given twice in this risk-share")
    }

    @Test func partnerTwiceInOneBandLine() {
        let text = "risk-share r {\n  schemes S\n  shortfall {\n    up-to £1m ESNEFT 50%, WSFT 20%, ESNEFT 30%\n    above ESNEFT 50%, WSFT 50%\n  }\n}\n"
        let found = Self.diagnostics(text)
        #expect(H.positions(found) == ["4:37 E106"])
        #expect(found.first?.message == "ESNEFT is named twice in this band")
        #expect(found.first?.notes.first.map { H.file(text).location(of: $0.range.lowerBound) } == AccordDiagnostics.SourceLocation(line: 4, column: 15))
    }

    @Test func keyedAndPerKeyRepeats() {
        let cases: [(String, [String])] = [
            (Self.scheme("  share {\n    A 50%\n    B 20%\n    A 30%\n  }"), ["8:5 E106"]),
            (Self.scheme("  savings FY22/23 { cash-releasing £1m }\n  savings 2022/23 { cash-releasing £2m }"), ["6:3 E106"]),
            (Self.scheme("  manager bjones 0.5\n  manager bjones 0.2\n  manager cwu 0.1"), ["6:3 E106"]),
            (Self.scheme("  savings FY22/23 {\n    forecast cash-releasing £1m\n    forecast productivity £1m\n    forecast cash-releasing £2m\n  }"), ["8:5 E106"]),
            (Self.scheme("  metric m {\n    baseline 1 at 2022-03\n    target 2\n    actual 1 at 2022-09\n    actual 2 at 2022-09\n    trajectory { 2022-12 1; 2023-06 2; 2022-12 3 }\n  }"),
             ["9:5 E106", "10:40 E106"]),
            ("scenario s {\n  delivery 80%\n  delivery S 50%\n  delivery 90%\n  delivery S 40%\n}\n", ["4:3 E106", "5:3 E106"]),
            ("scenario s {\n  outturn S FY22/23 cash-releasing £1k\n  outturn S FY22/23 productivity £1k\n  outturn S 2022/23 cash-releasing £2k\n}\n", ["4:3 E106"]),
            ("plan \"P\" {\n  years FY22/23\n  confidence-weights { green 100%; amber 50%; green 90% }\n  rules { W407 off; W407 error }\n}\n", ["3:47 E106", "4:21 E106"]),
        ]
        for (text, expected) in cases {
            #expect(H.positions(Self.diagnostics(text)) == expected, "\(text)")
        }
    }

    @Test func ruleGivenTwiceWithDifferentSeverities() {
        // The key of a keyed line is its first element only: `W407 off` and `W407 error` clash.
        let found = Self.diagnostics("plan \"P\" {\n  years FY22/23\n  rules {\n    W407 off\n    W407 error\n  }\n}\n")
        #expect(H.positions(found) == ["5:5 E106"])
        #expect(found.first?.message == "`W407` is given twice in rules")
    }

    @Test func repeatableAttributesAreNotRepeats() {
        let text = Self.scheme("""
              savings FY22/23 {
                actual M1 cash-releasing £1k
                actual M1 cash-releasing £2k
              }
              savings FY23/24 { cash-releasing £1m }
              milestone M1 { due 2022-01-01 }
              milestone M2 { due 2022-02-01 }
              let a = 1
              let b = 2
            """)
        // Two `actual` lines for one month are E409, which the model reports with the as-of date.
        #expect(Self.diagnostics(text).isEmpty)
        #expect(Self.diagnostics("risk-share r {\n  schemes S\n  cap A £1k\n  cap B £1k\n  shortfall { up-to £1k A 100%; up-to £2k A 100% }\n}\n").isEmpty)
    }

    // MARK: E107

    @Test func schemeWithoutStatus() {
        let found = Self.diagnostics("scheme SE-09 \"Pathology\" {\n  area a\n  lead L\n}\n")
        #expect(H.positions(found) == ["1:1 E107"])
        #expect(found.first?.message == "scheme SE-09 has no `status`")
        #expect(found.first?.help == "add a line such as `status delivery`")
        // The range is the header, without the block.
        #expect(found.first.map { H.file("scheme SE-09 \"Pathology\" {").text($0.range) } == "scheme SE-09 \"Pathology\"")
    }

    @Test func milestoneWithoutDue() {
        let found = Self.diagnostics(Self.scheme("  milestone M1 \"Live\" {\n    critical\n  }"))
        #expect(H.positions(found) == ["5:3 E107"])
        #expect(found.first?.message == "milestone M1 has no `due`")
    }

    @Test func metricWithNeitherOrBothTargetAndChange() {
        let neither = Self.diagnostics(Self.scheme("  metric m {\n    baseline 1 at 2022-03\n  }"))
        #expect(H.positions(neither) == ["5:3 E107"])
        #expect(neither.first?.message == "metric m has neither `target` nor `change`")
        let both = Self.diagnostics(Self.scheme("  metric m {\n    baseline 1 at 2022-03\n    target 2\n    change 5%\n  }"))
        #expect(H.positions(both) == ["5:3 E107"])
        #expect(both.first?.message == "metric m has both `target` and `change`")
        let noBaseline = Self.diagnostics(Self.scheme("  metric m {\n    change -5% by 2024-03\n  }"))
        #expect(noBaseline.map(\.message) == ["metric m has no `baseline`"])
    }

    @Test func planWithoutYears() {
        let found = Self.diagnostics("plan \"P\" {\n  as-of 2022-09-30\n}\n")
        #expect(H.positions(found) == ["1:1 E107"])
        #expect(found.first?.message == "the plan has no `years`")
    }

    @Test func otherRequiredAttributes() {
        #expect(Self.diagnostics("person p {\n  role \"x\"\n}\n").map(\.message) == ["person p has no `partner`"])
        #expect(Self.diagnostics("risk-share r {\n  measure total\n}\n").map(\.message) == ["risk-share r has no `schemes`"])
        #expect(Self.diagnostics("scheme S { }\n").map(\.message) == ["scheme S has no `area`", "scheme S has no `status`", "scheme S has no `lead`"])
        // Blocks that may be left out are not checked for what they would require.
        #expect(Self.diagnostics("partner A \"A\"\nperson p \"P\"\n").isEmpty)
    }
}
