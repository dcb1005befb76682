#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AccordDiagnostics
import AccordModel

/// What went wrong reading or writing a file, in words for a usage error (exit 2).
public struct FileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// The file's size, when it was refused as larger than the reader's limit.
    public var size: Int? = nil
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

    /// Whether the path itself is a symbolic link (`lstat`, which does not follow it).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Reads a whole regular file. Refuses anything over `limit` bytes without reading it, and
    /// anything but a regular file: opened without blocking and looked at before a byte is read,
    /// so a FIFO or a device named like a plan never stalls a hook.
    public static func read(_ path: String, limit: Int = .max) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, reason: errorText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, reason: errorText()) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, reason: "is a folder") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw FileError(path: path, reason: FileAccessError.notRegularFile) }
        if Int(info.st_size) > limit { throw FileError(path: path, reason: "file is too large", size: Int(info.st_size)) }
        // One byte more than the size: the read that finds the end then needs no bigger buffer
        // (growing it would double the memory a large plan takes while it is read).
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var total = 0
        while true {
            if total == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { POSIX.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[total...])) }
            if count < 0 { throw FileError(path: path, reason: errorText()) }
            if count == 0 { break }
            total += count
            if total > limit { throw FileError(path: path, reason: "file is too large", size: total) }
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
            let count = chunk.withUnsafeMutableBytes { POSIX.read(fd, into: $0) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Writes `bytes` to `path` as the user means it, harming nothing around it:
    /// - something not a regular file (a FIFO, a terminal, `/dev/stdout`) is written as a stream,
    ///   never replaced;
    /// - a symbolic link is followed: the file it points to is written, the link stays;
    /// - a file with other hard links is rewritten in place, so every name still shows it;
    /// - any other file is replaced atomically: a temporary file beside it gets the original's
    ///   owner and mode (setuid and setgid dropped if the owner cannot be kept), then is renamed
    ///   over it, so a crash never leaves half a plan. Every step is checked.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { throw FileError(path: path, reason: errorText()) }
            var link = stat()
            if lstat(path, &link) == 0 { throw FileError(path: path, reason: "is a symbolic link to a file that does not exist") }
            return try replace(path, bytes, like: nil)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG where info.st_nlink > 1: try stream(path, bytes, flags: O_TRUNC)
        case S_IFREG: try replace(realPath(path) ?? path, bytes, like: info)
        case S_IFDIR: throw FileError(path: path, reason: "is a folder")
        default: try stream(path, bytes, flags: 0)
        }
    }

    /// Opens an existing file for writing (no creating, no renaming) and writes to it.
    private static func stream(_ path: String, _ bytes: [UInt8], flags: Int32) throws(FileError) {
        let fd = open(path, O_WRONLY | O_NOCTTY | flags)
        guard fd >= 0 else { throw FileError(path: path, reason: errorText()) }
        do throws(FileError) {
            try writeAll(fd, bytes, path: path)
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw FileError(path: path, reason: errorText()) }
    }

    /// Writes a temporary file in `path`'s folder and renames it over `path`; `original` is the
    /// file it replaces (nil for a new file, which gets mode 0644).
    private static func replace(_ path: String, _ bytes: [UInt8], like original: stat?) throws(FileError) {
        // A short name: `path` may already be as long as a name can be.
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var template = Array("\(folder.isEmpty ? "" : folder)/.accord-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(path: path, reason: "cannot create a temporary file: \(errorText())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ reason: String) -> FileError {
            close(fd)
            unlink(temporary)
            return FileError(path: path, reason: reason)
        }
        var mode: mode_t = 0o644
        if let original {
            mode = original.st_mode & 0o7777
            if (original.st_uid != geteuid() || original.st_gid != getegid()) && fchown(fd, original.st_uid, original.st_gid) != 0 {
                // The file changes hands: a setuid or setgid bit must not pass to its new owner.
                mode &= ~mode_t(S_ISUID | S_ISGID)
            }
        }
        do throws(FileError) { try writeAll(fd, bytes, path: path) } catch { throw fail(error.reason) }
        guard fchmod(fd, mode) == 0 else { throw fail("cannot set its permissions: \(errorText())") }
        guard fsync(fd) == 0 || errno == EINVAL else { throw fail(errorText()) }
        guard close(fd) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw FileError(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw FileError(path: path, reason: reason)
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        guard POSIX.writeAll(fd, bytes) else { throw FileError(path: path, reason: errorText()) }
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
        try writeAll(fd, bytes, path: path)
    }

    /// Whether anything is at `path`, a dangling symbolic link included.
    public static func isTaken(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
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

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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
