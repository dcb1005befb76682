import AccordDiagnostics
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
        let files = context.loadSources()
        var diagnostics: [Diagnostic] = []
        for file in files { diagnostics += parse(file).diagnostics }
        diagnostics.sortForDisplay(fileOrder: files.map(\.path))
        context.print(DiagnosticTextRenderer(colour: context.colour).render(diagnostics))
        let noun = files.count == 1 ? "file" : "files"
        context.print(diagnostics.isEmpty ? "checked \(files.count) \(noun): no problems\n"
                      : "checked \(files.count) \(noun): \(DiagnosticTextRenderer.tally(diagnostics))\n")
        let failing = diagnostics.errorCount > 0 || (context.arguments.has("strict") && !diagnostics.isEmpty)
        if context.result.exitCode == ExitCode.clean, failing { context.result.exitCode = ExitCode.problems }
    })
