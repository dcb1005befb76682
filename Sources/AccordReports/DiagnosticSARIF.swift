import AccordDiagnostics

/// Renders diagnostics as a SARIF 2.1.0 log with one run (`accord check --format sarif`), for
/// GitHub code scanning and SARIF viewers.
///
/// - `tool.driver.rules` lists every `DiagnosticCode`, in code order, with its title, explanation,
///   fix and example (the same texts as `accord explain`) and its default level; each result
///   points at its rule by `ruleId` and `ruleIndex`.
/// - A result's `level` is the diagnostic's severity after the plan's `rules { … }`; its message
///   is the diagnostic's message, then `help: …` on a second line.
/// - Locations: a relative path (as the user gave it, relative to the folder `accord` ran in) becomes
///   a relative URI with `uriBaseId` `%SRCROOT%`, which `originalUriBaseIds` maps to that folder;
///   an absolute path becomes a `file://` URI. Paths are percent-encoded (spaces, `#`, `%`, `:`,
///   non-ASCII …) and lose `./` segments.
/// - Regions are 1-based; columns count Unicode code points (`columnKind` `unicodeCodePoints`) and
///   `endColumn` is the column after the range, as SARIF defines it.
/// - Notes ("first declared here") become `relatedLocations`.
///
/// Keys come in a fixed order, so the same diagnostics always give the same bytes.
public struct DiagnosticSARIFRenderer {
    public var toolVersion: String
    /// The absolute path of the folder relative paths are relative to (`%SRCROOT%`); when nil,
    /// `originalUriBaseIds` only describes it.
    public var sourceRoot: String?

    public init(toolVersion: String, sourceRoot: String?) {
        self.toolVersion = toolVersion
        self.sourceRoot = sourceRoot
    }

    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let sourceRootID = "%SRCROOT%"

    public func render(_ diagnostics: [Diagnostic]) -> String {
        JSONWriter.write(log(diagnostics))
    }

    public func log(_ diagnostics: [Diagnostic]) -> JSONValue {
        var root: [(String, JSONValue)] = [("description", .object([("text", .string("The folder accord ran in; relative paths start here."))]))]
        if let sourceRoot { root.insert(("uri", .string(Self.folderURI(sourceRoot))), at: 0) }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("accord")),
                ("version", .string(toolVersion)),
                ("semanticVersion", .string(toolVersion)),
                ("rules", .array(DiagnosticCode.allCases.map(Self.rule))),
            ]))])),
            ("originalUriBaseIds", .object([(Self.sourceRootID, .object(root))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(diagnostics.map(result))),
        ])
        return .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
    }

    // MARK: Rules

    static func rule(_ code: DiagnosticCode) -> JSONValue {
        .object([
            ("id", .string(code.rawValue)),
            ("name", .string(ruleName(code.title))),
            ("shortDescription", .object([("text", .string(code.title))])),
            ("fullDescription", .object([("text", .string(code.explanation))])),
            ("help", .object([
                ("text", .string("\(code.fix)\n\nExample:\n\(DisplayText.escapedLines(code.example))")),
                ("markdown", .string("\(code.fix)\n\nExample:\n\n```\n\(DisplayText.escapedLines(code.example))\n```")),
            ])),
            ("defaultConfiguration", .object([("level", .string(level(code.defaultSeverity)))])),
        ])
    }

    /// "year outside the plan's years" as `YearOutsideThePlansYears`: each word capitalised,
    /// apostrophes dropped, other punctuation separating words (`UTF-8` gives `UTF8`).
    static func ruleName(_ title: String) -> String {
        var name = "", startOfWord = true
        for character in title where character != "'" && character != "’" {
            if character.isASCII && (character.isLetter || character.isNumber) {
                name += startOfWord ? character.uppercased() : String(character)
                startOfWord = false
            } else {
                startOfWord = true
            }
        }
        return name
    }

    static func level(_ severity: Severity) -> String { severity == .error ? "error" : "warning" }

    // MARK: Results

    func result(_ d: Diagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(d.code.rawValue)),
            ("ruleIndex", .int(DiagnosticCode.allCases.firstIndex(of: d.code)!)),
            ("level", .string(Self.level(d.severity))),
            ("message", .object([("text", .string(d.help.map { "\(d.message)\nhelp: \($0)" } ?? d.message))])),
        ]
        if let file = d.file {
            members.append(("locations", .array([.object([("physicalLocation", Self.physicalLocation(file, d.range))])])))
        }
        if !d.notes.isEmpty {
            members.append(("relatedLocations", .array(d.notes.enumerated().map { index, note in
                var location: [(String, JSONValue)] = [("id", .int(index + 1))]
                if let file = note.file { location.append(("physicalLocation", Self.physicalLocation(file, note.range))) }
                location.append(("message", .object([("text", .string(note.message))])))
                return .object(location)
            })))
        }
        return .object(members)
    }

    static func physicalLocation(_ file: SourceFile, _ range: Range<Int>) -> JSONValue {
        let start = file.location(of: range.lowerBound), end = file.location(of: range.upperBound)
        var artifact: [(String, JSONValue)] = [("uri", .string(uri(forPath: file.path)))]
        if !file.path.hasPrefix("/") { artifact.append(("uriBaseId", .string(sourceRootID))) }
        return .object([
            ("artifactLocation", .object(artifact)),
            ("region", .object([
                ("startLine", .int(start.line)), ("startColumn", .int(start.column)),
                ("endLine", .int(end.line)), ("endColumn", .int(end.column)),
            ])),
        ])
    }

    // MARK: Paths as URIs

    /// A relative path as a relative URI reference (`plans/se 01.accord` → `plans/se%2001.accord`);
    /// an absolute path as a `file:` URI.
    public static func uri(forPath path: String) -> String {
        if path.hasPrefix("/") { return "file://" + percentEncode(normalize(path)) }
        return percentEncode(normalize(path))
    }

    /// The `file:` URI of a folder, ending in `/` as SARIF requires of a base URI.
    public static func folderURI(_ path: String) -> String {
        let uri = "file://" + percentEncode(normalize(path))
        return uri.hasSuffix("/") ? uri : uri + "/"
    }

    /// Drops `.` and empty segments; keeps `..`, which a relative URI reference resolves the same way.
    static func normalize(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = segments.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Percent-encodes every byte of the UTF-8 path except RFC 3986's unreserved characters and `/`.
    public static func percentEncode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
