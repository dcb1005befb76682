import AccordLanguageServer
import Testing

/// The server never stops: half-typed plans and damaged messages get answers, and the next
/// request is served as usual.
struct RobustnessTests {
    /// SplitMix64: a fixed seed, so a failure reproduces.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let requests = ["textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion",
                           "textDocument/prepareRename", "textDocument/documentSymbol", "textDocument/formatting"]

    @Test func everyPrefixOfAPlanIsServed() {
        var session = Session()
        var random = Random(state: 8)
        let text = Session.fixture()["/ws/schemes/outpatients.accord"]!
        session.open("schemes/outpatients.accord", text: "")
        let characters = Array(text)
        for (version, length) in stride(from: 0, through: characters.count, by: 5).enumerated() {
            let prefix = String(characters[..<length])
            let published = session.replace("schemes/outpatients.accord", with: prefix, version: version + 2)
            #expect(published["file:///ws/schemes/outpatients.accord"] != nil)
            let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
            for method in Self.requests {
                let line = random.next(lines.count + 1), character = random.next(40)
                var params = Session.at("schemes/outpatients.accord", line, character)
                if case .object(var members) = params {
                    members["newName"] = "renamed"
                    members["context"] = ["includeDeclaration": true]
                    params = .object(members)
                }
                let response = session.request(method, params).response
                // An answer with its id: a result, or an error other than "not found" or "invalid params".
                #expect(response["id"] != .null && ![-32601, -32602].contains(response["error"]["code"].int ?? 0),
                        "\(method) at \(line):\(character) of a \(length)-character prefix")
            }
            let rename = session.request("textDocument/rename", Session.at("schemes/outpatients.accord", random.next(lines.count + 1), random.next(40))
                .merging(newName: "renamed")).response
            #expect(rename["id"] != .null)
        }
    }

    @Test func damagedMessagesGetErrorsAndTheServerCarriesOn() {
        var session = Session()
        var random = Random(state: 42)
        let valid = Array(#"{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///ws/plan.accord"},"position":{"line":26,"character":5}}}"#.utf8)
        let alphabet = Array(#"{}[]":,0123456789-.eE\"tfnul \u£"#.utf8)
        for round in 0..<300 {
            var body = valid
            for _ in 0...random.next(4) {
                let at = random.next(body.count)
                switch random.next(3) {
                case 0: body[at] = alphabet[random.next(alphabet.count)]
                case 1: body.remove(at: at)
                default: body.insert(alphabet[random.next(alphabet.count)], at: at)
                }
            }
            if round % 10 == 0 { body = Array(body.prefix(random.next(body.count))) }
            let replies = session.sendBytes(MessageFramer.frame(String(decoding: body, as: UTF8.self)))
            #expect(replies.count <= 1, "round \(round)")
            // Still serving: a valid request gets its answer.
            #expect(session.result("textDocument/documentSymbol", ["textDocument": ["uri": "file:///ws/plan.accord"]]).array?.count == 7, "round \(round)")
        }
    }
}

extension JSON {
    func merging(newName: String) -> JSON {
        guard case .object(var members) = self else { return self }
        members["newName"] = .string(newName)
        return .object(members)
    }
}
