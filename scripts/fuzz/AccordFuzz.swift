// libFuzzer entry point over the whole pipeline; built and run by scripts/fuzz.sh, not by SwiftPM.
// Each input is one plan file, and also a stream of bytes sent to the language server. Any trap
// (a crash, an overflow, a failed precondition below) or hang is a finding; scripts/fuzz.sh keeps
// the input that caused it. Three dimensions: the commands on the plan; the plan written through a
// symbolic link, a hard link and into `-o` targets that are not regular files (nothing may be
// replaced or split); the bytes as LSP frames (every reply well framed, the server never stuck).
#if canImport(Glibc)
import Glibc
#endif
import AccordCommandLine
import AccordDiagnostics
import AccordFormat
import AccordLanguageServer
import AccordModel
import AccordSyntax

/// The commands each input goes through, reading the plan from standard input. One line per
/// command: add `["summary", "-"]` and `["eval", "-", "--scenario", "downside"]` when they land.
let commands: [[String]] = [
    ["check", "-", "--as-of", "2022-09-30"],
    ["check", "-", "--format", "json"],
    ["fmt", "-"],
    ["model", "-", "--as-of", "2022-09-30"],
].map { $0 + ["--stdin-filename", home] }

/// The plan's name: in a folder that does not exist, so an `include` finds nothing on disk.
let home = "/nonexistent-accord-fuzz/plan.accord"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The front end's own promises: every byte has a home, every diagnostic lies in its file, and
    // a file without syntax errors formats to text that formats to itself.
    let file = SourceFile(path: "fuzz.accord", bytes: bytes)
    let parsed = parse(file)
    precondition(Array(parsed.tree.sourceText.utf8) == bytes || parsed.syntaxErrors.contains { $0.code == .E109 },
                 "the tree does not print back to its source")
    for diagnostic in parsed.diagnostics {
        precondition(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= bytes.count, "a diagnostic outside its file")
    }
    if parsed.syntaxErrors.isEmpty {
        let once = Formatter.format(parsed.tree)
        let again = parse(SourceFile(path: "fuzz.accord", text: once))
        precondition(again.syntaxErrors.isEmpty, "formatting made a syntax error")
        precondition(Formatter.format(again.tree) == once, "formatting is not idempotent")
    }
    for arguments in commands {
        let result = run(Invocation(arguments: arguments, stdin: { bytes }))
        precondition(result.exitCode >= 0 && result.exitCode <= 2, "exit status \(result.exitCode) from accord \(arguments[0])")
    }
    fileShapes(bytes)
    framing(bytes)
    return 0
}

/// A scratch folder of this process, emptied for each input.
let scratch = "/tmp/accord-fuzz-\(getpid())"

func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
}

/// `real/p.accord` (mode 0640) with a hard link `hard.accord` and a symbolic link `link.accord`:
/// `fmt link.accord` must leave the link a link, the hard link whole and the mode as it was;
/// `summary -o` into a link to `/dev/null` must write through it, replacing neither.
func fileShapes(_ bytes: [UInt8]) {
    for name in ["real/p.accord", "hard.accord", "link.accord", "null.out"] { unlink("\(scratch)/\(name)") }
    mkdir(scratch, 0o755)
    mkdir("\(scratch)/real", 0o755)
    let real = "\(scratch)/real/p.accord"
    let fd = open(real, O_WRONLY | O_CREAT | O_TRUNC, 0o640)
    precondition(fd >= 0 && write(fd, bytes, bytes.count) == bytes.count && close(fd) == 0)
    precondition(chmod(real, 0o640) == 0 && link(real, "\(scratch)/hard.accord") == 0)
    precondition(symlink("real/p.accord", "\(scratch)/link.accord") == 0 && symlink("/dev/null", "\(scratch)/null.out") == 0)
    let fmt = run(Invocation(arguments: ["fmt", "link.accord"], workingDirectory: scratch))
    precondition(fmt.exitCode <= 2, "fmt exit \(fmt.exitCode)")
    precondition(kind("\(scratch)/link.accord") == S_IFLNK, "fmt replaced a symbolic link")
    var info = stat()
    precondition(stat(real, &info) == 0 && info.st_nlink == 2 && info.st_mode & 0o7777 == 0o640, "fmt split a hard link or changed the mode")
    let summary = run(Invocation(arguments: ["summary", "-o", "null.out", "real/p.accord"], workingDirectory: scratch))
    precondition(summary.exitCode <= 2, "summary exit \(summary.exitCode)")
    precondition(kind("\(scratch)/null.out") == S_IFLNK && kind("/dev/null") == S_IFCHR, "summary -o replaced a link or a device")
}

/// The input as raw LSP input, then a well-framed request: the server must neither trap nor
/// stop, and everything it writes must be whole frames.
func framing(_ bytes: [UInt8]) {
    var server = LanguageServer(disk: MemoryFileAccess(files: [:]), today: Date(year: 2022, month: 9, day: 30))
    var chunks = [bytes, Array(#"Content-Length: 56\#r\#n\#r\#n{"jsonrpc":"2.0","id":1,"method":"shutdown","params":{}}"#.utf8)][...]
    var written: [UInt8] = []
    _ = server.serve(read: { chunks.popFirst() }, write: { written += $0 })
    var framer = MessageFramer()
    framer.append(written)
    while let frame = framer.next() {
        guard case .message(let body) = frame else { preconditionFailure("the server wrote a damaged frame") }
        precondition((try? JSON.parse(body)) != nil, "the server wrote a body that is not JSON")
    }
}
