import AccordDiagnostics
import AccordModel
import AccordReports

/// The forms `accord summary --format` writes.
enum SummaryFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, html
}

let summaryCommand = Command(
    spec: CommandSpec(
        name: "summary",
        usage: "accord summary [OPTIONS] [PATH]",
        summary: "Show the programme at a glance as of a date, as text, Markdown, JSON, CSV or HTML.",
        options: [
            .reportFormat, .output, .table(SummaryTables.names),
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

        html is one self-contained page (inline CSS and SVG charts, no scripts, no network).
        json follows docs/summary.schema.json.

        Exit status: 0, or 1 if the plan has errors (the summary is written either way, its
        header saying so), 2 on a usage or I/O error.
        """),
    run: { context in
        guard let format = context.formatOption(default: SummaryFormat.text) else { return }
        guard let asOf = context.asOfOption() else { return }
        guard let table = context.csvTableOption(format, names: SummaryTables.names) else { return }
        let output = context.arguments.value("output")
        guard let plan = context.onePlan(for: "summary") else { return }
        let checked = PlanCheck.run(plan, asOf: asOf, today: CommandContext.today())
        let summary = ProgrammeSummary(checked)
        switch format {
        case .text: context.emit(SummaryText.render(summary), to: output)
        case .markdown: context.emit(SummaryMarkdown.render(summary), to: output)
        case .json: context.emit(SummaryJSON.render(summary), to: output)
        case .html: context.emit(SummaryHTML.render(summary), to: output)
        case .csv: context.emitCSV(table: table, folder: output, names: SummaryTables.names) { SummaryTables.table($0, of: summary)! }
        }
        if checked.hasErrors, context.result.exitCode == 0 { context.result.exitCode = ExitCode.problems }
    })

extension CommandContext {
    /// `--table NAME`, checked against the format and `names`: `.some(nil)` for no table, nil
    /// after a usage error. csv without --table needs -o FOLDER.
    mutating func csvTableOption(_ format: SummaryFormat, names: [String]) -> String?? {
        guard let table = arguments.value("table") else {
            guard format != .csv || arguments.value("output") != nil else {
                fail("--format csv writes one table at a time: give --table NAME (one of \(names.joined(separator: ", "))), or -o FOLDER for every table")
                return nil
            }
            return .some(nil)
        }
        guard format == .csv else { fail("--table goes with --format csv"); return nil }
        guard names.contains(table) else { fail("unknown --table `\(table)`: use one of \(names.joined(separator: ", "))"); return nil }
        return .some(table)
    }

    /// csv: the one table `--table` names, or every table as FOLDER/NAME.csv.
    mutating func emitCSV(table: String?, folder: String?, names: [String], _ build: (String) -> SummaryTable) {
        if let table {
            emit(SummaryCSV.render(build(table)), to: folder)
        } else if let folder {
            do throws(FileError) { try FileSystem.makeFolder(invocation.resolve(folder)) } catch { return fail("cannot create \(folder): \(error.reason)") }
            for name in names { emit(SummaryCSV.render(build(name)), to: Path.join(folder, "\(name).csv")) }
        }
    }

    /// Prints `text`, or writes it to `path` (atomically) when given.
    mutating func emit(_ text: String, to path: String?) {
        guard let path else { return print(text) }
        do {
            try FileSystem.writeAtomically(invocation.resolve(path), Array(text.utf8))
        } catch {
            fail("cannot write \(path): \(error.reason)")
        }
    }
}
