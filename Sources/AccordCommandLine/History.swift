import AccordChecks
import AccordDiagnostics
import AccordFigures
import AccordModel
import AccordReports
import AccordSyntax

/// How `accord history` groups commits into periods.
enum HistoryPeriodKind: String, CaseIterable, Sendable {
    case month, week, commit
}

let historyCommand = Command(
    spec: CommandSpec(
        name: "history",
        usage: "accord history [OPTIONS] [PATH]",
        summary: "Show how the plan moved across its git history: figures per period and the movement between periods.",
        options: [
            .reportFormat, .output, .table(HistoryTables.names),
            .init(name: "every", value: "PERIOD", help: "month (default), week or commit: the last commit of each period stands for it"),
            .init(name: "since", value: "DATE|REV", help: "only commits on or after DATE, or after REV (REV itself the first)"),
            .init(name: "until", value: "REV", help: "the newest revision to read (default HEAD)"),
            .init(name: "at", value: "REV,…", help: "exactly these revisions, one period each; `board-*` names every matching tag"),
        ],
        details: """
        PATH is the plan's root file, or a folder holding one plan, in the working tree of a git
        repository; each revision is read from git (the plan and the files it includes, with the
        same include rules as on disk). Periods come from the commits that changed the plan's
        folder along the first-parent history; a revision where the plan does not exist yet is
        skipped. Each revision is checked as of its plan's `as-of`, else the commit's date.

        A revision whose plan has errors is listed with its error count and left out of every
        figure and movement (each table says so); movement then runs from the period before it
        to the one after.

        csv writes one table at a time: `--table NAME`, or -o FOLDER for every table as
        FOLDER/NAME.csv. html is one self-contained page with trend charts. json follows
        docs/history.schema.json.

        Exit status: 0, or 1 if the newest revision's plan has errors, 2 on a usage, git or I/O error.
        """),
    run: { context in
        guard let format = context.formatOption(default: ReportFormat.text) else { return }
        let every = context.arguments.value("every") ?? "month"
        guard let kind = HistoryPeriodKind(rawValue: every) else {
            return context.fail("unknown --every `\(every)`: use one of month, week, commit")
        }
        guard let table = context.csvTableOption(csv: format == .csv, names: HistoryTables.names) else { return }
        let output = context.arguments.value("output")
        if context.arguments.value("at") != nil, context.arguments.value("since") != nil || context.arguments.value("every") != nil {
            return context.fail("--at names the revisions itself: give it without --since or --every")
        }
        guard context.arguments.positionals != ["-"] else { return context.fail("`accord history` reads the plan from git: name a file or folder, not -") }
        guard let plan = context.onePlan(for: "history") else { return }
        guard let (history, source) = context.readHistory(of: plan.root.accessPath, every: kind) else { return }
        switch format {
        case .text: context.emit(HistoryReport.text(history, source), to: output)
        case .markdown: context.emit(HistoryReport.markdown(history, source), to: output)
        case .json: context.emit(HistoryJSON.render(history, source), to: output)
        case .html: context.emit(HistoryHTML.render(history, source), to: output)
        case .csv: context.emitCSV(table: table, folder: output, names: HistoryTables.names) { HistoryTables.table($0, of: history)! }
        }
        if (history.periods.last?.errors ?? 0) > 0, context.result.exitCode == 0 { context.result.exitCode = ExitCode.problems }
    })

/// One commit as `git log` lists it.
struct Commit {
    var hash: String
    var date: Date
    var subject: String
}

extension Git {
    /// Commits from `git log --first-parent ARGUMENTS`, oldest first.
    func commits(_ arguments: [String]) throws(FileError) -> [Commit] {
        let text = try output(["log", "--first-parent", "--format=%H%x1f%cI%x1f%s"] + arguments).text
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\u{1f}", omittingEmptySubsequences: false)
            guard fields.count >= 3, let date = LiteralText.date(String(fields[1].prefix(10))) else { return nil }
            return Commit(hash: String(fields[0]), date: date, subject: String(fields[2]))
        }.reversed()
    }
}

extension CommandContext {
    /// Chooses the revisions, reads and checks the plan at each, and builds its history.
    mutating func readHistory(of file: String, every kind: HistoryPeriodKind) -> (PlanHistory, HistorySource)? {
        do {
            // The repository holding the plan, wherever the command runs.
            let real = FileSystem.realPath(file) ?? file
            let git = Git(folder: Path.folder(of: real))
            let top = FileSystem.realPath(try git.topLevel()) ?? ""
            guard real.hasPrefix(top + "/") else { fail("\(file) is not inside the git repository at \(top)"); return nil }
            let path = String(real.dropFirst(top.count + 1)), folder = Path.folder(of: path)
            let (chosen, selection) = try chooseRevisions(git, folder: folder, every: kind)
            var revisions: [(revision: HistoryRevision, plan: CheckedPlan)] = []
            for revision in chosen {
                let access = try GitRevisionAccess(git: git, revision: revision.commit)
                // Not there yet (or a folder by that name): nothing to check in this period.
                guard access.realPath("/" + path) != nil, !access.isDirectory("/" + path) else { continue }
                let sources = PlanLoader.load(root: "/" + path, shownAs: Self.shownName(revision.shortCommit, path), access: access)
                revisions.append((revision, PlanCheck.run(sources, today: revision.date)))
            }
            guard !revisions.isEmpty else { fail("no revision in the range has \(path)"); return nil }
            return (PlanHistory(revisions), HistorySource(plan: path, selection: selection))
        } catch {
            fail("cannot read the history of \(file): \(error.reason)")
            return nil
        }
    }

    /// The revisions standing for the periods, oldest first, and how they were chosen.
    private func chooseRevisions(_ git: Git, folder: String, every kind: HistoryPeriodKind) throws(FileError) -> ([HistoryRevision], String) {
        if let list = arguments.value("at") {
            var chosen: [(Commit, String)] = []
            for item in list.split(separator: ",").map(String.init) {
                let names = item.contains("*") || item.contains("?")
                    ? try git.output(["tag", "--list", item]).text.split(separator: "\n").map(String.init) : [item]
                for name in names {
                    guard let commit = try git.commits(["-1", "--no-walk", name, "--"]).first else { continue }
                    chosen.append((commit, name))
                }
            }
            let revisions = chosen.enumerated().sorted { a, b in
                a.element.0.date != b.element.0.date ? a.element.0.date < b.element.0.date : a.offset < b.offset
            }.map { HistoryRevision(period: $0.element.1, commit: $0.element.0.hash, date: $0.element.0.date, subject: $0.element.0.subject) }
            return (revisions, "the revisions \(list)")
        }
        let until = arguments.value("until") ?? "HEAD"
        let pathspec = ":(top)" + folder
        var commits: [Commit]
        var selection: String
        if let since = arguments.value("since"), let date = LiteralText.date(since) {
            commits = try git.commits([until, "--", pathspec]).filter { $0.date >= date }
            selection = "since \(since)"
        } else if let since = arguments.value("since") {
            commits = try git.commits(["-1", "--no-walk", since, "--"]) + git.commits(["\(since)..\(until)", "--", pathspec])
            selection = "since \(since)"
        } else {
            commits = try git.commits([until, "--", pathspec])
            selection = "all commits"
        }
        if arguments.value("until") != nil { selection += " until \(until)" }
        // The last commit of each period stands for it.
        var order: [String] = [], last: [String: Commit] = [:]
        for commit in commits {
            let key = Self.period(of: commit, kind)
            if last[key] == nil { order.append(key) }
            last[key] = commit
        }
        let revisions = order.map { key in HistoryRevision(period: key, commit: last[key]!.hash, date: last[key]!.date, subject: last[key]!.subject) }
        let every = kind == .commit ? "every commit" : "the last commit of each \(kind.rawValue)"
        return (revisions, "\(every), \(selection)")
    }

    /// `2022-09`, `w/c 2022-09-12` (the week's Monday) or the short commit name.
    static func period(of commit: Commit, _ kind: HistoryPeriodKind) -> String {
        switch kind {
        case .month: return String(ModelJSON.iso(commit.date).prefix(7))
        case .week:
            let monday = Date(year: 2024, month: 1, day: 1).dayNumber  // a Monday
            let offset = ((commit.date.dayNumber - monday) % 7 + 7) % 7
            return "w/c " + ModelJSON.iso(commit.date.adding(days: -offset))
        case .commit: return String(commit.hash.prefix(7))
        }
    }

}
