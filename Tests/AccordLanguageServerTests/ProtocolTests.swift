import AccordLanguageServer
import AccordModel
import Testing

/// The JSON-RPC life cycle and errors: the server answers every request, even a bad one, and
/// keeps going.
struct ProtocolTests {
    @Test func initializeAnnouncesTheFeatures() {
        var session = Session(initialize: false)
        let capabilities = session.result("initialize", ["capabilities": [:]])["capabilities"]
        #expect(capabilities["textDocumentSync"]["change"] == 2)
        #expect(capabilities["positionEncoding"] == "utf-16")
        for feature in ["hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider", "documentFormattingProvider"] {
            #expect(capabilities[feature] == true, "\(feature)")
        }
        #expect(capabilities["renameProvider"]["prepareProvider"] == true)
        #expect(capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix"])
        #expect(session.request("initialize", [:]).response["error"]["code"] == -32600)
    }

    @Test func requestsBeforeInitializeAreRefused() {
        var session = Session(initialize: false)
        #expect(session.request("textDocument/hover", Session.at("plan.accord", 0, 0)).response["error"]["code"] == -32002)
        // Notifications before initialize are dropped without a reply.
        #expect(session.open("plan.accord").isEmpty)
        #expect(session.request("initialize", [:]).response["result"]["capabilities"]["hoverProvider"] == true)
    }

    @Test func malformedMessagesGetErrorsAndTheServerCarriesOn() {
        var session = Session()
        let garbage = session.sendBytes(MessageFramer.frame("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": "))
        #expect(garbage.count == 1 && garbage[0]["error"]["code"] == -32700 && garbage[0]["id"] == .null)
        #expect(session.sendBytes(MessageFramer.frame("[1, 2]"))[0]["error"]["code"] == -32600)
        #expect(session.sendBytes(MessageFramer.frame("\"\\ud800 lone\""))[0]["error"]["code"] == -32600)
        #expect(session.send(["jsonrpc": "2.0", "id": ["no"], "method": "shutdown"])[0]["error"]["code"] == -32600)
        // A header without Content-Length is skipped, and the next message is read normally.
        let headerless = session.sendBytes(Array("Content-Type: application/json\r\n\r\n".utf8)
            + MessageFramer.frame("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"file:///ws/plan.accord\"}}}"))
        #expect(headerless.count == 2)
        #expect(headerless[0]["error"]["code"] == -32700)
        #expect(headerless[1]["id"] == 7 && headerless[1]["result"].array?.isEmpty == false)
        #expect(session.request("textDocument/hover", Session.at("plan.accord", 0, 0)).response["error"].isNull)
    }

    @Test func unknownMethodsAndInvalidParams() {
        var session = Session()
        let unknown = session.request("textDocument/semanticTokens/full", ["textDocument": ["uri": "file:///ws/plan.accord"]]).response
        #expect(unknown["error"]["code"] == -32601)
        #expect(session.send(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 3]]).isEmpty)
        #expect(session.send(["jsonrpc": "2.0", "method": "workspace/somethingNew", "params": 5]).isEmpty)
        #expect(session.request("textDocument/definition", ["textDocument": ["uri": "file:///ws/plan.accord"]]).response["error"]["code"] == -32602)
        #expect(session.request("textDocument/hover", ["position": ["line": 0, "character": 0]]).response["error"]["code"] == -32602)
        #expect(session.request("textDocument/rename", Session.at("plan.accord", 0, 0)).response["error"]["code"] == -32602)
        #expect(session.request("textDocument/codeAction", ["textDocument": ["uri": "file:///ws/plan.accord"], "range": 3]).response["error"]["code"] == -32602)
        // Malformed notifications are ignored.
        #expect(session.notify("textDocument/didOpen", ["textDocument": 42]).isEmpty)
        #expect(session.notify("textDocument/didChange", ["contentChanges": "x"]).isEmpty)
    }

    @Test func shutdownThenExit() {
        var session = Session()
        #expect(session.request("shutdown", .null).response == ["jsonrpc": "2.0", "id": 2, "result": .null])
        #expect(session.request("textDocument/hover", Session.at("plan.accord", 0, 0)).response["error"]["code"] == -32600)
        _ = session.send(["jsonrpc": "2.0", "method": "exit"])
        #expect(session.server.exitCode == 0)
    }

    @Test func exitWithoutShutdownFails() {
        var session = Session()
        _ = session.send(["jsonrpc": "2.0", "method": "exit"])
        #expect(session.server.exitCode == 1)
    }

    @Test func messagesSplitAcrossReadsAndJoinedInOne() {
        var server = LanguageServer(disk: MemoryFileAccess(files: Session.fixture()), today: Session.today)
        let bytes = MessageFramer.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
            + MessageFramer.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#) + MessageFramer.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        var chunks = stride(from: 0, to: bytes.count, by: 7).map { Array(bytes[$0..<min($0 + 7, bytes.count)]) }
        var written: [UInt8] = []
        let status = server.serve(read: { chunks.isEmpty ? nil : chunks.removeFirst() }, write: { written += $0 })
        #expect(status == 0)
        var framer = MessageFramer()
        framer.append(written)
        var ids: [JSON] = []
        while case .message(let body)? = framer.next() { ids.append(try! JSON.parse(body)["id"]) }
        #expect(ids == [1, 2])
    }

    @Test func jsonRoundTrip() throws {
        let text = #"{"a":[1,-2.5,true,false,null,"£ \"q\" \\ \n 𝟙 \u0001"],"b":{}}"#
        let value = try JSON.parse(Array(text.utf8))
        #expect(value["a"].array?[0] == 1)
        #expect(value["a"].array?[5].string == "£ \"q\" \\ \n 𝟙 \u{01}")
        #expect(try JSON.parse(Array(value.serialized.utf8)) == value)
        #expect(try JSON.parse(Array(#""\ud83d\ude00""#.utf8)) == "😀")
        // Numbers with a fraction or exponent keep their text: no binary floating point. 2.0 reads
        // as the whole number 2 and an id written so is answered as it was sent; 0.1 is no id.
        let numbers = try JSON.parse(Array(#"[0.1,1e400,2.0,-7.50,12345678901234567890123]"#.utf8))
        #expect(numbers.serialized == "[0.1,1e400,2.0,-7.50,12345678901234567890123]")
        #expect(numbers.array?.map(\.int) == [nil, nil, 2, nil, nil])
        var session = Session()
        let answer = session.send(["jsonrpc": "2.0", "id": try JSON.parse(Array("2.0".utf8)), "method": "shutdown"])
        #expect(answer.first?["id"].serialized == "2.0" && answer.first?["error"] == .null)
        let refused = session.send(["jsonrpc": "2.0", "id": try JSON.parse(Array("0.1".utf8)), "method": "shutdown"])
        #expect(refused.first?["error"]["message"].string == "a request id is a whole number or a string")
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "01x", "\"\\x\"", "1 2", String(repeating: "[", count: 10_000)] {
            #expect(throws: JSONError.self, "\(bad.prefix(10))") { try JSON.parse(Array(bad.utf8)) }
        }
    }
}
