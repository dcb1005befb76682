import AccordDiagnostics
import AccordSyntax
import Testing

/// The texts behind `accord explain`, SARIF rule help and the docs: every code has them, and
/// every example means what it says. Front-end examples must give exactly their own code, on the
/// line marked `# <- CODE`; the others must parse cleanly (their codes come from the model).
@Suite struct ExplanationTests {
    /// Codes the parser and structure check report, so their examples can be checked here.
    static let frontEndCodes: [DiagnosticCode] = [.E101, .E102, .E103, .E104, .E105, .E106, .E107, .E414, .W417]
    /// Codes whose example cannot be one file's text (bytes that are not UTF-8).
    static let describedCodes: Set<DiagnosticCode> = [.E109]
    static var modelCodes: [DiagnosticCode] {
        DiagnosticCode.allCases.filter { !frontEndCodes.contains($0) && !describedCodes.contains($0) }
    }

    static func parseExample(_ text: String) -> [Diagnostic] {
        parse(SourceFile(path: "example.accord", text: text)).diagnostics
    }

    /// 1-based numbers of the lines carrying the `# <- CODE` marker.
    static func markedLines(_ text: String, _ code: DiagnosticCode) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("# <- \(code.rawValue)") }
            .map { $0.offset + 1 }
    }

    @Test(arguments: DiagnosticCode.allCases)
    func everyCodeIsExplained(_ code: DiagnosticCode) {
        #expect(!code.explanation.isEmpty)
        #expect(!code.example.isEmpty)
        #expect(!code.fix.isEmpty)
        // Written as prose: whole sentences, no stray line-continuation gaps.
        #expect(code.explanation.hasSuffix("."))
        #expect(code.fix.hasSuffix("."))
        #expect(!code.explanation.contains("  "))
        #expect(!code.fix.contains("  "))
        #expect(!code.explanation.contains("\n"))
        #expect(!code.fix.contains("\n"))
    }

    @Test(arguments: DiagnosticCode.allCases)
    func exampleMarksTheOffendingLine(_ code: DiagnosticCode) {
        #expect(!Self.markedLines(code.example, code).isEmpty, "example for \(code) has no `# <- \(code.rawValue)` marker")
        // No marker for another code: each example shows one check.
        for other in DiagnosticCode.allCases where other != code {
            #expect(!code.example.contains("# <- \(other.rawValue)"))
        }
    }

    @Test(arguments: frontEndCodes)
    func frontEndExampleReportsItsCode(_ code: DiagnosticCode) {
        let diagnostics = Self.parseExample(code.example)
        #expect(diagnostics.contains { $0.code == code }, "example for \(code) gives \(diagnostics.map(\.code))")
        #expect(diagnostics.allSatisfy { $0.code == code }, "example for \(code) also gives \(diagnostics.map(\.code))")
        let marked = Self.markedLines(code.example, code)
        for diagnostic in diagnostics where diagnostic.code == code {
            #expect(marked.contains(diagnostic.start.line),
                    "\(code) reported on line \(diagnostic.start.line), marked \(marked): \(diagnostic.message)")
        }
    }

    @Test(arguments: modelCodes)
    func modelExampleParsesCleanly(_ code: DiagnosticCode) {
        let diagnostics = Self.parseExample(code.example)
        #expect(diagnostics.isEmpty, "example for \(code) gives \(diagnostics.map { "\($0.code) line \($0.start.line): \($0.message)" })")
    }

    /// E109's example describes bytes that text cannot hold: the marked line's `£` saved as the
    /// single Windows-1252 byte 0xA3. The text is a description; the bytes it describes give E109.
    @Test func invalidUTF8ExampleIsADescription() {
        let example = DiagnosticCode.E109.example
        #expect(example.hasPrefix("#"))
        #expect(example.contains("UTF-8"))
        #expect(example.contains("0xA3"))

        let pound: [UInt8] = [0xC2, 0xA3]
        let utf8 = Array(example.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < utf8.count {
            if utf8[index...].starts(with: pound) {
                bytes.append(0xA3)
                index += 2
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        let diagnostics = parse(SourceFile(path: "example.accord", bytes: bytes)).diagnostics
        #expect(diagnostics.map(\.code) == [.E109])
        #expect(diagnostics.first.map { Self.markedLines(example, .E109).contains($0.start.line) } == true)
    }

    @Test func documentationAnchorsAreSlugsOfCodeAndTitle() {
        let anchors = DiagnosticCode.allCases.map(\.documentationAnchor)
        #expect(Set(anchors).count == anchors.count)
        #expect(DiagnosticCode.E202.documentationAnchor == "e202-unknown-name")
        #expect(DiagnosticCode.W406.documentationAnchor == "w406-metric-target-moves-against-better")
        #expect(DiagnosticCode.E401.documentationAnchor == "e401-percents-do-not-sum-to-100")
        for code in DiagnosticCode.allCases {
            let anchor = code.documentationAnchor
            #expect(anchor.hasPrefix(code.rawValue.lowercased() + "-"))
            #expect(anchor.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }, "\(anchor)")
            #expect(!anchor.contains("--") && !anchor.hasSuffix("-"), "\(anchor)")
        }
    }
}
