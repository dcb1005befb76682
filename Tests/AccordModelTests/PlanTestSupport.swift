@testable import AccordChecks
@testable import AccordModel
@testable import AccordNumbers
import Foundation

typealias MemoryFiles = MemoryFileAccess

/// The real file system through Foundation, for the bundled examples.
struct DiskFiles: PlanFileAccess {
    func read(_ path: String) throws(FileAccessError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FileAccessError("cannot read \(path)") }
        return Array(data)
    }

    func entries(_ folder: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] }

    func isDirectory(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    func realPath(_ path: String) -> String? {
        FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : nil
    }
}

enum TestPlans {
    static let asOf = AccordModel.Date(year: 2022, month: 9, day: 30)

    /// Checks a plan held in memory as `/plan/plan.accord`, with other files of the plan by
    /// their path relative to it.
    static func check(_ root: String, files: [String: String] = [:], asOf: AccordModel.Date? = nil) -> CheckedPlan {
        var all: [String: String] = ["/plan/plan.accord": root]
        for (path, text) in files { all["/plan/" + path] = text }
        let sources = PlanLoader.load(root: "/plan/plan.accord", shownAs: "plan.accord", access: MemoryFiles(files: all))
        return PlanCheck.run(sources, asOf: asOf, today: Self.asOf, recordingSymbols: true)
    }

    /// The bundled SNEE example, checked as of its own `as-of`.
    static func snee() -> CheckedPlan {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/snee/plan.accord").path
        let sources = PlanLoader.load(root: root, shownAs: "examples/snee/plan.accord", access: DiskFiles())
        return PlanCheck.run(sources, today: AccordModel.Date(year: 2030, month: 1, day: 1), recordingSymbols: true)
    }

    static func money(_ text: String) -> Exact { Exact.parseMoney(text)! }
    static func percent(_ text: String) -> Exact { Exact.parsePercent(text)! }
}
