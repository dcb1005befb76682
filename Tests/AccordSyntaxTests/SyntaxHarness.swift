import AccordDiagnostics
@testable import AccordSyntax
import Foundation

/// Helpers shared by the front-end tests (lexer, parser, grammar, round trip), kept in one
/// namespace so they cannot collide with other suites of this target.
enum SyntaxHarness {
    // MARK: Parsing

    static func file(_ text: String, path: String = "test.accord") -> SourceFile {
        SourceFile(path: path, text: text)
    }

    static func parse(_ text: String) -> ParseResult { AccordSyntax.parse(file(text)) }

    static func parse(bytes: [UInt8]) -> ParseResult { AccordSyntax.parse(SourceFile(path: "test.accord", bytes: bytes)) }

    /// Every diagnostic as `line:column CODE`, in display order: the shape most assertions use.
    static func positions(_ diagnostics: [Diagnostic]) -> [String] {
        var sorted = diagnostics
        sorted.sortForDisplay()
        return sorted.map { "\($0.start.line):\($0.start.column) \($0.code.rawValue)" }
    }

    static func positions(_ text: String) -> [String] { positions(parse(text).diagnostics) }

    // MARK: Tokens

    /// A token as the tests compare it: kind, byte range, text, and whether it was malformed.
    struct Lexed: Equatable, CustomStringConvertible {
        var kind: TokenKind
        var range: Range<Int>
        var text: String
        var malformed = false

        var description: String { "\(kind)\(malformed ? "!" : "") \(range) \(text.debugDescription)" }
    }

    /// The tokens of `text` (end of file included) and the lexer's diagnostics.
    static func lex(_ text: String) -> (tokens: [Lexed], diagnostics: [Diagnostic]) {
        lex(bytes: Array(text.utf8))
    }

    static func lex(bytes: [UInt8]) -> (tokens: [Lexed], diagnostics: [Diagnostic]) {
        let file = SourceFile(path: "test.accord", bytes: bytes)
        let (tokens, diagnostics) = Lexer.tokenize(file)
        return (tokens.map { Lexed(kind: $0.kind, range: $0.range, text: file.text($0.range), malformed: $0.isMalformed) }, diagnostics)
    }

    /// The tokens a sequence of pieces should lex to: each piece's kind and text, ranges laid end
    /// to end, then the end of file. Writing the expectation as pieces keeps every range exact
    /// without counting bytes by hand (and `£` is two bytes).
    static func expected(_ pieces: [(TokenKind, String)], malformed: Set<Int> = []) -> [Lexed] {
        var offset = 0
        var result: [Lexed] = []
        for (index, (kind, text)) in pieces.enumerated() {
            let width = text.utf8.count
            result.append(Lexed(kind: kind, range: offset..<(offset + width), text: text, malformed: malformed.contains(index)))
            offset += width
        }
        result.append(Lexed(kind: .endOfFile, range: offset..<offset, text: ""))
        return result
    }

    /// The source the pieces spell.
    static func source(_ pieces: [(TokenKind, String)]) -> String { pieces.map(\.1).joined() }

    // MARK: The repository

    /// The repository root, found from this file's path (Tests/AccordSyntaxTests/…).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var grammarURL: URL { repositoryRoot.appendingPathComponent("grammar/accord.ebnf") }

    /// The examples folder, symbolic links resolved (so the walk below descends into it).
    static var examplesFolder: URL { repositoryRoot.appendingPathComponent("examples").resolvingSymlinksInPath() }

    /// Every `.accord` file under examples/, sorted by path.
    static var exampleFiles: [URL] {
        guard let walker = FileManager.default.enumerator(at: examplesFolder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "accord" }
            .sorted { $0.path < $1.path }
    }

    /// `examples/snee/plan.accord`: stable across machines, so it can seed the mutations.
    static func exampleName(_ url: URL) -> String {
        let folder = examplesFolder.standardizedFileURL.path
        let path = url.resolvingSymlinksInPath().standardizedFileURL.path
        return "examples" + (path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : "/" + url.lastPathComponent)
    }

    static func contents(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
}
