import AccordDiagnostics
import AccordFormat
import AccordSyntax
import Foundation

/// Where the tests find their inputs: beside this file, and the repository's examples.
enum Paths {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let testdata = here.appendingPathComponent("testdata")
    static let repositoryRoot = here.deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repositoryRoot.appendingPathComponent("examples")

    /// Every file under `folder` whose name ends with `suffix`, sorted by path.
    static func files(under folder: URL, suffix: String) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.path < $1.path }
    }
}

func parse(_ text: String, path: String = "test.accord") -> ParseResult {
    parse(bytes: Array(text.utf8), path: path)
}

/// `SourceFile` lives in AccordDiagnostics, which this target reaches only through AccordSyntax.
func parse(bytes: [UInt8], path: String) -> ParseResult {
    parse(SourceFile(path: path, bytes: bytes))
}

func format(_ text: String) -> String { Formatter.format(parse(text).tree) }

/// What formatting must keep: every token but whitespace, newlines and `;`, with comments trimmed
/// and literals by their normalised text, each tagged with its kind.
func signature(of tree: SyntaxTree) -> [String] {
    tree.tokens.compactMap { token in
        switch token.kind {
        case .whitespace, .newline, .semicolon, .byteOrderMark, .endOfFile:
            return nil
        case .comment:
            var text = Substring(tree.text(of: token))
            while let last = text.last, last.isWhitespace { text.removeLast() }
            return "comment \(text)"
        default:
            return "\(token.kind) \(LiteralText.normalized(token.kind, tree.text(of: token)))"
        }
    }
}

/// The formatter's promises for one input that parses cleanly; returns the problems found.
func formattingProblems(of text: String, name: String) -> [String] {
    let input = parse(text, path: name)
    guard input.syntaxErrors.isEmpty else {
        return ["\(name): the input has syntax errors: " + input.syntaxErrors.map { "\($0.start.line):\($0.start.column) \($0.message)" }.joined(separator: "; ")]
    }
    let once = Formatter.format(input.tree)
    let output = parse(once, path: name)
    var problems: [String] = []
    if !output.syntaxErrors.isEmpty {
        problems.append("\(name): the output has syntax errors: " + output.syntaxErrors.map { "\($0.start.line):\($0.start.column) \($0.message)" }.joined(separator: "; ") + "\n" + once)
    }
    let twice = Formatter.format(output.tree)
    if twice != once { problems.append("\(name): formatting is not idempotent\n--- once\n\(once)--- twice\n\(twice)") }
    if signature(of: input.tree) != signature(of: output.tree) {
        let a = signature(of: input.tree), b = signature(of: output.tree)
        let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        problems.append("\(name): tokens differ at \(at): \(a.dropFirst(at).prefix(3)) became \(b.dropFirst(at).prefix(3))\n\(once)")
    }
    let codes = { (r: ParseResult) in r.structureDiagnostics.map(\.code.rawValue).sorted() }
    if codes(input) != codes(output) {
        problems.append("\(name): structure diagnostics changed from \(codes(input)) to \(codes(output))\n\(once)")
    }
    return problems
}

/// How many generated plans a randomized test tries: `ACCORD_FUZZ_COUNT`, else `fallback`.
func fuzzCount(default fallback: Int) -> UInt64 {
    UInt64(max(1, ProcessInfo.processInfo.environment["ACCORD_FUZZ_COUNT"].flatMap { Int($0) } ?? fallback))
}
