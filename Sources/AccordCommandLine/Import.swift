import AccordDiagnostics
import AccordFormat
import AccordModel
import AccordSpreadsheet
import AccordSyntax

let importCommand = Command(
    spec: CommandSpec(
        name: "import",
        usage: "accord import TRACKER [--map FILE] [--out DIR] | accord import --example-map",
        summary: "Turn a tracker (CSV or .xlsx) into a plan folder, then check it.",
        options: [
            .init(name: "map", value: "FILE", help: "which column is which (see --example-map); without it, the headers are guessed and the guess printed"),
            .init(name: "out", value: "DIR", help: "the folder to write (default: the tracker's name without its extension)"),
            .init(name: "example-map", help: "print a map file, explained, and exit"),
        ],
        details: """
        TRACKER is a CSV file (RFC 4180; a UTF-8 byte order mark and CRLF are fine) or an .xlsx
        workbook, one row per scheme or per scheme and year; rows with the same scheme ref are
        merged. Writes DIR/plan.accord (the plan, its partners, people and areas) and one file
        per scheme under DIR/schemes/, laid out as `accord fmt` does, then runs `accord check`
        on DIR. Every cell that cannot be read is a `# TODO` comment where its value belongs,
        naming its sheet, row and column. Nothing is overwritten: if any file to write exists,
        nothing is written.

        Exit status: that of `accord check` on the new plan (0, or 1 with errors); 2 when the
        tracker or map cannot be read or a file exists. Limits: docs/limits.md.
        """),
    run: { context in
        if context.arguments.has("example-map") { return context.print(ImportMap.example) }
        guard context.arguments.positionals.count == 1, let tracker = context.arguments.positionals.first else {
            return context.fail("`accord import` takes one tracker file (a .csv or .xlsx)")
        }
        let name = FileSystem.baseName(tracker)
        let mapPath = context.arguments.value("map")
        let bytes: [UInt8], mapText: String?
        do throws(FileError) {
            bytes = try FileSystem.read(context.invocation.resolve(tracker), limit: Lexer.maximumFileSize)
        } catch {
            return context.fail("cannot read \(tracker): \(error.reason)")
        }
        do throws(FileError) {
            mapText = try mapPath.map { path throws(FileError) in String(decoding: try FileSystem.read(context.invocation.resolve(path), limit: 1 << 20), as: UTF8.self) }
        } catch {
            return context.fail("cannot read \(mapPath!): \(error.reason)")
        }
        let map: ImportMap?
        do throws(SpreadsheetError) {
            map = try mapText.map { text throws(SpreadsheetError) in try ImportMap.parse(text, file: mapPath!) }
        } catch {
            return context.fail("bad map: \(DisplayText.escaped(error.message))")
        }
        let sheets: [Sheet]
        do throws(SpreadsheetError) {
            sheets = try TrackerFile.sheets(bytes, name: name)
        } catch {
            return context.fail("cannot import \(tracker): \(DisplayText.escaped(error.message))")
        }
        let output: TrackerImport.Output
        do throws(SpreadsheetError) {
            output = try TrackerImport.run(sheets, map: map, source: name, today: CommandContext.today())
        } catch {
            return context.fail("cannot import \(tracker): \(DisplayText.escaped(error.message))")
        }
        // Headers and sheet names are the tracker's text: escaped as every terminal output is.
        if map == nil {
            context.print("No --map given, so the columns were read by their headers as below; save this as a map file, change it, and pass it with --map:\n\n")
            context.print(output.map.text.split(separator: "\n").map { "    \(DisplayText.escaped($0))\n" }.joined())
            context.print("\n")
        }
        for column in output.unmapped { context.print("not imported: \(DisplayText.escaped(column))\n") }

        let folder = context.arguments.value("out") ?? TrackerFile.stem(name)
        let target = context.invocation.resolve(folder)
        let existing = output.files.map(\.path).filter { FileSystem.exists(Path.join(target, $0)) }
        guard existing.isEmpty else {
            return context.fail("not importing into \(folder): \(existing.prefix(3).joined(separator: ", "))\(existing.count > 3 ? " and others" : "") already exist\(existing.count == 1 ? "s" : ""); nothing was written")
        }
        do throws(FileError) {
            try FileSystem.createFolders(Path.join(target, "schemes"))
            for file in output.files {
                try FileSystem.createNew(Path.join(target, file.path), Array(formatted(file.text, path: file.path).utf8))
            }
        } catch {
            return context.fail("cannot write \(error.path): \(error.reason)")
        }
        let schemes = output.schemes == 1 ? "1 scheme" : "\(output.schemes) schemes"
        context.print("wrote \(Path.join(folder, "plan.accord")) and \(schemes) under \(Path.join(folder, "schemes"))/\n")
        if output.todos > 0 {
            context.print("\(output.todos) cell\(output.todos == 1 ? "" : "s") could not be read: see the `# TODO` comments\n")
        }
        context.print("\n$ accord check \(folder)\n")
        let check = run(Invocation(arguments: ["check", folder], environment: context.invocation.environment,
                                   stdoutIsTerminal: context.invocation.stdoutIsTerminal, workingDirectory: context.invocation.workingDirectory))
        context.print(check.stdout)
        context.printError(check.stderr)
        context.result.exitCode = check.exitCode
    })

/// Generated text laid out as `accord fmt` lays it out (it is left as generated if it has a
/// syntax error, which the check then reports).
private func formatted(_ text: String, path: String) -> String {
    let parsed = parse(SourceFile(path: path, bytes: Array(text.utf8)), checkingStructure: false)
    return parsed.syntaxErrors.isEmpty ? Formatter.format(parsed.tree) : text
}

/// A tracker file's sheets, by its kind: a zip archive is read as .xlsx, anything else as CSV.
enum TrackerFile {
    static func sheets(_ bytes: [UInt8], name: String) throws(SpreadsheetError) -> [Sheet] {
        let lower = name.lowercased()
        if lower.hasSuffix(".xls") { throw SpreadsheetError("old .xls workbooks are not read; save it as .xlsx or CSV") }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try XLSXReader.read(bytes)
        }
        return [try CSVReader.read(bytes, sheetName: name)]
    }

    /// `trackers/q3.csv` → `q3`.
    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name + "-plan" }
        return String(name[..<dot])
    }
}
