import AccordDiagnostics
import AccordSyntax

/// The plans some paths hold, found one way for `accord check` and the language server: each
/// root plan once with the files it includes; a fragment in the context of the root plan that
/// includes it; a fragment no plan includes only parsed (W415), never checked as a plan of its
/// own, as its partners and schemes live elsewhere; a file that cannot be read, said at the file.
public struct PlanDiscovery: Sendable {
    public private(set) var plans: [PlanSources] = []
    /// Files no plan includes, parsed: their syntax errors are real, their names unresolved.
    public private(set) var fragments: [PlanFile] = []
    /// W415 and E107 (a folder holding no plan), E109 (a file that cannot be read), the syntax
    /// errors of `fragments`, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The paths given that do not exist, as given (a usage error for the command line).
    public private(set) var missing: [String] = []
    private var seen: Set<String> = []

    public init() {}

    /// How many files were read: every plan's, and the fragments.
    public var fileCount: Int { plans.reduce(fragments.count) { $0 + $1.files.count } }

    /// Adds what `path` holds (a plan, a fragment or a folder), reading it as the access sees
    /// `path` and showing it as `shown`.
    public mutating func add(_ path: String, shownAs shown: String, access: some PlanFileAccess) {
        guard let real = access.realPath(path) else {
            missing.append(shown)
            return
        }
        if access.isDirectory(path) { return addFolder(path, shownAs: shown, access: access) }
        let bytes: [UInt8]
        do { bytes = try access.read(path) } catch {
            if seen.insert(real).inserted { diagnostics.append(error.diagnostic(at: shown)) }
            return
        }
        addFile(path, real: real, shownAs: shown, bytes: bytes, access: access)
    }

    /// Adds a file read already (standard input): as the root of a plan, whatever it holds.
    public mutating func add(root path: String, shownAs shown: String, bytes: [UInt8], access: some PlanFileAccess) {
        plans.append(PlanLoader.load(root: path, shownAs: shown, access: access, rootBytes: bytes))
    }

    private mutating func addFile(_ path: String, real: String, shownAs shown: String, bytes: [UInt8], access: some PlanFileAccess) {
        let parsed = parse(SourceFile(path: shown, bytes: bytes))
        // A file that is not text is reported as such (E109) by checking it as the root it may be.
        if PlanLoader.isRootPlan(parsed) || parsed.syntaxErrors.contains(where: { $0.code == .E109 }) {
            addPlan(PlanLoader.load(root: path, shownAs: shown, access: access, rootBytes: bytes, rootParse: parsed), real: real)
        } else if let root = PlanLoader.findRoot(including: path, shownAs: shown, access: access) {
            addPlan(root, real: access.realPath(root.root.accessPath) ?? root.root.accessPath)
        } else if seen.insert(real).inserted {
            addFragment(PlanFile(file: parsed.tree.file, parse: parsed, accessPath: path), .W415, "\(shown) is included by no plan",
                        help: "no plan in its folder or the folders above it includes it: include it from the plan it belongs to, or delete it if it is no longer needed")
        }
    }

    private mutating func addPlan(_ sources: PlanSources, real: String) {
        guard seen.insert(real).inserted else { return }
        plans.append(sources)
    }

    private mutating func addFragment(_ file: PlanFile, _ code: DiagnosticCode, _ message: String, help: String) {
        fragments.append(file)
        diagnostics.append(Diagnostic(code, file: file.file, range: 0..<0, message: message, help: help))
        diagnostics += file.parse.diagnostics
    }

    /// Every `.accord` file below the folder: the roots first, then what no root includes.
    private mutating func addFolder(_ folder: String, shownAs shownFolder: String, access: some PlanFileAccess) {
        var included: Set<String> = []
        var rootFolders: [String] = []
        var others: [(relative: String, real: String, file: PlanFile)] = []
        var unreadable: [(real: String, diagnostic: Diagnostic)] = []
        for relative in PlanFolder.accordFiles(below: folder, access: access) {
            let path = Path.join(folder, relative), shown = Path.join(shownFolder, relative)
            let real = access.realPath(path) ?? path
            let bytes: [UInt8]
            do { bytes = try access.read(path) } catch {
                unreadable.append((real, error.diagnostic(at: shown)))
                continue
            }
            let parsed = parse(SourceFile(path: shown, bytes: bytes))
            guard PlanLoader.isRootPlan(parsed) else {
                others.append((relative, real, PlanFile(file: parsed.tree.file, parse: parsed, accessPath: path)))
                continue
            }
            rootFolders.append(Path.folder(of: relative))
            let sources = PlanLoader.load(root: path, shownAs: shown, access: access, rootBytes: bytes, rootParse: parsed)
            for member in sources.files { included.insert(access.realPath(member.accessPath) ?? member.accessPath) }
            addPlan(sources, real: real)
        }
        // A plan that includes a file it cannot read says so itself (E109 at that file).
        let said = Set(plans.flatMap { $0.diagnostics.filter { $0.code == .E109 }.compactMap { $0.file?.path } })
        for file in unreadable where !said.contains(file.diagnostic.file?.path ?? "") && seen.insert(file.real).inserted {
            diagnostics.append(file.diagnostic)
        }
        for other in others where !included.contains(other.real) && seen.insert(other.real).inserted {
            let shown = other.file.file.path
            if other.file.parse.syntaxErrors.contains(where: { $0.code == .E109 }) {
                diagnostics += other.file.parse.syntaxErrors // not text: whether it is a plan cannot be told
                fragments.append(other.file)
            } else if rootFolders.isEmpty {
                addFragment(other.file, .E107, "\(shown) is not part of any plan: no file under \(shownFolder) has a `plan` block",
                            help: "check the folder that holds the plan's root file (the one with `plan \"…\" { … }`)")
            } else {
                addFragment(other.file, .W415, "\(shown) is included by no plan", help: Self.includeHelp(for: other.relative, rootFolders: rootFolders))
            }
        }
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
}
