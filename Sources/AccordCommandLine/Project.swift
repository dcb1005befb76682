#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AccordDiagnostics
import AccordModel
import AccordSyntax

/// The real file system, as the model sees it.
struct DiskAccess: PlanFileAccess {
    func read(_ path: String) throws(FileAccessError) -> [UInt8] {
        do { return try FileSystem.read(path, limit: Lexer.maximumFileSize + 1) } catch { throw FileAccessError(error.reason) }
    }
    func entries(_ folder: String) -> [String] { FileSystem.list(folder) }
    func isDirectory(_ path: String) -> Bool { FileSystem.isDirectory(path) }
    func realPath(_ path: String) -> String? { FileSystem.realPath(path) }
}

/// The plans a command works on, found from its paths: each root plan once, with the files it
/// includes; fragments are checked in the context of the root plan that includes them.
struct Project {
    var plans: [PlanSources] = []
    /// Problems that belong to no one plan (W415, fragments with no root).
    var diagnostics: [Diagnostic] = []
}

extension CommandContext {
    mutating func discoverProject() -> Project {
        var project = Project()
        var seenRoots: Set<String> = []
        let access = DiskAccess()
        let paths = arguments.positionals.isEmpty ? ["."] : arguments.positionals

        func addRoot(_ sources: PlanSources, real: String) {
            if seenRoots.insert(real).inserted { project.plans.append(sources) }
        }

        for path in paths {
            if path == "-" {
                let name = arguments.value("stdin-filename") ?? "<stdin>"
                addRoot(PlanLoader.load(root: invocation.resolve(name), shownAs: name, access: access, rootBytes: invocation.stdin()), real: "-")
                continue
            }
            let resolved = invocation.resolve(path)
            guard FileSystem.exists(resolved) else {
                fail("cannot read \(path): no such file or folder")
                continue
            }
            if FileSystem.isDirectory(resolved) {
                let files = FileSystem.accordFiles(below: resolved)
                var included: Set<String> = []
                var rootFolders: [String] = []
                var roots = 0
                for relative in files {
                    let file = FileSystem.join(resolved, relative), shown = FileSystem.join(path, relative)
                    guard let bytes = try? FileSystem.read(file, limit: Lexer.maximumFileSize + 1) else { continue }
                    let parsed = parse(SourceFile(path: shown, bytes: bytes))
                    guard PlanLoader.isRootPlan(parsed) else { continue }
                    roots += 1
                    rootFolders.append(Path.folder(of: relative))
                    let sources = PlanLoader.load(root: file, shownAs: shown, access: access, rootBytes: bytes, rootParse: parsed)
                    for member in sources.files { included.insert(FileSystem.realPath(member.accessPath) ?? member.accessPath) }
                    addRoot(sources, real: FileSystem.realPath(file) ?? file)
                }
                for relative in files where !included.contains(FileSystem.realPath(FileSystem.join(resolved, relative)) ?? "") {
                    let shown = FileSystem.join(path, relative)
                    let file = SourceFile(path: shown, bytes: (try? FileSystem.read(FileSystem.join(resolved, relative), limit: 1 << 20)) ?? [])
                    project.diagnostics.append(Diagnostic(roots == 0 ? .E107 : .W415, file: file, range: 0..<0,
                        message: roots == 0 ? "\(shown) is not part of any plan: no file under \(path) has a `plan` block" : "\(shown) is included by no plan",
                        help: roots == 0 ? "check the folder that holds the plan's root file (the one with `plan \"…\" { … }`)"
                                         : Self.includeHelp(for: relative, rootFolders: rootFolders)))
                }
                continue
            }
            guard let bytes = try? FileSystem.read(resolved, limit: Lexer.maximumFileSize + 1) else {
                fail("cannot read \(path)")
                continue
            }
            let parsed = parse(SourceFile(path: path, bytes: bytes))
            if PlanLoader.isRootPlan(parsed) || parsed.syntaxErrors.contains(where: { $0.code == .E109 }) {
                addRoot(PlanLoader.load(root: resolved, shownAs: path, access: access, rootBytes: bytes, rootParse: parsed), real: FileSystem.realPath(resolved) ?? resolved)
            } else if let root = PlanLoader.findRoot(including: resolved, shownAs: path, access: access) {
                addRoot(root, real: access.realPath(root.root.accessPath) ?? root.root.accessPath)
            } else {
                addRoot(PlanLoader.load(root: resolved, shownAs: path, access: access, rootBytes: bytes, rootParse: parsed), real: FileSystem.realPath(resolved) ?? resolved)
            }
        }
        return project
    }

    /// A plan may include only files in its own folder or below (E108), so the suggestion is
    /// relative to the innermost plan folder holding the fragment, if there is one.
    static func includeHelp(for fragment: String, rootFolders: [String]) -> String {
        let holding = rootFolders.filter { $0.isEmpty || fragment.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        guard let folder = holding else {
            return "move it into the folder of a plan and include it from there, or delete it if it is no longer needed"
        }
        let path = folder.isEmpty ? fragment : String(fragment.dropFirst(folder.count + 1))
        return "include it from a plan (include \"\(path)\"), or delete it if it is no longer needed"
    }

    /// Today as the machine's local calendar date.
    static func today() -> LiteralText.Date {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return LiteralText.Date(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// The one plan that `summary`, `eval` and `model` report on; nil after a usage error.
    mutating func onePlan(for command: String) -> PlanSources? {
        guard arguments.positionals.count <= 1 else {
            fail("`accord \(command)` takes one plan")
            return nil
        }
        let project = discoverProject()
        guard result.exitCode == 0 else { return nil }
        guard project.plans.count == 1 else {
            fail(project.plans.isEmpty ? "no plan found" : "found \(project.plans.count) plans; name one of them")
            return nil
        }
        return project.plans[0]
    }

    /// `--as-of DATE`, when given and valid; a usage error otherwise.
    mutating func asOfOption() -> LiteralText.Date?? {
        guard let text = arguments.value("as-of") else { return .some(nil) }
        guard let date = LiteralText.date(text), date.day <= LiteralText.daysInMonth(year: date.year, month: date.month) else {
            fail("--as-of takes a date such as 2022-09-30, not `\(text)`")
            return nil
        }
        return .some(date)
    }
}
