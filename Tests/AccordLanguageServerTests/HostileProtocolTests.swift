@testable import AccordLanguageServer
import AccordDiagnostics
import Foundation
import Testing

/// Issue 15: the server stays linear on large documents, finds its feet after a bad frame, and
/// agrees with the editor on where lines end.
struct HostileProtocolTests {
    static let symbols = #"{"jsonrpc":"2.0","id":7,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///ws/plan.accord"}}}"#

    static func framed(_ body: String, length: Int? = nil) -> [UInt8] {
        Array("Content-Length: \(length ?? body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    /// A string of 4 MB, half of it escapes, decodes in linear time (it copied the whole string
    /// at every escape: 23 s).
    @Test func largeEscapedStringsDecodeQuickly() throws {
        let body = #"{"text":""# + String(repeating: #"ab\n\"\u00e9"#, count: 200_000) + #""}"#
        let clock = ContinuousClock()
        var decoded: JSON = .null
        let elapsed = try clock.measure { decoded = try JSON.parse(Array(body.utf8)) }
        #expect(elapsed < .seconds(3), "\(elapsed)")
        #expect(decoded["text"].string?.unicodeScalars.count == 200_000 * 5)
    }

    /// 20,000 `$` on one line took the server 9 s: diagnostics are capped per line and kind.
    @Test func manyDiagnosticsOnOneLineArePublishedQuickly() {
        var session = Session()
        let text = "plan \"P\" { years FY22/23; as-of 2022-09-30 }\nlet x = 1 " + String(repeating: "$", count: 20_000) + "\n"
        let clock = ContinuousClock()
        var published: [String: [JSON]] = [:]
        let elapsed = clock.measure { published = session.open("dollars.accord", text: text) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
        let diagnostics = published[Session.uri("dollars.accord")] ?? []
        #expect(diagnostics.count { $0["code"] == "E101" } == 10)
        #expect(diagnostics.contains { $0["message"].string?.contains("and 19,990 more like this") == true })
    }

    /// After each kind of bad frame the server reads on from the next `Content-Length` header and
    /// answers the request that follows.
    @Test(arguments: [
        ("five bytes short", framed(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#, length: 39)),
        ("9 KB of garbage", Array(String(repeating: "garbage ", count: 1200).utf8)),
        ("a plus sign", framed(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#).replacing(Array("Length: ".utf8), with: Array("Length: +".utf8))),
        ("garbage then a header", Array("xx}}\r\n\r\n".utf8)),
    ])
    func theServerResynchronisesAfterABadFrame(_ name: String, _ bad: [UInt8]) {
        var session = Session()
        let replies = session.sendBytes(bad + Self.framed(Self.symbols))
        #expect(replies.contains { $0["id"] == .int(7) && !$0["result"].isNull }, "\(name): \(replies.map(\.serialized))")
    }

    @Test func lineFeedOnlyHeadersAreRead() {
        var session = Session()
        let replies = session.sendBytes(Array("Content-Length: \(Self.symbols.utf8.count)\n\n\(Self.symbols)".utf8))
        #expect(replies.contains { $0["id"] == .int(7) && !$0["result"].isNull }, "\(replies.map(\.serialized))")
    }

    @Test func dotSegmentsInURIsAreNormalised() {
        #expect(DocumentURI.path(of: "file:///ws/sub/%2e%2e/plan.accord") == "/ws/plan.accord")
        #expect(DocumentURI.path(of: "file:///ws/%2E/sub/%2E%2E/%2e%2e/plan.accord") == "/plan.accord")
    }

    /// LSP ends a line at `\r`, `\n` or `\r\n`; so do the lexer and the line table.
    @Test func aLoneCarriageReturnEndsALine() {
        let file = SourceFile(path: "p", text: "# a\rb\nc\r\nd")
        let cases: [(offset: Int, line: Int, character: Int)] = [(0, 0, 0), (3, 0, 3), (4, 1, 0), (6, 2, 0), (9, 3, 0)]
        for (offset, line, character) in cases {
            #expect(file.position(of: offset) == Position(line: line, character: character), "offset \(offset)")
            #expect(file.offset(of: Position(line: line, character: character)) == offset, "\(line):\(character)")
        }
        var session = Session()
        let text = "# header\rpartner P \"P\" { type provider }\r"
        session.open("loose.accord", text: text)
        let symbols = session.result("textDocument/documentSymbol", ["textDocument": ["uri": .string(Session.uri("loose.accord"))]])
        #expect(symbols.array?.contains { $0["name"].string?.contains("P") == true } == true, "\(symbols.serialized)")
        // Deleting line 1 (the partner) leaves the comment and the final line end.
        session.notify("textDocument/didChange", ["textDocument": ["uri": .string(Session.uri("loose.accord")), "version": 2],
                                                  "contentChanges": [["range": ["start": ["line": 1, "character": 0], "end": ["line": 2, "character": 0]], "text": ""]]])
        let formatting = session.result("textDocument/formatting", ["textDocument": ["uri": .string(Session.uri("loose.accord"))], "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(Self.apply(formatting.array ?? [], to: "# header\r") == "# header\n", "\(formatting.serialized)")
    }

    /// Applies text edits as an editor does, with LSP's line ends (ASCII text only).
    static func apply(_ edits: [JSON], to text: String) -> String {
        var characters = Array(text)
        var starts = [0]
        for (index, character) in characters.enumerated() where character == "\r" || character == "\n" || character == "\r\n" {
            starts.append(index + 1)
        }
        func offset(_ position: JSON) -> Int {
            let line = position["line"].int!, character = position["character"].int!
            return line < starts.count ? min(starts[line] + character, characters.count) : characters.count
        }
        for edit in edits.reversed() {
            let range = offset(edit["range"]["start"])..<offset(edit["range"]["end"])
            characters.replaceSubrange(range, with: Array(edit["newText"].string!))
        }
        return String(characters)
    }
}

extension Array where Element == UInt8 {
    func replacing(_ old: [UInt8], with new: [UInt8]) -> [UInt8] {
        guard let at = indices.first(where: { self[$0...].starts(with: old) }) else { return self }
        return Array(self[..<at]) + new + Array(self[(at + old.count)...])
    }
}
