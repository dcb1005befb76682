@testable import AccordSyntax
import Foundation
import Testing

/// Keeps the editor grammars (editors/vscode's TextMate grammar, editors/vim's syntax file,
/// editors/emacs's mode) in step with `Grammar`: a keyword added to, or dropped from, the table
/// fails here until every editor colours it. Whether their regexes work is scripts/test-editors.sh's business.
@Suite struct EditorGrammarTests {
    /// Words that open a declaration or a block: the top-level statements and every attribute
    /// that takes a block (`savings FY22/23 { … }`).
    static let declarations: Set<String> = {
        var words = Set(Grammar.schema(.file).attributes.map(\.keyword))
        for schema in Grammar.schemas.values { words.formUnion(schema.attributes.filter { $0.block != nil }.map(\.keyword)) }
        return words
    }()

    static let attributes: Set<String> = Set(Grammar.schemas.values.flatMap { $0.attributes.map(\.keyword) }).subtracting(declarations)

    /// The words of every `a|b|c` alternation in a regex.
    static func alternatives(_ regex: String) -> Set<String> {
        let groups = regex.split(whereSeparator: { "()".contains($0) })
        return Set(groups.filter { $0.contains("|") }.flatMap { group in
            group.split(separator: "|").map { String($0.drop { $0 == "?" || $0 == ":" }) }
        }.filter { $0.first?.isLetter == true && $0.allSatisfy { $0.isLetter || $0 == "-" } })
    }

    static func file(_ path: String) throws -> String {
        try String(contentsOf: SyntaxHarness.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The keyword words of the named repository rules of the TextMate grammar.
    static func textMateWords(_ rules: String...) throws -> Set<String> {
        let grammar = try JSONSerialization.jsonObject(with: Data(file("editors/vscode/syntaxes/accord.tmLanguage.json").utf8))
        let repository = try #require((grammar as? [String: Any])?["repository"] as? [String: [String: Any]])
        return try rules.reduce(into: Set<String>()) { words, rule in
            let match = try #require(repository[rule]?["match"] as? String, "no rule `\(rule)` in the TextMate grammar")
            words.formUnion(alternatives(match))
        }
    }

    /// The keyword words of the Vim syntax file's `syntax match` lines for these groups.
    static func vimWords(_ groups: String...) throws -> Set<String> {
        let lines = try file("editors/vim/syntax/accord.vim").split(separator: "\n")
        return Set(lines.filter { line in groups.contains { line.hasPrefix("syntax match \($0) ") } }
            .flatMap { alternatives(String($0)) })
    }

    static func expectSame(_ editor: Set<String>, _ grammar: Set<String>, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(grammar.subtracting(editor).sorted() == [], "\(what) lacks these words of Grammar.swift", sourceLocation: sourceLocation)
        #expect(editor.subtracting(grammar).sorted() == [], "\(what) has words Grammar.swift does not", sourceLocation: sourceLocation)
    }

    /// The strings of an Emacs Lisp `(defconst NAME '("a" "b" …))` list.
    static func emacsWords(_ name: String) throws -> Set<String> {
        let source = try file("editors/emacs/accord-mode.el")
        let start = try #require(source.range(of: "(defconst \(name)\n"), "no list \(name) in accord-mode.el")
        let list = source[start.upperBound...].prefix { $0 != ")" }
        return Set(list.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
    }

    @Test func textMateGrammarKnowsEveryKeyword() throws {
        Self.expectSame(try Self.textMateWords("declaration-keyword"), Self.declarations, "the TextMate rule declaration-keyword")
        Self.expectSame(try Self.textMateWords("attribute-keyword"), Self.attributes, "the TextMate rule attribute-keyword")
        Self.expectSame(try Self.textMateWords("value-keyword", "joining-word"), Grammar.valueKeywords, "the TextMate rules value-keyword and joining-word")
        #expect(try Self.textMateWords("declaration").subtracting(Self.declarations).sorted() == [])
    }

    @Test func vimSyntaxKnowsEveryKeyword() throws {
        Self.expectSame(try Self.vimWords("accordDeclaration"), Self.declarations, "the Vim group accordDeclaration")
        Self.expectSame(try Self.vimWords("accordAttribute"), Self.attributes, "the Vim group accordAttribute")
        Self.expectSame(try Self.vimWords("accordValue", "accordJoiningWord"), Grammar.valueKeywords, "the Vim groups accordValue and accordJoiningWord")
    }

    @Test func emacsModeKnowsEveryKeyword() throws {
        Self.expectSame(try Self.emacsWords("accord--declarations"), Self.declarations, "accord-mode's accord--declarations")
        Self.expectSame(try Self.emacsWords("accord--attributes"), Self.attributes, "accord-mode's accord--attributes")
        Self.expectSame(try Self.emacsWords("accord--values"), Grammar.valueKeywords, "accord-mode's accord--values")
    }

    @Test func keywordSetsAreWhatTheEditorsExpect() {
        #expect(Self.declarations.contains("scheme") && Self.declarations.contains("savings"))
        #expect(Self.attributes.contains("status") && !Self.attributes.contains("savings"))
        #expect(Grammar.valueKeywords.isSuperset(of: ["delivery", "amber", "by", "at", "signed-off"]))
        #expect(Grammar.allKeywords == Grammar.valueKeywords.union(Self.declarations).union(Self.attributes))
    }
}
