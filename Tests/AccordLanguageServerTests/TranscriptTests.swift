import AccordLanguageServer
import AccordModel
import Foundation
import Testing

/// Golden transcripts: `testdata/transcripts/NAME.in` holds messages, one per line, sent framed
/// through the in-memory transport to a server over the test plan; every reply, one per line,
/// must equal `NAME.expected`. `ACCORD_UPDATE_GOLDEN=1 swift test` rewrites the expected files.
struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("testdata/transcripts")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".in") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// A parameterised test over no names would pass having run nothing.
    @Test func theTranscriptsAreFound() { #expect(!Self.names.isEmpty, "no transcripts in \(Self.folder.path)") }

    @Test(arguments: names) func transcript(_ name: String) throws {
        let input = try String(contentsOf: Self.folder.appendingPathComponent("\(name).in"), encoding: .utf8)
        var session = Session(initialize: false)
        var bytes: [UInt8] = []
        for line in input.split(separator: "\n") where !line.hasPrefix("#") { bytes += MessageFramer.frame(String(line)) }
        let replies = session.sendBytes(bytes)
        #expect(session.server.exitCode == 0)
        let actual = replies.map(\.serialized).joined(separator: "\n") + "\n"
        let expectedURL = Self.folder.appendingPathComponent("\(name).expected")
        if ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
    }
}
