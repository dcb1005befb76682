import AccordLanguageServer
import AccordModel
import Foundation
import Testing

/// A client in memory: each call frames its messages, feeds them to the server's `serve` loop
/// through an in-memory transport, and reads back the framed replies.
struct Session {
    var server: LanguageServer<MemoryFileAccess>
    private var nextID = 1

    static let root = "/ws"
    static let today = AccordModel.Date(year: 2022, month: 9, day: 30)
    static let testdata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("testdata/plan")

    /// The files of `testdata/plan`, held in memory under `/ws`.
    static func fixture() -> [String: String] {
        var files: [String: String] = [:]
        for relative in ["plan.accord", "schemes/outpatients.accord"] {
            files["\(root)/\(relative)"] = try! String(contentsOf: testdata.appendingPathComponent(relative), encoding: .utf8)
        }
        return files
    }

    static func uri(_ relative: String) -> String { "file://\(root)/\(relative)" }

    init(files: [String: String] = Session.fixture(), initialize: Bool = true) {
        server = LanguageServer(disk: MemoryFileAccess(files: files), today: Self.today)
        if initialize {
            let reply = request("initialize", ["processId": .null, "rootUri": .string("file://\(Self.root)"), "capabilities": [:]])
            precondition(reply.response["result"]["capabilities"]["hoverProvider"] == true)
            _ = send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
        }
    }

    /// Sends raw bytes (already framed) and returns every message written back.
    mutating func sendBytes(_ bytes: [UInt8]) -> [JSON] {
        var pending: [UInt8]? = bytes
        var written: [UInt8] = []
        _ = server.serve(read: { defer { pending = nil }; return pending }, write: { written += $0 })
        var framer = MessageFramer()
        framer.append(written)
        var messages: [JSON] = []
        while case .message(let body)? = framer.next() { messages.append(try! JSON.parse(body)) }
        return messages
    }

    mutating func send(_ message: JSON) -> [JSON] { sendBytes(MessageFramer.frame(message.serialized)) }

    mutating func request(_ method: String, _ params: JSON) -> (response: JSON, notifications: [JSON]) {
        let id = nextID
        nextID += 1
        let replies = send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        let response = replies.first { $0["id"] == .int(id) } ?? .null
        return (response, replies.filter { $0["id"].isNull && !$0["method"].isNull })
    }

    mutating func result(_ method: String, _ params: JSON) -> JSON {
        let response = request(method, params).response
        #expect(response["error"].isNull, "\(method) failed: \(response["error"].serialized)")
        return response["result"]
    }

    /// Sends a notification; returns the diagnostics published, by URI.
    @discardableResult
    mutating func notify(_ method: String, _ params: JSON) -> [String: [JSON]] {
        var published: [String: [JSON]] = [:]
        for message in send(["jsonrpc": "2.0", "method": .string(method), "params": params])
        where message["method"] == "textDocument/publishDiagnostics" {
            published[message["params"]["uri"].string!] = message["params"]["diagnostics"].array!
        }
        return published
    }

    @discardableResult
    mutating func open(_ relative: String, text: String? = nil) -> [String: [JSON]] {
        let text = text ?? Self.fixture()["\(Self.root)/\(relative)"]!
        return notify("textDocument/didOpen", ["textDocument": ["uri": .string(Self.uri(relative)), "languageId": "accord", "version": 1, "text": .string(text)]])
    }

    /// Opens a fixture file with `old` replaced by `new`, as an editor would after typing.
    @discardableResult
    mutating func open(_ relative: String, replacing old: String, with new: String) -> [String: [JSON]] {
        open(relative, text: Self.fixture()["\(Self.root)/\(relative)"]!.replacingOccurrences(of: old, with: new))
    }

    @discardableResult
    mutating func replace(_ relative: String, with text: String, version: Int = 2) -> [String: [JSON]] {
        notify("textDocument/didChange", ["textDocument": ["uri": .string(Self.uri(relative)), "version": .int(version)],
                                          "contentChanges": [["text": .string(text)]]])
    }

    static func at(_ relative: String, _ line: Int, _ character: Int) -> JSON {
        ["textDocument": ["uri": .string(uri(relative))], "position": ["line": .int(line), "character": .int(character)]]
    }

    /// The position of the first occurrence of `needle` on 0-based `line` of a fixture file, plus `offset` characters.
    static func find(_ relative: String, line: Int, _ needle: String, plus offset: Int = 0) -> JSON {
        let text = fixture()["\(root)/\(relative)"]!.split(separator: "\n", omittingEmptySubsequences: false)[line]
        let index = text.range(of: needle)!.lowerBound
        return at(relative, line, text[..<index].utf16.count + offset)
    }
}

extension JSON {
    /// `{"line": l, "character": c}` pairs of a range, as a compact tuple for assertions.
    var span: [Int] {
        [self["start"]["line"].int ?? -1, self["start"]["character"].int ?? -1, self["end"]["line"].int ?? -1, self["end"]["character"].int ?? -1]
    }
}
