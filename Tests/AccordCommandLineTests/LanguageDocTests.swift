import AccordCommandLine
import AccordDiagnostics
import Foundation
import Testing

/// docs/language.md: every example is run through the real `accord check` and must behave as its
/// fence says (the convention is written at the top of the document), and every diagnostic code
/// has a section with an example that triggers it.
struct LanguageDocTests {
    static let document = ExampleTests.root.appendingPathComponent("docs/language.md")
    static let lines: [String] = ((try? String(contentsOf: document, encoding: .utf8)) ?? "")
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    /// Codes whose example needs more than one file of text: they point to golden tests instead.
    static let needSeveralFiles: Set<DiagnosticCode> = [
        .E109, // bytes that are not UTF-8: testdata/check/E109-not-utf8.accord
        .W415, // a file beside the plan: testdata/check-projects/W415-forgotten-fragment
    ]

    /// The front end's codes: a fragment must have none of them.
    static let syntaxCodes: Set<String> = ["E101", "E102", "E103", "E104", "E105", "E106", "E107"]

    /// What a fragment is put after, to be checked as a plan.
    static let fragmentPlan = "plan \"Fragment\" { years FY22/23..FY24/25; as-of 2022-09-30 }\n"

    /// One fenced example: ```accord [clean] [error=CODE,…] [warning=CODE,…]``` or ```accord-fragment```.
    struct Example: Sendable, CustomTestStringConvertible {
        let line: Int
        let isFragment: Bool
        let clean: Bool
        let errors: [String]
        let warnings: [String]
        let unknownAttributes: [String]
        let body: String
        var testDescription: String { "language.md:\(line)" }
    }

    static let examples: [Example] = {
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].hasPrefix("```accord") else { continue }
            let info = lines[index].dropFirst(3).split(separator: " ").map(String.init)
            let start = index + 1
            var body: [String] = []
            index += 1
            while index < lines.count, !lines[index].hasPrefix("```") {
                body.append(lines[index])
                index += 1
            }
            var clean = false, errors: [String] = [], warnings: [String] = [], unknown: [String] = []
            for attribute in info.dropFirst() {
                if attribute == "clean" { clean = true }
                else if attribute.hasPrefix("error=") { errors += attribute.dropFirst(6).split(separator: ",").map(String.init) }
                else if attribute.hasPrefix("warning=") { warnings += attribute.dropFirst(8).split(separator: ",").map(String.init) }
                else { unknown.append(attribute) }
            }
            if !["accord", "accord-fragment"].contains(info[0]) { unknown.append(info[0]) }
            examples.append(Example(line: start, isFragment: info[0] == "accord-fragment", clean: clean, errors: errors, warnings: warnings,
                                    unknownAttributes: unknown, body: body.joined(separator: "\n") + "\n"))
        }
        return examples
    }()

    /// An empty folder to check examples in, so an `include` finds nothing of this repository.
    static let folder: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-language-doc-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    struct Reported: Equatable { let code: String, severity: String, line: Int }

    /// `accord check --format json -` on the example's text; lines counted within the example.
    static func check(_ example: Example) throws -> (reported: [Reported], exitCode: Int32, stderr: String) {
        let text = example.isFragment ? fragmentPlan + example.body : example.body
        let bytes = Array(text.utf8)
        let result = run(Invocation(arguments: ["check", "--format", "json", "--stdin-filename", "example.accord", "-"],
                                    stdin: { bytes }, workingDirectory: folder))
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let offset = example.isFragment ? 1 : 0
        let reported = objects.map {
            Reported(code: $0["code"] as? String ?? "?", severity: $0["severity"] as? String ?? "?", line: ($0["line"] as? Int ?? 0) - offset)
        }
        return (reported, result.exitCode, result.stderr)
    }

    @Test func theDocumentHasExamples() {
        #expect(Self.examples.count > DiagnosticCode.allCases.count, "docs/language.md missing or without examples")
    }

    @Test(arguments: examples)
    func exampleBehavesAsMarked(_ example: Example) throws {
        let place = "language.md:\(example.line)"
        #expect(example.unknownAttributes.isEmpty, "\(place): unknown fence words \(example.unknownAttributes)")
        let (reported, exitCode, stderr) = try Self.check(example)
        #expect(stderr.isEmpty, "\(place): \(stderr)")
        let shown = reported.map { "\($0.code) \($0.severity) at example line \($0.line)" }
        if example.isFragment {
            let syntax = reported.filter { Self.syntaxCodes.contains($0.code) }
            #expect(syntax.isEmpty, "\(place): a fragment must parse, but check reports \(shown)")
            return
        }
        for code in example.errors {
            #expect(reported.contains { $0.code == code && $0.severity == "error" }, "\(place): expected error \(code), got \(shown)")
        }
        for code in example.warnings {
            #expect(reported.contains { $0.code == code && $0.severity == "warning" }, "\(place): expected warning \(code), got \(shown)")
        }
        let unlisted = reported.filter { $0.severity == "error" && !example.errors.contains($0.code) }
        #expect(unlisted.isEmpty, "\(place): errors not marked on the fence: \(shown)")
        if example.clean { #expect(reported.isEmpty, "\(place): marked clean, but check reports \(shown)") }
        #expect(exitCode == (example.errors.isEmpty ? 0 : 1), "\(place): exit \(exitCode)")
        // `# <- CODE` marks the line the diagnostic points to.
        for (number, line) in example.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let marker = line.range(of: "# <- ") else { continue }
            let code = String(line[marker.upperBound...].prefix(4))
            #expect(reported.contains { $0.code == code && $0.line == number + 1 }, "\(place): \(code) not reported at example line \(number + 1); got \(shown)")
        }
    }

    /// `accord explain CODE`'s example (shared with SARIF's rule help) reports its code at the
    /// line marked `# <- CODE`, as the explanation promises.
    @Test(arguments: DiagnosticCode.allCases.filter { !needSeveralFiles.contains($0) })
    func explanationExampleTriggersItsCode(_ code: DiagnosticCode) throws {
        let example = Example(line: 0, isFragment: false, clean: false, errors: [], warnings: [], unknownAttributes: [], body: code.example + "\n")
        let (reported, _, _) = try Self.check(example)
        let marked = code.example.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("# <- \(code.rawValue)") }
        let line = try #require(marked, "\(code)'s example has no line marked `# <- \(code.rawValue)`") + 1
        #expect(reported.contains { $0.code == code.rawValue && $0.line == line },
                "\(code)'s example should report \(code) at its line \(line); got \(reported.map { "\($0.code) at \($0.line)" })")
        let others = reported.filter { $0.code != code.rawValue && $0.severity == "error" }
        #expect(others.isEmpty, "\(code)'s example also reports \(others.map(\.code))")
    }

    /// Every `(#anchor)` link in the document leads to one of its headings, and each code's
    /// heading has the anchor `documentationAnchor` gives for links. Slugs as GitHub makes them: lower case,
    /// spaces to `-`, punctuation other than `-` and `_` dropped.
    @Test func linksLeadToHeadings() {
        var inFence = false
        let headings = Self.lines.filter { line in
            if line.hasPrefix("```") { inFence.toggle() }
            return !inFence && line.hasPrefix("#")
        }
        let slugs = Set(headings.map { heading in
            String(heading.drop { $0 == "#" }.dropFirst().lowercased().compactMap { c -> Character? in
                c == " " ? "-" : (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : nil
            })
        })
        for code in DiagnosticCode.allCases {
            #expect(slugs.contains(code.documentationAnchor), "no heading for the anchor #\(code.documentationAnchor)")
        }
        for (number, line) in Self.lines.enumerated() {
            for part in line.components(separatedBy: "](#").dropFirst() {
                let anchor = String(part.prefix { $0 != ")" })
                #expect(slugs.contains(anchor), "language.md:\(number + 1): no heading for the link #\(anchor)")
            }
        }
    }

    /// `### E202 unknown name` for every code, in code order (stable anchors for links), each
    /// with an example marked with that code, except the codes that need several files.
    @Test func everyCodeHasASectionWithAnExample() throws {
        let headings = Self.lines.indices.filter { Self.lines[$0].hasPrefix("### ") && Self.lines[$0].dropFirst(4).first.map { $0 == "E" || $0 == "W" } == true }
        #expect(headings.map { Self.lines[$0] } == DiagnosticCode.allCases.map { "### \($0.rawValue) \($0.title)" })
        for code in DiagnosticCode.allCases {
            guard let start = Self.lines.firstIndex(of: "### \(code.rawValue) \(code.title)") else { continue }
            let end = Self.lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") || $0.hasPrefix("### ") } ?? Self.lines.count
            let examples = Self.examples.filter { $0.line > start && $0.line < end && ($0.errors + $0.warnings).contains(code.rawValue) }
            if Self.needSeveralFiles.contains(code) {
                #expect(examples.isEmpty, "\(code) now has an example: take it off the list of codes that need several files")
                let section = Self.lines[start..<end].joined(separator: "\n")
                #expect(section.contains("Tests/AccordCommandLineTests/testdata/"), "\(code)'s section should point to its golden test")
            } else {
                #expect(!examples.isEmpty, "### \(code.rawValue) has no example marked error=\(code.rawValue) or warning=\(code.rawValue)")
            }
        }
    }
}
