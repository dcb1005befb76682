import AccordDiagnostics

/// Renders diagnostics the way compilers and linters do (rustc, Elm, hledger):
///
///     plan.accord:12:3: error[E105]: unknown attribute `stauts` in a scheme
///        12 |   stauts delivery
///           |   ^^^^^^
///           = help: did you mean `status`?
///
/// The first line is the `file:line:col:` form editors and CI annotators recognise.
public struct DiagnosticTextRenderer {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics { render(diagnostic, into: &out) }
        return out
    }

    /// Every piece of text from a plan or a file name goes through `DisplayText.escaped`: a
    /// name holding a line break cannot start a line of its own (a CI workflow command), and
    /// terminal escapes and bidirectional overrides are shown, not obeyed.
    public func render(_ d: Diagnostic, into out: inout String) {
        let start = d.start
        let severity = d.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        let place = d.file.map { "\(DisplayText.escaped($0.path)):\(start.line):\(start.column): " } ?? ""
        out += "\(paint(place, "1"))\(severity)\(paint("[\(d.code.rawValue)]", "1")): \(paint(DisplayText.escaped(d.message), "1"))\n"
        guard let file = d.file else {
            if let help = d.help { out += "  = help: \(DisplayText.escaped(help))\n" }
            return
        }
        let lineNumber = String(start.line)
        let gutter = String(repeating: " ", count: lineNumber.count + 2)
        let scalars = Array(file.lineText(start.line).unicodeScalars)
        out += "\(paint(" \(lineNumber) |", "1;34")) \(DisplayText.escaped(String(String.UnicodeScalarView(scalars))))\n"
        // Columns count scalars; the underline is as wide as what they are shown as, and stops
        // at the end of the first line of a multi-line range.
        func shown(_ range: Range<Int>) -> String {
            DisplayText.escaped(String(String.UnicodeScalarView(scalars[range.clamped(to: 0..<scalars.count)])))
        }
        let end = d.end.line == start.line ? max(d.end.column, start.column + 1) : scalars.count + 1
        let lead = shown(0..<start.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        let carets = String(repeating: "^", count: max(1, shown(start.column - 1..<end - 1).count))
        out += "\(paint("\(gutter)|", "1;34")) \(lead)\(paint(carets, d.severity == .error ? "1;31" : "1;33"))\n"
        for note in d.notes {
            let location = note.file.map { f -> String in
                let l = f.location(of: note.range.lowerBound)
                return ": \(DisplayText.escaped(f.path)):\(l.line):\(l.column)"
            } ?? ""
            out += "\(gutter)\(paint("= note:", "1")) \(DisplayText.escaped(note.message))\(location)\n"
        }
        if let help = d.help { out += "\(gutter)\(paint("= help:", "1")) \(DisplayText.escaped(help))\n" }
    }

    /// "2 errors, 1 warning".
    public static func tally(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    /// "and 22 warnings elsewhere in the plan: 15 × W401, 4 × W410, 3 × W402; run `accord check`
    /// for all": the diagnostics a focused check does not show, by code, most frequent first.
    public static func elsewhere(_ diagnostics: [Diagnostic], plans: Int) -> String {
        var counts: [DiagnosticCode: Int] = [:]
        for diagnostic in diagnostics { counts[diagnostic.code, default: 0] += 1 }
        let codes = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let noun = diagnostics.count == 1 ? "warning" : "warnings"
        let place = plans == 1 ? "the plan" : "their plans"
        return "and \(diagnostics.count) \(noun) elsewhere in \(place): "
            + codes.map { "\($0.value) × \($0.key.rawValue)" }.joined(separator: ", ")
            + "; run `accord check` for all\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
