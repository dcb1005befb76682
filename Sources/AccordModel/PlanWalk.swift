/// Include patterns: `*` and `?` within one path segment, `**` any number of folders; names
/// starting with `.` only match a pattern segment that starts with `.`.
///
/// A pattern is matched in one walk from the plan's folder, each folder listed at most once per
/// set of pattern positions, so `**/**/**` costs no more than `**`. `**` never enters a linked
/// folder (a link to `/` would walk the disk), and no folder outside the plan's is listed.
enum Glob {
    /// The files matching `pattern` (relative to `folder`, `..` already folded away) as paths
    /// relative to `folder`, in sorted byte order, and the folders the pattern reached that lie
    /// outside (by `isInside` on their real path), which are not listed.
    static func expand(_ pattern: String, in folder: String, access: some PlanFileAccess,
                       isInside: (String) -> Bool) -> (files: [String], outside: [String]) {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.isEmpty else { return ([], []) }
        var found: Set<String> = [], outside: Set<String> = []
        var pending: [(folder: String, positions: Set<Int>)] = [("", closure([0], segments))]
        var walked: Set<String> = []
        while let (relative, positions) = pending.popLast() {
            let here = relative.isEmpty ? (folder.isEmpty ? "." : folder) : Path.join(folder, relative)
            guard walked.insert(relative + "\u{0}" + positions.sorted().map(String.init).joined(separator: ",")).inserted else { continue }
            guard let real = access.realPath(here), isInside(real) else {
                outside.insert(relative)
                continue
            }
            // Only literal names left: look them up rather than list a folder that may be large.
            let literals = positions.map { segments[$0] }
            let names = literals.allSatisfy({ !isWildcard($0) }) ? Array(Set(literals)) : access.entries(here)
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = Path.join(folder, child)
                var next: Set<Int> = []
                for position in positions {
                    let segment = segments[position]
                    if segment == "**" {
                        if !name.hasPrefix("."), access.isDirectory(path), !access.isSymbolicLink(path) { next.insert(position) }
                    } else if isWildcard(segment) ? matches(name, segment) : name == segment {
                        if position < segments.count - 1 {
                            if access.isDirectory(path) { next.insert(position + 1) }
                        } else if !access.isDirectory(path), access.realPath(path) != nil {
                            found.insert(child)
                        }
                    }
                }
                let closed = closure(next, segments).filter { $0 < segments.count }
                if !closed.isEmpty { pending.append((child, closed)) }
            }
        }
        let sorted = { (paths: Set<String>) in paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
        return (sorted(found), sorted(outside))
    }

    /// The positions reachable without entering a folder: `**` also matches no folder at all.
    /// A pattern ending in `**` names folders, not files, so its end position matches nothing.
    private static func closure(_ positions: Set<Int>, _ segments: [String]) -> Set<Int> {
        var result = positions
        var pending = Array(positions)
        while let position = pending.popLast() {
            if position < segments.count, segments[position] == "**", result.insert(position + 1).inserted { pending.append(position + 1) }
        }
        return result.filter { $0 < segments.count }
    }

    private static func isWildcard(_ segment: String) -> Bool { segment.contains("*") || segment.contains("?") }

    /// Matches one name against one pattern segment.
    static func matches(_ name: String, _ pattern: String) -> Bool {
        if name.hasPrefix(".") && !pattern.hasPrefix(".") { return false }
        let n = Array(name.unicodeScalars), p = Array(pattern.unicodeScalars)
        var i = 0, j = 0, star = -1, mark = 0
        while i < n.count {
            if j < p.count, p[j] == "?" || p[j] == n[i] { i += 1; j += 1 }
            else if j < p.count, p[j] == "*" { star = j; mark = i; j += 1 }
            else if star >= 0 { j = star + 1; mark += 1; i = mark }
            else { return false }
        }
        while j < p.count, p[j] == "*" { j += 1 }
        return j == p.count
    }
}

public enum PlanFolder {
    /// Every `.accord` file below `folder`, as paths relative to it, in sorted byte order. Hidden
    /// entries (`.git`, `.build`) are skipped, linked folders are not entered and a linked file
    /// is listed only when it leads to a file inside the folder, so a scan never leaves the
    /// folder (`link -> ../outside`) nor loops.
    public static func accordFiles(below folder: String, access: some PlanFileAccess) -> [String] {
        let realFolder = access.realPath(folder) ?? folder
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let current = relative.isEmpty ? folder : Path.join(folder, relative)
            for name in access.entries(current) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = Path.join(folder, child)
                if access.isDirectory(path) {
                    if !access.isSymbolicLink(path) { pending.append(child) }
                } else if name.hasSuffix(".accord") {
                    if access.isSymbolicLink(path) {
                        guard let real = access.realPath(path), real.hasPrefix(realFolder == "/" ? "/" : realFolder + "/") else { continue }
                    }
                    found.append(child)
                }
            }
        }
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
