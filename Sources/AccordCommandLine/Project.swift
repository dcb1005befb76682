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
        do { return try FileSystem.read(path, limit: Lexer.maximumFileSize) } catch {
            throw error.size.map(FileAccessError.tooLarge) ?? FileAccessError(error.reason)
        }
    }
    func entries(_ folder: String) -> [String] { FileSystem.list(folder) }
    func isDirectory(_ path: String) -> Bool { FileSystem.isDirectory(path) }
    func isSymbolicLink(_ path: String) -> Bool { FileSystem.isSymbolicLink(path) }
    func realPath(_ path: String) -> String? { FileSystem.realPath(path) }
}

extension CommandContext {
    /// The plans a command works on, found from its paths (the current folder without any) as
    /// the language server finds them (`PlanDiscovery`); a path that does not exist is a usage error.
    /// `alsoCurrentFolder` adds every plan below the current folder after the paths.
    mutating func discoverProject(alsoCurrentFolder: Bool = false) -> PlanDiscovery {
        var discovery = PlanDiscovery()
        let access = DiskAccess()
        for path in (arguments.positionals.isEmpty ? ["."] : arguments.positionals) + (alsoCurrentFolder ? ["."] : []) {
            if path == "-" {
                let name = arguments.value("stdin-filename") ?? "<stdin>"
                discovery.add(root: invocation.resolve(name), shownAs: name, bytes: invocation.stdin(), access: access)
            } else {
                discovery.add(invocation.resolve(path), shownAs: path, access: access)
            }
        }
        for path in discovery.missing { fail("cannot read \(path): no such file or folder") }
        return discovery
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
            let reason = project.diagnostics.first.map { ": \($0.file.map { "\($0.path): " } ?? "")\($0.message)" } ?? ""
            fail(project.plans.isEmpty ? "no plan found\(reason)" : "found \(project.plans.count) plans; name one of them")
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
