import Foundation
import Testing

/// Tools some tests need beyond Swift. Without one, a test is skipped with the reason shown, except
/// under CI (`CI` set, as CI services set it), where it runs and fails: CI never passes by skipping.
enum Tools {
    static let inCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    /// An executable found on PATH, as the product finds `git` (posix_spawnp).
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let git = onPath("git")

    /// Runs when `available` (or under CI); skipped with `reason` otherwise.
    static func needed(_ available: Bool, _ reason: Comment) -> ConditionTrait { .enabled(if: available || inCI, reason) }

    /// Runs a program to its end; what it wrote to stdout and stderr, together.
    static func run(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
