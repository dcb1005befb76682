import AccordFormat
import AccordSyntax
import Foundation
import Testing

/// `testdata/NAME.accord` formats to `testdata/NAME.formatted`. `ACCORD_UPDATE_GOLDEN=1 swift test`
/// rewrites the `.formatted` files; review the change in the diff.
struct GoldenTests {
    static let inputs = Paths.files(under: Paths.testdata, suffix: ".accord")

    @Test func everyGoldenFileFormatsAsExpected() throws {
        #expect(Self.inputs.count >= 10, "the golden inputs are missing from \(Paths.testdata.path)")
        let update = ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] == "1"
        for input in Self.inputs {
            let name = input.lastPathComponent
            let result = parse(bytes: Array(try Data(contentsOf: input)), path: name)
            #expect(result.syntaxErrors.isEmpty, "\(name) has syntax errors")
            let actual = Formatter.format(result.tree)
            let expectedURL = input.deletingPathExtension().appendingPathExtension("formatted")
            if update {
                try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            #expect(actual == expected, "\(name) formats differently from \(expectedURL.lastPathComponent); run ACCORD_UPDATE_GOLDEN=1 swift test and review the diff")
            // gofmt's check: a formatted file is already canonical.
            #expect(format(expected) == expected, "\(expectedURL.lastPathComponent) is not stable under formatting")
        }
    }

    /// Line endings and a byte-order mark never change the output.
    @Test func crlfAndByteOrderMarkFormatTheSame() throws {
        for input in Self.inputs {
            let text = try String(contentsOf: input, encoding: .utf8)
            let lf = text.replacingOccurrences(of: "\r\n", with: "\n")
            let crlf = "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(format(crlf) == format(lf), "\(input.lastPathComponent) formats differently with CRLF and a BOM")
        }
    }
}
