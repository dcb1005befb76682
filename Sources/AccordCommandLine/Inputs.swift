import AccordDiagnostics
import AccordModel
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
                for relative in PlanFolder.accordFiles(below: resolved, access: DiskAccess()) {
                    if let file = load(Path.join(resolved, relative), shownAs: Path.join(path, relative)) { files.append(file) }
                }
            } else if let file = load(resolved, shownAs: path) {
                files.append(file)
            }
        }
        return files
    }

    private mutating func load(_ path: String, shownAs shown: String) -> SourceFile? {
        do {
            return SourceFile(path: shown, bytes: try DiskAccess().read(path))
        } catch {
            // The real reason, the real size for a file too large: never its bytes faked.
            fail("cannot read \(shown): \(error.description)")
            return nil
        }
    }
}
