import AccordDiagnostics
import AccordFormat
import AccordReports
import AccordSyntax

let formatCommand = Command(
    spec: CommandSpec(
        name: "fmt",
        usage: "accord fmt [OPTIONS] [PATH…]",
        summary: "Rewrite plans in canonical layout, keeping every comment.",
        options: [
            .init(name: "check", help: "change nothing; list the files that would change and exit 1 if any would"),
            .init(name: "diff", help: "change nothing; print a unified diff of what would change"),
            .stdinFilename,
        ],
        details: """
        PATH is a file, a folder (every .accord file below it) or `-` (format standard input to
        standard output); without PATH, the current folder. Files are replaced atomically and keep
        their owner and permissions; a symbolic link is written through (the link stays) and a
        file with hard links is rewritten in place. A file with syntax errors is never rewritten:
        its errors are shown and the exit status is 1.
        """),
    run: { context in
        let checkOnly = context.arguments.has("check"), diffOnly = context.arguments.has("diff")
        let fromStdin = context.arguments.positionals.contains("-")
        var failed = false
        for file in context.loadSources() {
            let shownPath = DisplayText.escaped(file.path)
            let parsed = parse(file, checkingStructure: false)
            if !parsed.syntaxErrors.isEmpty {
                var errors = parsed.syntaxErrors
                errors.sortForDisplay()
                context.printError(DiagnosticTextRenderer(colour: false).render(errors.cappedPerLine()))
                context.printError("accord fmt: \(shownPath) not formatted: fix its syntax errors first\n")
                failed = true
                continue
            }
            let formatted = Formatter.format(parsed.tree)
            let original = String(decoding: file.bytes, as: UTF8.self)
            let isStdin = fromStdin && file.path == (context.arguments.value("stdin-filename") ?? "<stdin>")
            if formatted == original && !isStdin { continue }
            if diffOnly {
                let name = shownPath.drop { $0 == "/" }
                context.print(UnifiedDiff.render(old: original, new: formatted, oldName: "a/\(name)", newName: "b/\(name)"))
                failed = failed || formatted != original
            } else if checkOnly {
                if formatted != original { context.print("\(shownPath)\n"); failed = true }
            } else if isStdin {
                context.print(formatted)
            } else {
                do {
                    try FileSystem.writeAtomically(context.invocation.resolve(file.path), Array(formatted.utf8))
                    context.printError("formatted \(shownPath)\n")
                } catch let error as FileError {
                    context.fail("cannot write \(file.path): \(error.reason)")
                } catch {
                    context.fail("cannot write \(file.path)")
                }
            }
        }
        if failed, context.result.exitCode == ExitCode.clean { context.result.exitCode = ExitCode.problems }
    })
