import Foundation

/// Runs `python3` for the checks that use Python's reference tools (jsonschema).
enum Python {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tools.run("/usr/bin/env", ["python3"] + arguments)
    }
}
