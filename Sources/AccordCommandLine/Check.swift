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
        """),
    run: { context in
        guard let format = context.diagnosticFormatOption() else { return }
        guard let asOf = context.asOfOption() else { return }
        let allPlans = context.arguments.has("all-plans")
        let project = context.discoverProject(alsoCurrentFolder: allPlans)
        let today = CommandContext.today()
        var diagnostics: [Diagnostic] = []
        for sources in project.plans {
            diagnostics += PlanCheck.run(sources, asOf: asOf, today: today).diagnostics
        }
        diagnostics += project.diagnostics
        if allPlans { // a hook names the changed files: their problems first, in their order
            let named = Set(context.arguments.positionals.map(Path.normalize))
            let isNamed = { (diagnostic: Diagnostic) in diagnostic.file.map { named.contains(Path.normalize($0.path)) } ?? false }
            diagnostics = diagnostics.filter(isNamed) + diagnostics.filter { !isNamed($0) }
        }
        let fileCount = project.fileCount
        context.print(context.render(diagnostics, as: format))
        if format == .text { // the other formats print one document and nothing else
            let noun = fileCount == 1 ? "file" : "files"
            context.print(diagnostics.isEmpty ? "checked \(fileCount) \(noun): no problems\n"
                          : "checked \(fileCount) \(noun): \(DiagnosticTextRenderer.tally(diagnostics))\n")
        }
        let failing = diagnostics.errorCount > 0 || (context.arguments.has("strict") && !diagnostics.isEmpty)
        if context.result.exitCode == 0, failing { context.result.exitCode = 1 }
    })
