import AccordDiagnostics
import AccordModel
import AccordReports

/// The forms `accord check --format` prints diagnostics in (language brief §5); each is rendered
/// by its own renderer in AccordReports.
enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

extension CommandContext {
    /// `--format`, or `text` when not given; nil (after a usage error) for an unknown format.
    mutating func diagnosticFormatOption() -> DiagnosticFormat? { formatOption(default: .text) }

    /// `--format`, or `default` when not given; nil (after a usage error) for an unknown one.
    mutating func formatOption<Format: RawRepresentable & CaseIterable>(default fallback: Format) -> Format? where Format.RawValue == String {
        let name = arguments.value("format") ?? fallback.rawValue
        if let format = Format(rawValue: name) { return format }
        let names = Format.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: name, in: names).map { " (did you mean \($0)?)" } ?? ""
        fail("unknown --format `\(name)`\(hint): use one of \(names.joined(separator: ", "))")
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
        return folder.hasPrefix("/") ? folder : Path.join(current, folder)
    }
}
