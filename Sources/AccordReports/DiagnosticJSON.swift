import AccordDiagnostics

/// Renders diagnostics as a JSON array, for scripts and editors (`accord check --format json`):
///
///     [
///       {
///         "file": "plan.accord",
///         "line": 12,
///         "column": 3,
///         "endLine": 12,
///         "endColumn": 9,
///         "severity": "error",
///         "code": "E105",
///         "message": "unknown attribute `stauts` in a scheme",
///         "help": "did you mean `status`?",
///         "notes": []
///       }
///     ]
///
/// `file` is the path as the user gave it (as in text output). Lines and columns are 1-based and
/// count characters (Unicode scalars), as text output does; `endLine`/`endColumn` is the position
/// just after the range (equal to the start for a point). A diagnostic that belongs to no file has
/// `null` for the file and all positions; `help` is `null` when there is none. Each note is
/// `{message, file, line, column}`, with `null`s when it has no file. Keys always come in this order.
public struct DiagnosticJSONRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        JSONWriter.write(.array(diagnostics.map(value)))
    }

    public func value(_ d: Diagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let file = d.file {
            let start = file.location(of: d.range.lowerBound), end = file.location(of: d.range.upperBound)
            members += [("file", .string(file.path)), ("line", .int(start.line)), ("column", .int(start.column)),
                        ("endLine", .int(end.line)), ("endColumn", .int(end.column))]
        } else {
            members += [("file", .null), ("line", .null), ("column", .null), ("endLine", .null), ("endColumn", .null)]
        }
        members += [
            ("severity", .string(d.severity.rawValue)),
            ("code", .string(d.code.rawValue)),
            ("message", .string(d.message)),
            ("help", .string(d.help)),
            ("notes", .array(d.notes.map(value))),
        ]
        return .object(members)
    }

    func value(_ note: DiagnosticNote) -> JSONValue {
        guard let file = note.file else {
            return .object([("message", .string(note.message)), ("file", .null), ("line", .null), ("column", .null)])
        }
        let start = file.location(of: note.range.lowerBound)
        return .object([("message", .string(note.message)), ("file", .string(file.path)),
                        ("line", .int(start.line)), ("column", .int(start.column))])
    }
}
