import AccordChecks
import AccordDiagnostics
import AccordFigures
import AccordModel
import AccordReports
import AccordSyntax

let diffCommand = Command(
    spec: CommandSpec(
        name: "diff",
        usage: "accord diff [OPTIONS] OLD NEW  |  accord diff [OPTIONS] --git REV",
        summary: "Show what changed between two versions of a plan: schemes, savings, milestones, shares, diagnostics.",
        options: [
            .init(name: "format", value: "FORMAT", help: "text (default), markdown (for a pull-request comment) or json"),
            .init(name: "git", value: "REV", help: "compare every root plan of the repository at REV with the working tree"),
            .init(name: "exit-code", help: "exit 1 when the plans differ"),
            .init(name: "as-of", value: "DATE", help: "check both versions as of this date (else each plan's `as-of`, else today)"),
        ],
        details: """
        OLD and NEW are plan files, or REV:PATH to read a plan from git (`main:plans/plan.accord`;
        as in git, PATH is from the top of the repository unless it starts with ./ or ../). The
        files a plan includes are read from the same revision. Things are matched by name, never
        by line: moving, reordering, reformatting or commenting reports "no changes".

        Exit status: 0 (with --exit-code: 0 the same, 1 they differ), 2 on a usage, git or I/O error.
        """),
    run: { context in
        let format = context.arguments.value("format") ?? "text"
        guard ["text", "markdown", "json"].contains(format) else {
            let hint = Suggestion.closest(to: format, in: ["text", "markdown", "json"]).map { " (did you mean \($0)?)" } ?? ""
            return context.fail("unknown --format `\(format)`\(hint): use one of text, markdown, json")
        }
        guard let asOf = context.asOfOption() else { return }
        let comparisons: [PlanComparison]?
        if let revision = context.arguments.value("git") {
            guard context.arguments.positionals.isEmpty else { return context.fail("--git REV compares whole repositories: give no paths with it") }
            comparisons = context.compareRepository(at: revision, asOf: asOf)
        } else {
            guard context.arguments.positionals.count == 2 else { return context.fail("`accord diff` takes two plans: OLD NEW (or --git REV)") }
            let paths = context.arguments.positionals
            guard let old = context.loadVersion(paths[0], asOf: asOf), let new = context.loadVersion(paths[1], asOf: asOf) else { return }
            comparisons = [PlanComparison(old: paths[0], new: paths[1], diff: PlanDiff(old: old, new: new))]
        }
        guard let comparisons else { return }
        switch format {
        case "markdown": context.print(PlanDiffReport.markdown(comparisons))
        case "json": context.print(PlanDiffJSON.render(comparisons))
        default: context.print(PlanDiffReport.text(comparisons))
        }
        if context.arguments.has("exit-code"), comparisons.contains(where: { !$0.diff.isEmpty }) { context.result.exitCode = ExitCode.problems }
    })

extension CommandContext {
    /// A plan file on disk, or `REV:PATH` read through git, checked.
    mutating func loadVersion(_ argument: String, asOf: Date?) -> PlanVersion? {
        let resolved = invocation.resolve(argument)
        if FileSystem.exists(resolved) {
            if FileSystem.isDirectory(resolved) { fail("\(argument) is a folder: name a plan file (or use --git REV)"); return nil }
            return check(PlanLoader.load(root: resolved, shownAs: argument, access: DiskAccess()), asOf: asOf)
        }
        guard let colon = argument.firstIndex(of: ":") else { fail("cannot read \(argument): no such file"); return nil }
        let revision = String(argument[..<colon]), path = String(argument[argument.index(after: colon)...])
        guard !revision.isEmpty, !path.isEmpty else { fail("`\(argument)`: write REV:PATH, such as main:plans/plan.accord"); return nil }
        do {
            let git = Git(folder: workingFolder)
            let access = try GitRevisionAccess(git: git, revision: revision)
            // As in git, `./` and `../` are relative to the working folder; anything else to the top.
            let fromTop = path.hasPrefix("./") || path.hasPrefix("../") ? Path.normalize(try git.prefix() + path) : Path.normalize(path)
            // `HEAD:..` and the like leave the repository: nothing there can be read.
            guard access.realPath("/" + fromTop)?.hasPrefix("/") == true, !access.isDirectory("/" + fromTop) else {
                fail("cannot read \(argument): no such file in \(revision)")
                return nil
            }
            return check(PlanLoader.load(root: "/" + fromTop, shownAs: Self.shownName(revision, path), access: access), asOf: asOf)
        } catch {
            fail("cannot read \(argument): \(error.reason)")
            return nil
        }
    }

    /// `REV:PATH` as files are shown; a top-level file keeps `./` so the files it includes are
    /// shown with the revision too (`main:./schemes/a.accord`).
    static func shownName(_ revision: String, _ path: String) -> String {
        "\(revision):\(path.contains("/") ? path : "./" + path)"
    }

    private func check(_ sources: PlanSources, asOf: Date?) -> PlanVersion {
        PlanVersion(PlanCheck.run(sources, asOf: asOf, today: CommandContext.today()))
    }

    /// Every root plan of the repository at `revision` against the working tree, paired by path;
    /// a plan on one side only is compared with nothing.
    mutating func compareRepository(at revision: String, asOf: Date?) -> [PlanComparison]? {
        do {
            let git = Git(folder: workingFolder)
            let top = try git.topLevel()
            let access = try GitRevisionAccess(git: git, revision: revision)
            var old: [String: PlanVersion] = [:]
            for path in access.paths where path.hasSuffix(".accord") && !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                guard let bytes = try? access.read("/" + path), PlanLoader.isRootPlan(parse(SourceFile(path: path, bytes: bytes))) else { continue }
                old[path] = check(PlanLoader.load(root: "/" + path, shownAs: Self.shownName(revision, path), access: access, rootBytes: bytes), asOf: asOf)
            }
            var new: [String: PlanVersion] = [:]
            let tracked = try TrackedFilesAccess(top: top)
            for path in PlanFolder.accordFiles(below: top, access: tracked) {
                let file = Path.join(top, path)
                guard let bytes = try? tracked.read(file), PlanLoader.isRootPlan(parse(SourceFile(path: path, bytes: bytes))) else { continue }
                new[path] = check(PlanLoader.load(root: file, shownAs: path, access: tracked, rootBytes: bytes), asOf: asOf)
            }
            let paths = Set(old.keys).union(new.keys).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            return paths.map { path in
                PlanComparison(old: old[path] == nil ? "(no plan)" : "\(revision):\(path)", new: new[path] == nil ? "(no plan)" : path,
                               diff: PlanDiff(old: old[path] ?? .absent, new: new[path] ?? .absent))
            }
        } catch {
            fail("cannot compare with \(revision): \(error.reason)")
            return nil
        }
    }
}
