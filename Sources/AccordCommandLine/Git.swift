#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AccordModel
import AccordSyntax

/// The `git` program, run as a child process in a given folder.
struct Git {
    let folder: String

    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `git ARGUMENTS` and waits for it. stderr is read after stdout, which is safe for the
    /// few lines git writes there.
    func run(_ arguments: [String]) throws(FileError) -> Output {
        var out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard pipe(&out) == 0, pipe(&err) == 0 else { throw FileError(path: "git", reason: FileSystem.errorText()) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        for fd in out + err { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = (["git", "-C", folder] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environ)
        close(out[1]); close(err[1])
        defer { close(out[0]); close(err[0]) }
        guard spawned == 0 else { throw FileError(path: "git", reason: "cannot run git: \(String(cString: strerror(spawned)))") }
        let stdout = FileSystem.readAll(out[0]), stderr = FileSystem.readAll(err[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: exited, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs git and gives its output, or throws its first line of complaint.
    func output(_ arguments: [String]) throws(FileError) -> Output {
        let result = try run(arguments)
        guard result.status == 0 else {
            let reason = result.stderr.split(separator: "\n").first.map(String.init) ?? "git \(arguments.joined(separator: " ")) failed"
            throw FileError(path: "git", reason: reason)
        }
        return result
    }

    /// The repository's top folder.
    func topLevel() throws(FileError) -> String {
        String(try output(["rev-parse", "--show-toplevel"]).text.split(separator: "\n").first ?? "")
    }

    /// The working folder relative to the top folder: "" at the top, else `plans/` with its slash.
    func prefix() throws(FileError) -> String {
        String(try output(["rev-parse", "--show-prefix"]).text.split(separator: "\n").first ?? "")
    }
}

/// The files of one revision of a repository, as the plan loader sees them: `/` is the top of the
/// repository, so a plan read from git has the same include rules (E108) as one on disk. Files
/// are read with `git show REV:PATH`; symbolic links are followed inside the revision. A revision
/// always follows `--end-of-options`, so one that starts with `-` is never read as an option.
struct GitRevisionAccess: PlanFileAccess {
    let git: Git
    let revision: String
    /// Every file of the revision by path from the top (`plans/plan.accord`), with its mode.
    private let files: [String: String]
    private let folders: Set<String>

    init(git: Git, revision: String) throws(FileError) {
        self.git = git
        self.revision = revision
        var files: [String: String] = [:]
        var folders: Set<String> = [""]
        // `ls-tree` takes no `--end-of-options`: resolve the revision first, then list the tree by id.
        let tree = try git.output(["rev-parse", "--verify", "--end-of-options", "\(revision)^{tree}"]).text.prefix { $0 != "\n" }
        let listing = try git.output(["ls-tree", "-r", "-z", "--full-tree", String(tree), "--"]).stdout
        for entry in listing.split(separator: 0) {
            // `MODE TYPE OBJECT\tPATH`
            guard let tab = entry.firstIndex(of: 9) else { continue }
            let mode = String(decoding: entry[entry.startIndex..<tab].prefix { $0 != 32 }, as: UTF8.self)
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            files[path] = mode
            var folder = Path.folder(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = Path.folder(of: folder) }
        }
        self.files = files
        self.folders = folders
    }

    /// Paths of the revision from the top, sorted.
    var paths: [String] { files.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }

    private func relative(_ path: String) -> String { String(Path.normalize(path).drop { $0 == "/" }) }

    func read(_ path: String) throws(FileAccessError) -> [UInt8] {
        guard let real = realPath(path) else { throw FileAccessError("no such file in \(revision)") }
        let name = relative(real)
        guard let mode = files[name] else { throw FileAccessError("is a folder") }
        guard mode.hasPrefix("100") else { throw FileAccessError(FileAccessError.notRegularFile) } // a submodule, say
        do {
            let bytes = try git.output(["show", "--end-of-options", "\(revision):\(name)"]).stdout
            if bytes.count > Lexer.maximumFileSize { throw FileAccessError.tooLarge(bytes.count) }
            return bytes
        } catch let error as FileError {
            throw FileAccessError(error.reason)
        } catch let error as FileAccessError {
            throw error
        } catch {
            throw FileAccessError("cannot read it through git")
        }
    }

    func entries(_ folder: String) -> [String] {
        let base = relative(folder)
        let prefix = base.isEmpty ? "" : base + "/"
        var names: Set<String> = []
        for path in files.keys where path.hasPrefix(prefix) {
            names.insert(String(path.dropFirst(prefix.count).prefix { $0 != "/" }))
        }
        return Array(names)
    }

    func isDirectory(_ path: String) -> Bool { realPath(path).map { folders.contains(relative($0)) } ?? false }

    func isSymbolicLink(_ path: String) -> Bool { files[relative(path)] == "120000" }

    func realPath(_ path: String) -> String? {
        var current = relative(path)
        for _ in 0..<40 { // as many links as the kernel follows
            if current.hasPrefix("..") { return current } // outside the repository: not below `/`, so E108 says so
            if folders.contains(current) { return "/" + current }
            guard let mode = files[current] else { return nil }
            guard mode == "120000" else { return "/" + current }
            guard let target = try? git.output(["show", "--end-of-options", "\(revision):\(current)"]).text else { return nil }
            if target.hasPrefix("/") { return "../" + target }
            current = relative(Path.join(Path.folder(of: "/" + current), target))
        }
        return nil
    }
}

/// The working tree as `diff --git` compares it: only the files git tracks, so an ignored
/// `scratch/` folder or an untracked draft never joins the comparison, as in `git diff`.
struct TrackedFilesAccess: PlanFileAccess {
    let disk = DiskAccess()
    /// Tracked files and the folders holding them, by absolute path.
    let files: Set<String>
    private let folders: Set<String>

    init(top: String) throws(FileError) {
        var files: Set<String> = [], folders: Set<String> = [top]
        for entry in try Git(folder: top).output(["ls-files", "-z"]).stdout.split(separator: 0) {
            let path = Path.join(top, String(decoding: entry, as: UTF8.self))
            files.insert(path)
            var folder = Path.folder(of: path)
            while folder.count > top.count, folders.insert(folder).inserted { folder = Path.folder(of: folder) }
        }
        self.files = files
        self.folders = folders
    }

    func read(_ path: String) throws(FileAccessError) -> [UInt8] {
        guard files.contains(Path.normalize(path)) else { throw FileAccessError("not tracked by git") }
        return try disk.read(path)
    }

    func entries(_ folder: String) -> [String] {
        disk.entries(folder).filter { isTracked(Path.join(folder, $0)) }
    }

    func isDirectory(_ path: String) -> Bool { folders.contains(Path.normalize(path)) && disk.isDirectory(path) }
    func isSymbolicLink(_ path: String) -> Bool { disk.isSymbolicLink(path) }
    func realPath(_ path: String) -> String? { isTracked(path) ? disk.realPath(path) : nil }

    private func isTracked(_ path: String) -> Bool {
        let normal = Path.normalize(path)
        return files.contains(normal) || folders.contains(normal)
    }
}
