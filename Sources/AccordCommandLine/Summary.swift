import AccordChecks
import AccordDiagnostics
import AccordFigures
import AccordModel
import AccordReports

/// The forms the report commands (`summary`, `history`) write.
enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, html
}

/// The forms `accord summary --format` writes: the report forms and an .xlsx workbook.
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
            .output, .table(SummaryTables.names),
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
        guard let table = context.csvTableOption(csv: format == .csv, names: SummaryTables.names) else { return }
        let output = context.arguments.value("output")
        if format == .xlsx, output == nil { return context.fail("--format xlsx writes a workbook: give -o FILE.xlsx") }
        guard let plan = context.onePlan(for: "summary") else { return }
        let checked = PlanCheck.run(plan, asOf: asOf, today: CommandContext.today())
        let summary = ProgrammeSummary(checked)
        switch format {
        case .text: context.emit(SummaryText.render(summary), to: output)
        case .markdown: context.emit(SummaryMarkdown.render(summary), to: output)
        case .json: context.emit(SummaryJSON.render(summary), to: output)
        case .html: context.emit(SummaryHTML.render(summary), to: output)
        case .xlsx: context.emit(bytes: SummaryXLSX.render(summary), to: output!)
        case .csv: context.emitCSV(table: table, folder: output, names: SummaryTables.names(of: summary)) { SummaryTables.table($0, of: summary)! }
        }
        if checked.hasErrors, context.result.exitCode == 0 { context.result.exitCode = ExitCode.problems }
    })

extension CommandContext {
    /// `--table NAME`, checked against the format and `names`: `.some(nil)` for no table, nil
    /// after a usage error. csv without --table needs -o FOLDER.
    mutating func csvTableOption(csv: Bool, names: [String]) -> String?? {
        guard let table = arguments.value("table") else {
            guard !csv || arguments.value("output") != nil else {
                fail("--format csv writes one table at a time: give --table NAME (one of \(names.joined(separator: ", "))), or -o FOLDER for every table")
                return nil
            }
            return .some(nil)
        }
        guard csv else { fail("--table goes with --format csv"); return nil }
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
