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
            .init(name: "format", value: "FORMAT", help: "how to show diagnostics: text (default)"),
            .init(name: "strict", help: "warnings fail the run too (exit 1)"),
            .init(name: "as-of", value: "DATE", help: "check as of this date (else the plan's `as-of`, else today)"),
            .init(name: "stdin-filename", value: "PATH", help: "the name to report for a plan read from `-` (standard input)"),
        ],
        details: """
        PATH is a plan file, a folder (every .accord file below it), or `-` for standard input;
        without PATH, the current folder. Exit status: 0 clean or warnings only, 1 errors (or
        warnings with --strict), 2 usage or I/O error.
        """),
    run: { context in
        let format = context.arguments.value("format") ?? "text"
        guard format == "text" else {
            return context.fail("unknown --format `\(format)`: use text")
        }
        guard let asOf = context.asOfOption() else { return }
        let project = context.discoverProject()
        let today = CommandContext.today()
        var diagnostics: [Diagnostic] = []
        var fileCount = 0
        for sources in project.plans {
            let checked = PlanCheck.run(sources, asOf: asOf, today: today)
            diagnostics += checked.diagnostics
            fileCount += sources.files.count
        }
        diagnostics += project.diagnostics
        context.print(DiagnosticTextRenderer(colour: context.colour).render(diagnostics))
        let noun = fileCount == 1 ? "file" : "files"
        context.print(diagnostics.isEmpty ? "checked \(fileCount) \(noun): no problems\n"
                      : "checked \(fileCount) \(noun): \(DiagnosticTextRenderer.tally(diagnostics))\n")
        let failing = diagnostics.errorCount > 0 || (context.arguments.has("strict") && !diagnostics.isEmpty)
        if context.result.exitCode == 0, failing { context.result.exitCode = 1 }
    })
