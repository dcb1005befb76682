import AccordDiagnostics
import AccordModel
import AccordReports

/// The forms `accord summary --format` writes.
enum SummaryFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, html, xlsx
}

let summaryCommand = Command(
    spec: CommandSpec(
        name: "summary",
        usage: "accord summary [OPTIONS] [PATH]",
        summary: "Show the programme at a glance as of a date, as text, Markdown, JSON, CSV, HTML or an .xlsx workbook.",
        options: [
            .init(name: "format", value: "FORMAT", help: "text (default), markdown, json, csv, html or xlsx"),
            .init(name: "output", short: "o", value: "FILE", help: "write to FILE instead of standard output (csv without --table: a folder)"),
            .init(name: "table", value: "NAME", help: "csv only: the one table to write (\(SummaryTables.names.joined(separator: ", ")))"),
            .asOf,
            .stdinFilename,
        ],
        details: """
        PATH is the plan's root file, a fragment it includes, or a folder holding one plan; `-`
        reads standard input. Without PATH, the current folder.

        csv writes one table per file: `--table NAME` writes that table (to standard output or
        -o FILE); without --table, -o FOLDER writes every table as FOLDER/NAME.csv. Numbers are
        plain (money in pounds with two decimals), dates ISO; text cells that a spreadsheet
        would run as a formula are prefixed with `'`.

        xlsx writes one workbook (-o FILE): a sheet per table, money as numbers in a £ format,
        percents and dates as such, a frozen bold header row; text is never run as a formula.

        html is one self-contained page (inline CSS and SVG charts, no scripts, no network).
        json follows docs/summary.schema.json.

        Exit status: 0, or 1 if the plan has errors (the summary is written either way, its
        header saying so), 2 on a usage or I/O error.
        """),
    run: { context in
        guard let format = context.formatOption(default: SummaryFormat.text) else { return }
        guard let asOf = context.asOfOption() else { return }
        let table = context.arguments.value("table"), output = context.arguments.value("output")
        if let table {
            guard format == .csv else { return context.fail("--table goes with --format csv") }
            guard SummaryTables.names.contains(table) else {
                return context.fail("unknown --table `\(table)`: use one of \(SummaryTables.names.joined(separator: ", "))")
            }
        } else if format == .xlsx, output == nil {
            return context.fail("--format xlsx writes a workbook: give -o FILE.xlsx")
        } else if format == .csv, output == nil {
            return context.fail("--format csv writes one table at a time: give --table NAME (one of \(SummaryTables.names.joined(separator: ", "))), or -o FOLDER for every table")
        }
        guard let plan = context.onePlan(for: "summary") else { return }
        let checked = PlanCheck.run(plan, asOf: asOf, today: CommandContext.today())
        let summary = ProgrammeSummary(checked)
        switch format {
        case .text: context.emit(SummaryText.render(summary), to: output)
        case .markdown: context.emit(SummaryMarkdown.render(summary), to: output)
        case .json: context.emit(SummaryJSON.render(summary), to: output)
        case .html: context.emit(SummaryHTML.render(summary), to: output)
        case .xlsx: context.emit(bytes: SummaryXLSX.render(summary), to: output!)
        case .csv:
            if let table {
                context.emit(SummaryCSV.render(SummaryTables.table(table, of: summary)!), to: output)
            } else if let folder = output {
                do throws(FileError) { try FileSystem.makeFolder(context.invocation.resolve(folder)) } catch { return context.fail("cannot create \(folder): \(error.reason)") }
                for name in SummaryTables.names {
                    context.emit(SummaryCSV.render(SummaryTables.table(name, of: summary)!), to: FileSystem.join(folder, "\(name).csv"))
                }
            }
        }
        if checked.hasErrors, context.result.exitCode == 0 { context.result.exitCode = ExitCode.problems }
    })

extension CommandContext {
    /// Prints `text`, or writes it to `path` (atomically) when given.
    mutating func emit(_ text: String, to path: String?) {
        guard let path else { return print(text) }
        emit(bytes: Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically.
    mutating func emit(bytes: [UInt8], to path: String) {
        do {
            try FileSystem.writeAtomically(invocation.resolve(path), bytes)
        } catch {
            fail("cannot write \(path): \(error.reason)")
        }
    }
}
