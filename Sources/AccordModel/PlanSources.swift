import AccordDiagnostics
import AccordSyntax

/// How the model reaches files. The command line passes the real file system; the language server
/// passes one that prefers open editor buffers; tests pass files held in memory.
public protocol PlanFileAccess {
    /// The bytes of a regular file. Anything else (a folder, a FIFO, a device) and a file over
    /// `Lexer.maximumFileSize` is refused without reading it: a FIFO would block for ever.
    func read(_ path: String) throws(FileAccessError) -> [UInt8]
    /// Names in a folder (without `.` and `..`), any order.
    func entries(_ folder: String) -> [String]
    /// Whether the path is a folder, following symbolic links.
    func isDirectory(_ path: String) -> Bool
    /// Whether the path itself is a symbolic link: walks never enter a linked folder.
    func isSymbolicLink(_ path: String) -> Bool
    /// The path with symlinks followed, or nil when it does not exist.
    func realPath(_ path: String) -> String?
}

public struct FileAccessError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    /// The file's size in bytes when it was refused as larger than Accord reads.
    public let tooLargeSize: Int?
    public init(_ reason: String, tooLargeSize: Int? = nil) {
        self.reason = reason
        self.tooLargeSize = tooLargeSize
    }

    /// The reason in words, with the real size of a file too large.
    public var description: String { tooLargeSize.map(Lexer.tooLargeMessage) ?? reason }

    /// A file over `Lexer.maximumFileSize`, refused before reading it.
    public static func tooLarge(_ size: Int) -> FileAccessError { FileAccessError("file is too large", tooLargeSize: size) }

    /// The reason a file that is not a regular file is refused.
    public static let notRegularFile = "not a regular file"

    /// The failure as a diagnostic at the file itself (E109), with the real reason.
    public func diagnostic(at shown: String) -> Diagnostic {
        let file = SourceFile(path: shown, bytes: [])
        if let tooLargeSize {
            return Diagnostic(.E109, file: file, range: 0..<0, message: Lexer.tooLargeMessage(size: tooLargeSize), help: Lexer.tooLargeHelp)
        }
        return Diagnostic(.E109, file: file, range: 0..<0, message: "cannot read this file: \(reason)",
                          help: reason == Self.notRegularFile ? "only regular files are read as plans: replace it with a file, or rename it so its name does not end in .accord"
                                                              : "check that the file exists and that its permissions let you read it")
    }
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

    public func isSymbolicLink(_ path: String) -> Bool { false }

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
        // The plan's folder, absolute and real however the plan was named (`plan.accord` has the
        // folder "", which is the current folder): every include must stay inside it.
        let folder = Path.folder(of: path)
        var loader = Loader(access: access, folder: folder, shownFolder: Path.folder(of: shown),
                            realFolder: access.realPath(folder.isEmpty ? "." : folder))
        let bytes: [UInt8]
        if let rootBytes {
            bytes = rootBytes
        } else {
            do { bytes = try access.read(path) } catch {
                loader.sources.diagnostics.append(error.diagnostic(at: shown))
                return loader.sources
            }
        }
        loader.visit(accessPath: path, relative: String(path.dropFirst(folder.isEmpty ? 0 : folder.count + 1)), shown: shown, bytes: bytes,
                     parsed: rootParse.flatMap { $0.tree.file.path == shown ? $0 : nil })
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
    /// The root plan's folder as the access reads it and as it is shown.
    let folder: String, shownFolder: String
    /// The same folder with symbolic links followed; nil when it cannot be found, and then no
    /// include is read at all.
    let realFolder: String?
    var sources = PlanSources()
    var visited: Set<String> = []
    /// The include chain being read, by real path, to tell a cycle from a file reached twice.
    var chain: [(real: String, shown: String)] = []

    static var maximumDepth: Int { 256 }

    init(access: Access, folder: String, shownFolder: String, realFolder: String?) {
        self.access = access
        self.folder = folder
        self.shownFolder = shownFolder
        self.realFolder = realFolder.flatMap { $0.hasPrefix("/") ? $0 : nil }
    }

    /// Whether a real path lies inside the plan's folder: the one test between a file and its bytes.
    func isInside(_ real: String) -> Bool {
        // Git's view of a revision gives a link out of the repository as `../…`: never inside.
        guard let realFolder, real.hasPrefix("/") else { return false }
        return realFolder == "/" || real == realFolder || real.hasPrefix(realFolder + "/")
    }

    /// `relative` is the file's path from the plan's folder.
    mutating func visit(accessPath: String, relative: String, shown: String, bytes: [UInt8], parsed: ParseResult? = nil) {
        let real = access.realPath(accessPath) ?? accessPath
        visited.insert(real)
        let parsed = parsed ?? parse(SourceFile(path: shown, bytes: bytes))
        let file = parsed.tree.file
        sources.files.append(PlanFile(file: file, parse: parsed, accessPath: accessPath))
        chain.append((real, shown))
        defer { chain.removeLast() }
        for statement in parsed.tree.statements where statement.keyword == "include" {
            guard let match = Grammar.match(statement, in: .file), let literal = match.literals.first else { continue }
            include(LiteralText.unescape(literal.text), from: statement, relative: relative, real: real)
        }
    }

    private mutating func report(_ statement: StatementSyntax, _ message: String, help: String) {
        sources.diagnostics.append(Diagnostic(.E108, file: statement.node.tree.file, range: statement.headerRange, message: message, help: help))
    }

    private var outsideHelp: String {
        "a plan may include only files inside its own folder (\(shownFolder.isEmpty ? "." : shownFolder)), also through symbolic links"
    }

    private mutating func include(_ pattern: String, from statement: StatementSyntax, relative: String, real: String) {
        let includingFolder = Path.folder(of: relative)
        if pattern.hasPrefix("/") {
            return report(statement, "`\(pattern)` is an absolute path", help: "write the path relative to this file's folder; \(outsideHelp)")
        }
        // The pattern from the plan's folder, `..` folded: one that climbs out of it is refused
        // before any folder outside is looked at.
        let fromRoot = Path.normalize(Path.join(includingFolder, pattern))
        if fromRoot == ".." || fromRoot.hasPrefix("../") {
            return report(statement, "`\(pattern)` is outside the plan's folder", help: outsideHelp)
        }
        let (matches, outside) = Glob.expand(fromRoot, in: folder, access: access, isInside: isInside)
        for path in outside {
            report(statement, "`\(Path.normalize(Path.join(shownFolder, path)))` is outside the plan's folder", help: outsideHelp)
        }
        if matches.isEmpty && outside.isEmpty {
            let shownIncluding = Path.normalize(Path.join(shownFolder, includingFolder))
            return report(statement, "no file matches `\(pattern)`",
                          help: "the pattern is relative to this file's folder (\(shownIncluding.isEmpty ? "." : shownIncluding)); check the spelling and that the files end in .accord")
        }
        for match in matches {
            let target = Path.join(folder, match), targetShown = Path.normalize(Path.join(shownFolder, match))
            guard let targetReal = access.realPath(target) else { continue }
            if targetReal == real { continue } // a file matched by its own pattern skips itself
            guard isInside(targetReal) else {
                report(statement, "`\(targetShown)` is outside the plan's folder", help: outsideHelp)
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
                visit(accessPath: target, relative: match, shown: targetShown, bytes: bytes)
            } catch {
                visited.insert(targetReal)
                sources.diagnostics.append(error.diagnostic(at: targetShown))
            }
        }
    }
}

/// Path arithmetic on `/`-separated strings, for the model and the command line alike.
public enum Path {
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `relative` in `folder`; `relative` itself when it is absolute or the folder is the
    /// current one (`""` or `.`, so shown paths never start with `./`).
    public static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || folder.isEmpty || folder == "." { return relative }
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

