import AccordDiagnostics
import AccordSyntax

/// How the model reaches files. The command line passes the real file system; the language server
/// passes one that prefers open editor buffers; tests pass files held in memory.
public protocol PlanFileAccess {
    func read(_ path: String) throws(FileAccessError) -> [UInt8]
    /// Names in a folder (without `.` and `..`), any order.
    func entries(_ folder: String) -> [String]
    func isDirectory(_ path: String) -> Bool
    /// The path with symlinks followed, or nil when it does not exist.
    func realPath(_ path: String) -> String?
}

public struct FileAccessError: Error, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Files held in memory by absolute path, folders implied by them: plans checked without a disk
/// (tests, and tools that hold a plan themselves).
public struct MemoryFileAccess: PlanFileAccess {
    public var files: [String: String]

    public init(files: [String: String]) { self.files = files }

    public func read(_ path: String) throws(FileAccessError) -> [UInt8] {
        guard let text = files[Path.normalize(path)] else { throw FileAccessError("no such file") }
        return Array(text.utf8)
    }

    public func entries(_ folder: String) -> [String] {
        let prefix = Path.normalize(folder) + "/"
        return Array(Set(files.keys.filter { $0.hasPrefix(prefix) }.compactMap { $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init) }))
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = Path.normalize(path) + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func realPath(_ path: String) -> String? {
        let normal = Path.normalize(path)
        return files[normal] != nil || isDirectory(normal) ? normal : nil
    }
}

/// One file of a plan, parsed.
public struct PlanFile: Sendable {
    public let file: SourceFile
    public let parse: ParseResult
    /// The path used to read it (the shown path is `file.path`).
    public let accessPath: String
}

/// A root plan file and every file it includes, in include order (root first), read once each.
public struct PlanSources: Sendable {
    public var files: [PlanFile] = []
    /// Include problems (E108).
    public var diagnostics: [Diagnostic] = []
    public var root: PlanFile { files[0] }
}

public enum PlanLoader {
    /// Loads the plan rooted at `path` (as the file system sees it), showing it as `shownAs`.
    /// A caller that has parsed the root already (to see that it is one) passes the parse along,
    /// parsed with `shownAs` as its path, so a large plan is not parsed twice.
    public static func load(root path: String, shownAs shown: String, access: some PlanFileAccess, rootBytes: [UInt8]? = nil,
                            rootParse: ParseResult? = nil) -> PlanSources {
        var loader = Loader(access: access, rootFolder: access.realPath(Path.folder(of: path)) ?? Path.folder(of: path))
        let bytes: [UInt8]
        if let rootBytes {
            bytes = rootBytes
        } else {
            do { bytes = try access.read(path) } catch {
                loader.sources.diagnostics.append(Diagnostic(.E108, file: nil, range: 0..<0, message: "cannot read \(shown): \(error.reason)"))
                return loader.sources
            }
        }
        loader.visit(accessPath: path, shown: shown, bytes: bytes, parsed: rootParse.flatMap { $0.tree.file.path == shown ? $0 : nil })
        return loader.sources
    }

    /// The root plan that includes `fragment`: searched for in the fragment's folder, then each
    /// folder above it, stopping at a repository's top (a folder holding `.git`) or at `/`. The
    /// root is shown relative to where the fragment is shown (`../plan.accord`).
    public static func findRoot(including fragment: String, shownAs shown: String, access: some PlanFileAccess) -> PlanSources? {
        guard let target = access.realPath(fragment) else { return nil }
        var folder = Path.folder(of: target)
        var shownFolder = Path.folder(of: shown)
        while true {
            for name in access.entries(folder).sorted() where name.hasSuffix(".accord") {
                let candidate = Path.join(folder, name)
                guard let bytes = try? access.read(candidate), isRootPlan(parse(SourceFile(path: name, bytes: bytes))) else { continue }
                let shownCandidate = Path.normalize(shownFolder.isEmpty ? name : Path.join(shownFolder, name))
                let sources = load(root: candidate, shownAs: shownCandidate, access: access, rootBytes: bytes)
                if sources.files.contains(where: { access.realPath($0.accessPath) == target }) { return sources }
            }
            if access.realPath(Path.join(folder, ".git")) != nil || folder == "/" || folder.isEmpty { return nil }
            folder = Path.folder(of: folder)
            shownFolder = shownFolder.isEmpty || shownFolder == "." ? ".." : shownFolder.hasSuffix("..") ? shownFolder + "/.." : Path.folder(of: shownFolder)
        }
    }

    /// Whether a file's top level holds a `plan` block, read without building a tree.
    public static func isRootPlan(_ parse: ParseResult) -> Bool {
        parse.tree.statements.contains { $0.keyword == "plan" && $0.block != nil }
    }
}

private struct Loader<Access: PlanFileAccess> {
    let access: Access
    let rootFolder: String
    var sources = PlanSources()
    var visited: Set<String> = []
    /// The include chain being read, by real path, to tell a cycle from a file reached twice.
    var chain: [(real: String, shown: String)] = []

    static var maximumDepth: Int { 256 }

    mutating func visit(accessPath: String, shown: String, bytes: [UInt8], parsed: ParseResult? = nil) {
        let real = access.realPath(accessPath) ?? accessPath
        visited.insert(real)
        let parsed = parsed ?? parse(SourceFile(path: shown, bytes: bytes))
        let file = parsed.tree.file
        sources.files.append(PlanFile(file: file, parse: parsed, accessPath: accessPath))
        chain.append((real, shown))
        defer { chain.removeLast() }
        for statement in parsed.tree.statements where statement.keyword == "include" {
            guard let match = Grammar.match(statement, in: .file), let literal = match.literals.first else { continue }
            include(LiteralText.unescape(literal.text), from: statement, file: file, accessPath: accessPath, real: real)
        }
    }

    private mutating func report(_ statement: StatementSyntax, _ message: String, help: String) {
        sources.diagnostics.append(Diagnostic(.E108, file: statement.node.tree.file, range: statement.headerRange, message: message, help: help))
    }

    private mutating func include(_ pattern: String, from statement: StatementSyntax, file: SourceFile, accessPath: String, real: String) {
        let folder = Path.folder(of: accessPath), shownFolder = Path.folder(of: file.path)
        let matches = Glob.expand(pattern, in: folder, access: access)
        if matches.isEmpty {
            return report(statement, "no file matches `\(pattern)`",
                          help: "the pattern is relative to this file's folder (\(shownFolder.isEmpty ? "." : shownFolder)); check the spelling and that the files end in .accord")
        }
        for relative in matches {
            let target = Path.join(folder, relative), targetShown = Path.normalize(Path.join(shownFolder, relative))
            guard let targetReal = access.realPath(target) else { continue }
            if targetReal == real { continue } // a file matched by its own pattern skips itself
            guard targetReal.hasPrefix(rootFolder == "/" ? "/" : rootFolder + "/") else {
                report(statement, "`\(relative)` is outside the plan's folder", help: "a plan may include only files inside its own folder (\(Path.folder(of: sources.files[0].file.path).isEmpty ? "." : Path.folder(of: sources.files[0].file.path))), also through symbolic links")
                continue
            }
            if let start = chain.firstIndex(where: { $0.real == targetReal }) {
                let cycle = chain[start...].map(\.shown) + [targetShown]
                report(statement, "include cycle: \(cycle.joined(separator: " → "))", help: "remove one of these includes: each file of a plan is included once, from above")
                continue
            }
            if visited.contains(targetReal) { continue }
            if chain.count >= Self.maximumDepth {
                report(statement, "includes are nested more than \(Self.maximumDepth) deep", help: "include the files from a file nearer the root plan")
                continue
            }
            do {
                let bytes = try access.read(target)
                visit(accessPath: target, shown: targetShown, bytes: bytes)
            } catch {
                report(statement, "cannot read \(targetShown): \(error.reason)", help: "check the file's permissions")
            }
        }
    }
}

/// Path arithmetic on `/`-separated strings.
public enum Path {
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || folder.isEmpty { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// Removes `.` and folds `name/..`, without touching the file system (for shown paths).
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

/// Include patterns: `*` and `?` within one path segment, `**` any number of folders; names
/// starting with `.` only match a pattern segment that starts with `.`.
enum Glob {
    /// The matching files, as paths relative to `folder`, in sorted byte order.
    static func expand(_ pattern: String, in folder: String, access: some PlanFileAccess) -> [String] {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var states: [String] = [pattern.hasPrefix("/") ? "/" : ""]
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            var next: [String] = []
            for state in states {
                let here = state.isEmpty ? folder : Path.join(folder, state)
                if segment == "**" {
                    next.append(contentsOf: [state] + descendants(of: here, relative: state, access: access))
                } else if segment.contains("*") || segment.contains("?") {
                    for name in access.entries(here.isEmpty ? "." : here) where matches(name, segment) {
                        let candidate = state.isEmpty ? name : Path.join(state, name)
                        let isFolder = access.isDirectory(Path.join(folder, candidate))
                        if last ? !isFolder : isFolder { next.append(candidate) }
                    }
                } else {
                    let candidate = state.isEmpty ? segment : Path.join(state, segment)
                    let isFolder = access.isDirectory(Path.join(folder, candidate))
                    if last ? (!isFolder && access.realPath(Path.join(folder, candidate)) != nil) : isFolder { next.append(candidate) }
                }
            }
            states = next
        }
        if segments.last == "**" { states = [] } // `**` alone names folders, not files
        return Array(Set(states)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private static func descendants(of folder: String, relative: String, access: some PlanFileAccess) -> [String] {
        var found: [String] = []
        var pending = [(folder, relative)]
        var seen: Set<String> = []
        while let (current, rel) = pending.popLast() {
            guard let real = access.realPath(current.isEmpty ? "." : current), seen.insert(real).inserted else { continue }
            for name in access.entries(current.isEmpty ? "." : current) where !name.hasPrefix(".") {
                let path = Path.join(current, name)
                if access.isDirectory(path) {
                    let childRelative = rel.isEmpty ? name : Path.join(rel, name)
                    found.append(childRelative)
                    pending.append((path, childRelative))
                }
            }
        }
        return found
    }

    /// Matches one name against one pattern segment.
    static func matches(_ name: String, _ pattern: String) -> Bool {
        if name.hasPrefix(".") && !pattern.hasPrefix(".") { return false }
        let n = Array(name.unicodeScalars), p = Array(pattern.unicodeScalars)
        var i = 0, j = 0, star = -1, mark = 0
        while i < n.count {
            if j < p.count, p[j] == "?" || p[j] == n[i] { i += 1; j += 1 }
            else if j < p.count, p[j] == "*" { star = j; mark = i; j += 1 }
            else if star >= 0 { j = star + 1; mark += 1; i = mark }
            else { return false }
        }
        while j < p.count, p[j] == "*" { j += 1 }
        return j == p.count
    }
}
