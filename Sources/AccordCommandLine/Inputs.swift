import AccordDiagnostics
import AccordSyntax

extension CommandContext {
    /// The plan files named by the command's paths: files as given, folders searched for
    /// `.accord` files, `-` for standard input. Unreadable paths are reported (exit 2) and skipped.
    mutating func loadSources(defaultPath: String = ".") -> [SourceFile] {
        let paths = arguments.positionals.isEmpty ? [defaultPath] : arguments.positionals
        var files: [SourceFile] = []
        for path in paths {
            if path == "-" {
                let name = arguments.value("stdin-filename") ?? "<stdin>"
                files.append(SourceFile(path: name, bytes: invocation.stdin()))
                continue
            }
            let resolved = invocation.resolve(path)
            if FileSystem.isDirectory(resolved) {
                for relative in FileSystem.accordFiles(below: resolved) {
                    if let file = load(FileSystem.join(resolved, relative), shownAs: FileSystem.join(path, relative)) { files.append(file) }
                }
            } else if let file = load(resolved, shownAs: path) {
                files.append(file)
            }
        }
        return files
    }

    private mutating func load(_ path: String, shownAs shown: String) -> SourceFile? {
        do {
            // One byte over the limit is enough for the lexer to report E109 with the real size.
            let bytes = try FileSystem.read(path, limit: Lexer.maximumFileSize + 1)
            return SourceFile(path: shown, bytes: bytes)
        } catch {
            if error.reason.hasPrefix("file is too large") {
                return SourceFile(path: shown, bytes: [UInt8](repeating: 0x20, count: Lexer.maximumFileSize + 1))
            }
            fail("cannot read \(shown): \(error.reason)")
            return nil
        }
    }
}
