import AccordCommandLine
import AccordDiagnostics
import Foundation
import Testing

/// `accord explain [CODE…]`.
struct ExplainTests {
    @Test(arguments: DiagnosticCode.allCases)
    func everyCodeIsExplained(_ code: DiagnosticCode) {
        let result = run(arguments: ["explain", code.rawValue])
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        let text = result.stdout
        #expect(text.hasPrefix("\(code.defaultSeverity.rawValue)[\(code.rawValue)]: \(code.title)\n\n"))
        #expect(text.contains("\nExample:\n\n"))
        #expect(text.contains("\nFix:\n\n"))
        // The texts are wrapped, so compare them word by word.
        let words = text.split(whereSeparator: \.isWhitespace)
        for part in [code.explanation, code.fix] {
            #expect(words.joined(separator: " ").contains(part.split(whereSeparator: \.isWhitespace).joined(separator: " ")))
        }
        for line in code.example.split(separator: "\n") {
            #expect(text.contains("    \(DisplayText.escaped(line))\n"), "example line not shown indented: \(line)")
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("    ") {
            #expect(line.count <= 100, "line longer than 100 characters: \(line)")
        }
    }

    @Test func codesAreCaseInsensitive() {
        let lower = run(arguments: ["explain", "e202"])
        #expect(lower.exitCode == 0)
        #expect(lower == run(arguments: ["explain", "E202"]))
        #expect(lower.stdout.hasPrefix("error[E202]: unknown name\n"))
    }

    @Test func unknownCodeIsAUsageErrorWithASuggestion() {
        let typo = run(arguments: ["explain", "E2O2"])
        #expect(typo.exitCode == 2)
        #expect(typo.stdout.isEmpty)
        #expect(typo.stderr.contains("unknown code `E2O2` (did you mean E202?)"))
        let unknown = run(arguments: ["explain", "X999"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("unknown code `X999`"))
        #expect(!unknown.stderr.contains("did you mean"))
    }

    @Test func withoutACodeListsEveryCode() {
        let result = run(arguments: ["explain"])
        #expect(result.exitCode == 0)
        for code in DiagnosticCode.allCases {
            #expect(result.stdout.contains("  \(code.rawValue)  \(code.defaultSeverity.rawValue)"), "\(code) missing from the list")
            #expect(result.stdout.contains(" \(code.title)\n"))
        }
    }

    @Test func severalCodesAreExplainedInOrderGiven() {
        let result = run(arguments: ["explain", "W401", "e101"])
        #expect(result.exitCode == 0)
        let w401 = result.stdout.range(of: "warning[W401]"), e101 = result.stdout.range(of: "error[E101]")
        #expect(w401 != nil && e101 != nil && w401!.lowerBound < e101!.lowerBound)
    }

    @Test func helpIsAvailable() {
        let help = run(arguments: ["explain", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("Usage: accord explain [CODE…]"))
        #expect(run(arguments: ["help", "explain"]) == help)
        #expect(run(arguments: ["--help"]).stdout.contains("  explain "))
    }

    /// `testdata/explain/E202.expected`: the whole text of one explanation, for review.
    @Test func goldenExplanation() throws {
        let url = GoldenTests.testdata.appendingPathComponent("explain/E202.expected")
        let actual = "$ accord explain E202\n" + run(arguments: ["explain", "E202"]).stdout
        if ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)))
    }
}
