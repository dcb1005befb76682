import AccordDiagnostics

let explainCommand = Command(
    spec: CommandSpec(
        name: "explain",
        usage: "accord explain [CODE…]",
        summary: "Say what a check means, why it exists, an example and the fix.",
        options: [],
        details: """
        CODE is a diagnostic code such as E202 or w401 (any case). Without CODE, lists every code
        with its title. Exit status: 0, or 2 for an unknown code. docs/language.md has a section
        per code (e.g. docs/language.md#e202-unknown-name), with the rest of the language.
        """),
    run: { context in
        let names = context.arguments.positionals
        guard !names.isEmpty else { return context.print(codeList()) }
        var codes: [DiagnosticCode] = []
        for name in names {
            guard let code = DiagnosticCode(rawValue: name.uppercased()) else {
                let hint = Suggestion.closest(to: name.uppercased(), in: DiagnosticCode.allCases.map(\.rawValue)).map { " (did you mean \($0)?)" } ?? ""
                context.fail("unknown code `\(name)`\(hint); run `accord explain` for the list of codes")
                continue
            }
            codes.append(code)
        }
        guard context.result.exitCode == 0 else { return }
        context.print(codes.map(explainText(of:)).joined(separator: "\n"))
    })

/// One code in full, as `accord explain CODE` prints it.
func explainText(of code: DiagnosticCode) -> String {
    var text = "\(code.defaultSeverity.rawValue)[\(code.rawValue)]: \(code.title)\n\n"
    text += wrapText(code.explanation) + "\n"
    text += "Example:\n\n"
    // W417's example holds a bidirectional override: shown escaped, as in every message.
    for line in DisplayText.escapedLines(code.example).split(separator: "\n", omittingEmptySubsequences: false) {
        text += line.isEmpty ? "\n" : "    \(line)\n"
    }
    text += "\nFix:\n\n" + wrapText(code.fix) + "\n"
    return text
}

/// Every code with its default severity and title.
private func codeList() -> String {
    var text = "Diagnostic codes (run `accord explain CODE` for one in full):\n\n"
    for code in DiagnosticCode.allCases {
        let severity = code.defaultSeverity.rawValue
        text += "  \(code.rawValue)  \(severity)\(String(repeating: " ", count: 9 - severity.count))\(code.title)\n"
    }
    return text
}

/// Wraps each line of `text` at spaces so that lines stay within `width` characters (a word
/// longer than that stands alone); every line ends with a newline.
func wrapText(_ text: String, width: Int = 100) -> String {
    var out = ""
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                out += line + "\n"
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        out += line + "\n"
    }
    return out
}
