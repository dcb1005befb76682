import AccordChecks
import AccordDiagnostics
import AccordModel
import AccordReports
import AccordSyntax

let checkCommand = Command(
    spec: CommandSpec(
        name: "check",
        usage: "accord check [OPTIONS] [PATH…]",
        summary: "Parse and check plans, and report every problem found.",
        options: [
            .init(name: "format", value: "FORMAT", help: "how to show diagnostics: text (default), json, sarif or github"),
            .init(name: "strict", help: "warnings fail the run too (exit 1)"),
            .init(name: "all-plans", help: "also check every plan below the current folder, the named files' problems shown first (for commit hooks: a deleted or renamed file still stops the commit)"),
            .init(name: "select", value: "CODES", help: "report only these codes: comma-separated codes or prefixes (E202,W4)"),
            .init(name: "ignore", value: "CODES", help: "never report these codes or prefixes (W407,W41)"),
            .asOf,
            .stdinFilename,
        ],
        details: """
        PATH is a plan file, a folder (every .accord file below it), or `-` for standard input;
        without PATH, the current folder. Exit status: 0 clean or warnings only, 1 errors (or
        warnings with --strict), 2 usage or I/O error.

        Formats: text (file:line:col, the source line and help, then a tally), json (an array of
        diagnostics), sarif (SARIF 2.1.0, paths relative to the current folder) and github
        (GitHub Actions annotations; run from the repository root). Only text prints a tally.

        Given files (as pre-commit and editors do), text shows in full the diagnostics in those
        files and every error anywhere in their plans, and sums up the other warnings in one
        line; given a folder, a plan's root file or nothing, it shows everything. json, sarif and github always carry
        every diagnostic. --select and --ignore apply after the plan's `rules { … }` block, to
        every format and to the exit status.
        """),
    run: { context in
        guard let format = context.diagnosticFormatOption() else { return }
        guard let asOf = context.asOfOption() else { return }
        guard let selection = context.diagnosticSelectionOption() else { return }
        let allPlans = context.arguments.has("all-plans")
        let project = context.discoverProject(alsoCurrentFolder: allPlans)
        let today = CommandContext.today()
        var diagnostics: [Diagnostic] = []
        for sources in project.plans {
            diagnostics += PlanCheck.run(sources, asOf: asOf, today: today).diagnostics
        }
        diagnostics += project.diagnostics
        diagnostics = diagnostics.filter { selection.keeps($0.code) }
        if allPlans { // a hook names the changed files: their problems first, in their order
            let named = Set(context.arguments.positionals.map(Path.normalize))
            let isNamed = { (diagnostic: Diagnostic) in diagnostic.file.map { named.contains(Path.normalize($0.path)) } ?? false }
            diagnostics = diagnostics.filter(isNamed) + diagnostics.filter { !isNamed($0) }
        }
        let fileCount = project.fileCount
        if format == .text, let files = context.focusedFiles(in: project) {
            let focused = FocusedDiagnostics(diagnostics, files: files)
            context.print(context.render(focused.shown, as: format))
            if !focused.elsewhere.isEmpty {
                context.print(DiagnosticTextRenderer.elsewhere(focused.elsewhere, plans: project.plans.count))
            }
        } else {
            context.print(context.render(diagnostics, as: format))
        }
        if format == .text { // the other formats print one document and nothing else
            let noun = fileCount == 1 ? "file" : "files"
            context.print(diagnostics.isEmpty ? "checked \(fileCount) \(noun): no problems\n"
                          : "checked \(fileCount) \(noun): \(DiagnosticTextRenderer.tally(diagnostics))\n")
        }
        let failing = diagnostics.errorCount > 0 || (context.arguments.has("strict") && !diagnostics.isEmpty)
        if context.result.exitCode == 0, failing { context.result.exitCode = 1 }
    })
