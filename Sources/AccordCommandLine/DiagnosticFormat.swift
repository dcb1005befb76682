import AccordDiagnostics
import AccordReports

/// The forms `accord check --format` prints diagnostics in (language brief §5); each is rendered
/// by its own renderer in AccordReports.
enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github

    /// "text, json, sarif, github", for help and usage errors.
    static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension CommandContext {
    /// `--format`, or `text` when not given; nil (after a usage error) for an unknown format.
    mutating func diagnosticFormatOption() -> DiagnosticFormat? {
        let name = arguments.value("format") ?? DiagnosticFormat.text.rawValue
        if let format = DiagnosticFormat(rawValue: name) { return format }
        let hint = Suggestion.closest(to: name, in: DiagnosticFormat.allCases.map(\.rawValue)).map { " (did you mean \($0)?)" } ?? ""
        fail("unknown --format `\(name)`\(hint): use one of \(DiagnosticFormat.list)")
        return nil
    }

    /// The diagnostics as one document in `format` (for text, without the final tally).
    func render(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        switch format {
        case .text: DiagnosticTextRenderer(colour: colour).render(diagnostics)
        case .json: DiagnosticJSONRenderer().render(diagnostics)
        case .sarif: DiagnosticSARIFRenderer(toolVersion: accordVersion, sourceRoot: workingFolder).render(diagnostics)
        case .github: DiagnosticGitHubRenderer().render(diagnostics)
        }
    }

    /// The absolute path of the folder relative paths are read from.
    var workingFolder: String {
        let current = FileSystem.currentDirectory()
        guard let folder = invocation.workingDirectory else { return current }
        return folder.hasPrefix("/") ? folder : FileSystem.join(current, folder)
    }
}
