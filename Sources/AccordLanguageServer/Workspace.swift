import AccordChecks
import AccordDiagnostics
import AccordModel
import AccordSyntax

/// A file the editor has open: its text as the editor has it, which may not be saved.
struct OpenDocument {
    let uri: String
    /// The normalised path of a `file:` URI; the URI itself for others (`untitled:1`), which are
    /// then checked on their own.
    let path: String
    var version: Int
    var bytes: [UInt8]

    var file: SourceFile { SourceFile(path: path, bytes: bytes) }
}

/// The file system as the model should see it while editing: open documents as the editor has
/// them, every other file from disk.
struct OverlayAccess<Disk: PlanFileAccess>: PlanFileAccess {
    let disk: Disk
    let open: [String: [UInt8]]

    func read(_ path: String) throws(FileAccessError) -> [UInt8] {
        if let bytes = open[Path.normalize(path)] { return bytes }
        return try disk.read(path)
    }

    /// A new file not yet saved is listed too, so `include "schemes/*.accord"` finds it.
    func entries(_ folder: String) -> [String] {
        let normal = Path.normalize(folder)
        var names = Set(disk.entries(folder))
        for path in open.keys where Path.folder(of: path) == normal {
            if let name = path.split(separator: "/").last { names.insert(String(name)) }
        }
        return Array(names)
    }

    func isDirectory(_ path: String) -> Bool { disk.isDirectory(path) }
    func isSymbolicLink(_ path: String) -> Bool { disk.isSymbolicLink(path) }

    func realPath(_ path: String) -> String? {
        disk.realPath(path) ?? (open[Path.normalize(path)] != nil ? Path.normalize(path) : nil)
    }
}

/// The open documents and what the last check found. Every change re-checks every open
/// document's plan from scratch (no incremental state to keep in step), and the results are
/// kept until the next change for hover, definition and the other requests.
struct Workspace<Disk: PlanFileAccess> {
    let disk: Disk
    let today: Date
    var documents: [String: OpenDocument] = [:]
    /// The checked plan each open document belongs to, by URI.
    private(set) var plans: [String: CheckedPlan] = [:]
    /// For a document that is no plan's (a fragment no plan includes), what `accord check` says
    /// of it instead of the plan's diagnostics: W415 and its own syntax errors, by URI.
    private(set) var ownDiagnostics: [String: [Diagnostic]] = [:]

    init(disk: Disk, today: Date) {
        self.disk = disk
        self.today = today
    }

    var access: OverlayAccess<Disk> {
        OverlayAccess(disk: disk, open: Dictionary(documents.values.map { ($0.path, $0.bytes) }) { first, _ in first })
    }

    /// The URI to show a file by: the editor's own URI when it has the file open.
    func uri(ofPath path: String) -> String {
        documents.values.first { $0.path == path }?.uri ?? (path.hasPrefix("/") ? DocumentURI.uri(ofPath: path) : path)
    }

    /// Checks every open document in the context of its root plan (found as `accord check`
    /// finds it for a fragment), each plan once.
    mutating func recheck() {
        plans = [:]
        ownDiagnostics = [:]
        let access = access
        var checked: [CheckedPlan] = []
        for document in documents.values.sorted(by: { $0.uri < $1.uri }) {
            if let plan = checked.first(where: { $0.sources.files.contains { $0.file.path == document.path } }) {
                plans[document.uri] = plan
                continue
            }
            let found = Self.sources(for: document.path, access: access)
            let plan = PlanCheck.run(found.sources, today: today, recordingSymbols: true)
            if let own = found.diagnostics {
                ownDiagnostics[document.uri] = own.filter { $0.file?.path == document.path }
            } else {
                checked.append(plan)
            }
            plans[document.uri] = plan
        }
    }

    /// The plan a file belongs to, found as `accord check FILE` finds it (`PlanDiscovery`). A
    /// file that is no plan's is still loaded on its own, for hover and navigation within it,
    /// with the diagnostics to show instead of that plan's; so is a document with no path
    /// (`untitled:1`), which is checked as a plan of its own.
    static func sources(for path: String, access: some PlanFileAccess) -> (sources: PlanSources, diagnostics: [Diagnostic]?) {
        let alone = { PlanLoader.load(root: path, shownAs: path, access: access) }
        guard path.hasPrefix("/") else { return (alone(), nil) }
        var discovery = PlanDiscovery()
        discovery.add(path, shownAs: path, access: access)
        return discovery.plans.first.map { ($0, nil) } ?? (alone(), discovery.diagnostics)
    }

    /// The diagnostics of one open document: those in its file, and for a plan's root file
    /// those that belong to no file.
    func diagnostics(of document: OpenDocument) -> [Diagnostic] {
        if let own = ownDiagnostics[document.uri] { return own }
        guard let plan = plans[document.uri] else { return [] }
        let isRoot = plan.sources.files.first?.file.path == document.path
        return plan.diagnostics.filter { $0.file?.path == document.path || ($0.file == nil && isRoot) }
    }

    /// The plan and the file as checked, for a request about `uri` (which need not be open).
    func context(for uri: String) -> (plan: CheckedPlan, file: SourceFile)? {
        if let plan = plans[uri], let document = documents[uri] {
            return plan.sources.files.first { $0.file.path == document.path }.map { (plan, $0.file) }
        }
        guard let path = DocumentURI.path(of: uri).map(Path.normalize) else { return nil }
        let plan = PlanCheck.run(Self.sources(for: path, access: access).sources, today: today, recordingSymbols: true)
        return plan.sources.files.first { $0.file.path == path }.map { (plan, $0.file) }
    }
}
