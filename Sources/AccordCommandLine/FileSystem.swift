#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What went wrong reading or writing a file, in words for a usage error (exit 2).
public struct FileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The few file operations the commands need, straight on POSIX: no Foundation at start-up,
/// which matters for a tool run on every commit.
public enum FileSystem {
    static func errorText() -> String { String(cString: strerror(errno)) }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Reads a whole file. Refuses anything over `limit` bytes without reading it.
    public static func read(_ path: String, limit: Int = .max) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError(path: path, reason: errorText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, reason: errorText()) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, reason: "is a folder") }
        if Int(info.st_size) > limit { throw FileError(path: path, reason: "file is too large (\(Int(info.st_size) / (1024 * 1024)) MiB)") }
        // One byte more than the size: the read that finds the end then needs no bigger buffer
        // (growing it would double the memory a large plan takes while it is read).
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var total = 0
        while true {
            if total == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: errorText())
            }
            if count == 0 { break }
            total += count
            if total > limit { throw FileError(path: path, reason: "file is too large") }
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    /// Reads standard input to its end.
    public static func readStandardInput() -> [UInt8] { readAll(0) }

    /// Reads an open file descriptor (standard input, a pipe) to its end.
    static func readAll(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Replaces a file atomically: writes a temporary file beside it, gives it the original's
    /// permissions, then renames it over the original, so a crash never leaves half a plan.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        var template = Array("\(path).accord-fmt-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(path: path, reason: "cannot create a temporary file: \(errorText())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = errorText()
                close(fd); unlink(temporary)
                throw FileError(path: path, reason: reason)
            }
            written += count
        }
        fchmod(fd, mode)
        guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0, rename(temporary, path) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw FileError(path: path, reason: reason)
        }
    }

    /// Creates a folder (not its parents); one that already exists is fine.
    public static func makeFolder(_ path: String) throws(FileError) {
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path)) else { throw FileError(path: path, reason: errorText()) }
    }

    public static func write(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        try writeAtomically(path, bytes)
    }

    /// Creates a file that must not exist yet (`O_EXCL`), so nothing is ever overwritten.
    public static func createNew(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw FileError(path: path, reason: errorText()) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: errorText())
            }
            written += count
        }
    }

    /// Creates a folder and any missing folders above it.
    public static func createFolders(_ path: String) throws(FileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current = current.isEmpty ? "/" + part : current + "/" + part
            if isDirectory(current) { continue }
            guard mkdir(current, 0o755) == 0 || errno == EEXIST else { throw FileError(path: current, reason: errorText()) }
        }
    }

    /// The entries of a folder, sorted by byte order, without `.` and `..`.
    public static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Every `.accord` file below `folder`, as paths relative to it, in sorted byte order;
    /// hidden folders (`.git`, `.build`) are skipped and a folder reached twice is read once.
    public static func accordFiles(below folder: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        var visited: Set<String> = []
        while let relative = pending.popLast() {
            let current = relative.isEmpty ? folder : join(folder, relative)
            guard let real = realPath(current), visited.insert(real).inserted else { continue }
            var subfolders: [String] = []
            for name in list(current) where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                if isDirectory(join(folder, path)) { subfolders.append(path) } else if name.hasSuffix(".accord") { found.append(path) }
            }
            pending.append(contentsOf: subfolders.reversed())
        }
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func join(_ folder: String, _ name: String) -> String {
        folder == "." ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// `trackers/q3.csv` → `q3.csv`.
    public static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    public static func currentDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }
}
