import AccordDiagnostics

/// Renders diagnostics as GitHub Actions workflow commands (`accord check --format github`), one
/// line each, which the runner turns into annotations on the pull request's files:
///
///     ::error file=plan.accord,line=12,col=3,endLine=12,endColumn=9,title=E105::unknown attribute `stauts` in a scheme help: did you mean `status`?
///
/// Paths are the user's, without a leading `./`; GitHub reads relative paths from the repository
/// root, so run `accord check` there in CI. Columns count characters and `endColumn` is the
/// column just after the range. GitHub annotates columns only within one line, so a range that
/// spans lines gives `line` and `endLine` only. Following GitHub's rules for workflow commands,
/// `%`, CR and LF are escaped in the message (`%25`, `%0D`, `%0A`), and also `:` and `,` in
/// property values (`%3A`, `%2C`), so nothing from a plan can end a command or start a new one.
public struct DiagnosticGitHubRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics { out += line(diagnostic) + "\n" }
        return out
    }

    public func line(_ d: Diagnostic) -> String {
        var properties: [(String, String)] = []
        if let file = d.file {
            let start = file.location(of: d.range.lowerBound), end = file.location(of: d.range.upperBound)
            properties.append(("file", Self.displayPath(file.path)))
            properties.append(("line", String(start.line)))
            if start.line == end.line { properties.append(("col", String(start.column))) }
            properties.append(("endLine", String(end.line)))
            if start.line == end.line { properties.append(("endColumn", String(end.column))) }
        }
        properties.append(("title", d.code.rawValue))
        var message = d.message
        for note in d.notes {
            message += " note: \(note.message)"
            if let file = note.file {
                let location = file.location(of: note.range.lowerBound)
                message += ": \(Self.displayPath(file.path)):\(location.line):\(location.column)"
            }
        }
        if let help = d.help { message += " help: \(help)" }
        let command = d.severity == .error ? "error" : "warning"
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command) \(list)::\(Self.escapeData(message))"
    }

    /// The message of a workflow command: `%`, CR and LF escaped.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value of a workflow command: as the message, and `:` and `,` too.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `./plans/a.accord` as `plans/a.accord`.
    static func displayPath(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2).drop { $0 == "/" } }
        return String(path)
    }
}
