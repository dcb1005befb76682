import AccordDiagnostics
import AccordModel

/// `--select CODES` and `--ignore CODES`: comma-separated codes or prefixes (`W4`, `E`), as ruff
/// and flake8 take them. They apply after the plan's own `rules { … }`, to every format.
struct DiagnosticSelection {
    var select: [String]?
    var ignore: [String] = []

    func keeps(_ code: DiagnosticCode) -> Bool {
        let name = code.rawValue
        if let select, !select.contains(where: { name.hasPrefix($0) }) { return false }
        return !ignore.contains { name.hasPrefix($0) }
    }
}

extension CommandContext {
    /// `--select` and `--ignore`; nil after a usage error (a prefix that names no code).
    mutating func diagnosticSelectionOption() -> DiagnosticSelection? {
        var selection = DiagnosticSelection()
        for option in ["select", "ignore"] {
            guard let text = arguments.value(option) else { continue }
            var prefixes: [String] = []
            for part in text.split(separator: ",") {
                let prefix = part.filter { $0 != " " }.uppercased()
                guard !prefix.isEmpty, DiagnosticCode.allCases.contains(where: { $0.rawValue.hasPrefix(prefix) }) else {
                    let hint = Suggestion.closest(to: prefix, in: DiagnosticCode.allCases.map(\.rawValue)).map { " (did you mean \($0)?)" } ?? ""
                    fail("--\(option): `\(part)` is no diagnostic code or prefix of one\(hint); use codes such as W401 or prefixes such as W4")
                    return nil
                }
                prefixes.append(prefix)
            }
            if option == "select" { selection.select = prefixes } else { selection.ignore = prefixes }
        }
        return selection
    }

    /// The shown paths of the plan files the command named one by one (as pre-commit and editors
    /// do), every file of a plan whose root file it named; nil when it named a folder or
    /// nothing, so that everything is shown.
    func focusedFiles(in project: PlanDiscovery) -> Set<String>? {
        let paths = arguments.positionals
        guard !paths.isEmpty else { return nil }
        var named: Set<String> = []
        for path in paths {
            let resolved = invocation.resolve(path == "-" ? arguments.value("stdin-filename") ?? "<stdin>" : path)
            if path != "-", FileSystem.isDirectory(resolved) { return nil }
            named.insert(FileSystem.realPath(resolved) ?? resolved)
        }
        func isNamed(_ member: PlanFile) -> Bool { named.contains(FileSystem.realPath(member.accessPath) ?? member.accessPath) }
        var shown: Set<String> = []
        // A named fragment that no plan includes is checked alone (W415): its own lines are in focus.
        for fragment in project.fragments where isNamed(fragment) { shown.insert(fragment.file.path) }
        for plan in project.plans {
            // A plan's root file stands for the whole plan (`accord check plan.accord`), and a
            // change to it (years, as-of, envelopes) can move warnings in every file.
            let whole = isNamed(plan.root)
            for member in plan.files where whole || isNamed(member) { shown.insert(member.file.path) }
        }
        return shown
    }
}

/// What a focused `accord check` shows in full: diagnostics in the named files and every error;
/// the other warnings are summed up in one line.
struct FocusedDiagnostics {
    var shown: [Diagnostic] = []
    var elsewhere: [Diagnostic] = []

    init(_ diagnostics: [Diagnostic], files: Set<String>) {
        for diagnostic in diagnostics {
            if diagnostic.severity == .error || diagnostic.file.map({ files.contains($0.path) }) == true {
                shown.append(diagnostic)
            } else {
                elsewhere.append(diagnostic)
            }
        }
    }
}
