import AccordSyntax
import Foundation
import Testing

/// The formatter's promises, checked on the example plans and on generated ones: the output
/// parses cleanly with the same structure diagnostics, keeps every token and comment in order,
/// and formatting it again changes nothing.
struct PropertyTests {
    @Test func examplePlansKeepTheirMeaning() throws {
        let files = Paths.files(under: Paths.examples, suffix: ".accord")
        #expect(!files.isEmpty, "no example plans under \(Paths.examples.path)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let problems = formattingProblems(of: text, name: file.path)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    /// 500 plans by default; `ACCORD_FUZZ_COUNT=20000 swift test` searches longer.
    @Test func generatedPlansKeepTheirMeaning() {
        let count = fuzzCount(default: 500)
        var failures = 0
        for seed in UInt64(1)...count {
            var generator = PlanGenerator(seed: seed)
            let text = generator.file()
            let problems = formattingProblems(of: text, name: "generated plan \(seed)")
            if !problems.isEmpty {
                failures += 1
                // A handful of failures says enough; the input is printed to reproduce them.
                if failures <= 3 { Issue.record("\(problems.joined(separator: "\n"))\n--- input\n\(text)") }
            }
        }
        #expect(failures == 0, "\(failures) of \(count) generated plans failed")
    }

    /// The generator is only useful if it reaches the layouts the formatter has rules for.
    @Test func generatedPlansCoverTheTrickyLayouts() {
        let wanted: Set<String> = ["crlf", "byte-order mark", "long financial year", "semicolon", "one-line block",
                                   "comment on {", "comment on }", "own-line comment", "wrapped list",
                                   "comment after comma", "blank lines", "tab indent"]
        var seen: Set<String> = []
        for seed in UInt64(1)...500 {
            var generator = PlanGenerator(seed: seed)
            let tree = parse(generator.file()).tree
            // Each token with the significant (or comment) token before it on the same stretch.
            let tokens = tree.tokens.filter { $0.kind != .whitespace }
            for (index, token) in tokens.enumerated() {
                let text = tree.text(of: token)
                let before = index > 0 ? tokens[index - 1].kind : nil
                switch token.kind {
                case .newline where text == "\r\n": seen.insert("crlf")
                case .newline where before == .newline && index > 1 && tokens[index - 2].kind == .newline: seen.insert("blank lines")
                case .newline where before == .comma: seen.insert("wrapped list")
                case .byteOrderMark: seen.insert("byte-order mark")
                case .financialYear, .yearRange: if !text.hasPrefix("FY") { seen.insert("long financial year") }
                case .semicolon: seen.insert("semicolon")
                case .comment where before == .leftBrace: seen.insert("comment on {")
                case .comment where before == .rightBrace: seen.insert("comment on }")
                case .comment where before == .comma: seen.insert("comment after comma")
                case .comment where before == .newline || before == nil: seen.insert("own-line comment")
                case .leftBrace where index + 1 < tokens.count && ![.newline, .rightBrace, .comment].contains(tokens[index + 1].kind):
                    seen.insert("one-line block")
                default: break
                }
            }
            if tree.tokens.contains(where: { $0.kind == .whitespace && tree.text(of: $0).hasPrefix("\t") }) { seen.insert("tab indent") }
        }
        #expect(seen == wanted, "the generator never produced: \(wanted.subtracting(seen).sorted())")
    }
}
