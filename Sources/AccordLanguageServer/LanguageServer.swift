import AccordDiagnostics
import AccordModel
import AccordSyntax

/// A JSON-RPC error: every failure of a request becomes one of these, never a trap.
struct ResponseError: Error {
    let code: Int
    let message: String

    static func parseError(_ m: String) -> Self { .init(code: -32700, message: m) }
    static func invalidRequest(_ m: String) -> Self { .init(code: -32600, message: m) }
    static func methodNotFound(_ m: String) -> Self { .init(code: -32601, message: "unknown method \(m)") }
    static func invalidParams(_ m: String) -> Self { .init(code: -32602, message: m) }
    static let serverNotInitialized = Self(code: -32002, message: "the server has not been initialized")
    static func requestFailed(_ m: String) -> Self { .init(code: -32803, message: m) }
}

/// The Accord language server: messages in, messages out, no I/O of its own (see `serve` for
/// stdio). One message is handled completely before the next, so state needs no locking.
///
/// States: before `initialize` only `initialize` and `exit` are served (requests get -32002);
/// after `shutdown` only `exit` (requests get -32600); `exit` sets `exitCode`.
public struct LanguageServer<Disk: PlanFileAccess> {
    var workspace: Workspace<Disk>
    private var initialized = false
    private var shuttingDown = false
    /// Set by `exit`: 0 after a `shutdown` request, 1 without one (as the specification says).
    public private(set) var exitCode: Int32?

    public init(disk: Disk, today: Date) {
        workspace = Workspace(disk: disk, today: today)
    }

    /// Handles one message body and returns what to send back, in order.
    public mutating func receive(_ body: [UInt8]) -> [JSON] {
        let message: JSON
        do { message = try JSON.parse(body) } catch {
            return [Self.response(id: .null, error: .parseError("malformed JSON: \(error.message)"))]
        }
        guard case .object = message else {
            return [Self.response(id: .null, error: .invalidRequest("a message is a JSON object (batches are not part of LSP)"))]
        }
        let id = message["id"]
        guard let method = message["method"].string else {
            // A response to a request of ours (we send none), or nonsense.
            return id.isNull || !message["result"].isNull || !message["error"].isNull ? [] : [Self.response(id: id, error: .invalidRequest("a request needs a `method`"))]
        }
        let params = message["params"]
        let isRequest = { if case .object(let members) = message { members["id"] != nil } else { false } }()
        guard isRequest else {
            notification(method, params)
            return outbox.drain()
        }
        guard id.string != nil || id.int != nil else {
            return [Self.response(id: .null, error: .invalidRequest("a request id is a whole number or a string"))]
        }
        let reply: JSON
        do { reply = Self.response(id: id, result: try request(method, params)) } catch let error as ResponseError {
            reply = Self.response(id: id, error: error)
        } catch {
            reply = Self.response(id: id, error: .requestFailed("\(error)"))
        }
        // Notifications a request caused (none today) would follow its response.
        return [reply] + outbox.drain()
    }

    private var outbox = Outbox()

    // MARK: Dispatch

    private mutating func request(_ method: String, _ params: JSON) throws -> JSON {
        if method == "initialize" {
            guard !initialized else { throw ResponseError.invalidRequest("initialize was already received") }
            initialized = true
            return Self.capabilities
        }
        guard initialized else { throw ResponseError.serverNotInitialized }
        guard !shuttingDown else { throw ResponseError.invalidRequest("the server is shutting down") }
        switch method {
        case "shutdown": shuttingDown = true; return .null
        case "textDocument/hover": return try hover(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/formatting": return try formatting(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/rename": return try rename(params)
        case "textDocument/codeAction": return try codeActions(params)
        default: throw ResponseError.methodNotFound(method)
        }
    }

    /// Notifications get no answer, not even an error: unknown ones (and `$/` ones) are ignored.
    private mutating func notification(_ method: String, _ params: JSON) {
        if method == "exit" { exitCode = shuttingDown ? 0 : 1; return }
        guard initialized, !shuttingDown else { return }
        switch method {
        case "textDocument/didOpen":
            let item = params["textDocument"]
            guard let uri = item["uri"].string, let text = item["text"].string else { return }
            workspace.documents[uri] = OpenDocument(uri: uri, path: DocumentURI.path(of: uri) ?? uri,
                                                    version: item["version"].int ?? 0, bytes: Array(text.utf8))
        case "textDocument/didChange":
            guard let uri = params["textDocument"]["uri"].string, var document = workspace.documents[uri],
                  let changes = params["contentChanges"].array else { return }
            for change in changes { document.bytes = Self.apply(change, to: document.bytes) }
            document.version = params["textDocument"]["version"].int ?? document.version
            workspace.documents[uri] = document
        case "textDocument/didClose":
            guard let uri = params["textDocument"]["uri"].string, workspace.documents.removeValue(forKey: uri) != nil else { return }
            outbox.publish(uri: uri, diagnostics: [])
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            break // files on disk may have changed: re-read below
        default:
            return
        }
        publishDiagnostics()
    }

    /// A full replacement (no `range`), or a range replaced by new text; a change with a range
    /// that is not one is skipped rather than taken for the whole text.
    static func apply(_ change: JSON, to bytes: [UInt8]) -> [UInt8] {
        guard let text = change["text"].string else { return bytes }
        if change["range"].isNull { return Array(text.utf8) }
        guard let start = Position(change["range"]["start"]), let end = Position(change["range"]["end"]) else { return bytes }
        let file = SourceFile(path: "", bytes: bytes)
        let from = file.offset(of: start), to = max(from, file.offset(of: end))
        return Array(bytes[..<from]) + Array(text.utf8) + Array(bytes[to...])
    }

    private mutating func publishDiagnostics() {
        workspace.recheck()
        for document in workspace.documents.values.sorted(by: { $0.uri < $1.uri }) {
            outbox.publish(uri: document.uri, version: document.version,
                           diagnostics: workspace.diagnostics(of: document).map { lspDiagnostic($0, in: document.file) })
        }
    }

    func lspDiagnostic(_ diagnostic: Diagnostic, in fallback: SourceFile) -> JSON {
        let file = diagnostic.file ?? fallback
        // Escaped as in every message (bidirectional overrides, terminal escapes); a note with no
        // place ("and 9 more like this on this line") joins the message, as LSP has no other room.
        var message = DisplayText.escaped(diagnostic.message)
        for note in diagnostic.notes where note.file == nil { message += "\n\(DisplayText.escaped(note.message))" }
        if let help = diagnostic.help { message += "\nhelp: \(DisplayText.escaped(help))" }
        var result: [String: JSON] = [
            "range": file.lspRange(diagnostic.range),
            "severity": diagnostic.severity == .error ? 1 : 2,
            "code": .string(diagnostic.code.rawValue),
            "source": "accord",
            "message": .string(message),
        ]
        if !diagnostic.notes.isEmpty {
            result["relatedInformation"] = .array(diagnostic.notes.compactMap { note in
                guard let file = note.file else { return nil }
                return ["location": location(file, note.range), "message": .string(note.message)]
            })
        }
        return .object(result)
    }

    func location(_ file: SourceFile, _ range: Range<Int>) -> JSON {
        ["uri": .string(workspace.uri(ofPath: file.path)), "range": file.lspRange(range)]
    }

    // MARK: Messages

    static func response(id: JSON, result: JSON) -> JSON { ["jsonrpc": "2.0", "id": id, "result": result] }

    static func response(id: JSON, error: ResponseError) -> JSON {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code), "message": .string(error.message)]]
    }

    static var capabilities: JSON {
        [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": true],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "documentFormattingProvider": true,
                "completionProvider": ["triggerCharacters": [" ", "."]],
                "renameProvider": ["prepareProvider": true],
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            ],
            "serverInfo": ["name": "accord", "version": .string(accordLanguageServerVersion)],
        ]
    }
}

public let accordLanguageServerVersion = "0.1.0"

/// Notifications waiting to be sent after the message being handled.
struct Outbox {
    private var messages: [JSON] = []

    mutating func publish(uri: String, version: Int? = nil, diagnostics: [JSON]) {
        var params: [String: JSON] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version { params["version"] = .int(version) }
        messages.append(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": .object(params)])
    }

    mutating func drain() -> [JSON] {
        defer { messages = [] }
        return messages
    }
}
