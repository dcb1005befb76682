/// A unified diff of two texts by lines (Myers' algorithm), for `accord fmt --diff`.
enum UnifiedDiff {
    private enum Edit { case keep(Int, Int), delete(Int), insert(Int) }

    static func render(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let edits = diff(a, b)
        guard edits.contains(where: { if case .keep = $0 { false } else { true } }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group edits into hunks with `context` unchanged lines around each change.
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { if case .keep = $0 { false } else { true } }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if case .keep = edits[end] {
                    if end - lastChange > 2 * context { break }
                } else {
                    lastChange = end
                }
                end += 1
            }
            let hunk = edits[start..<min(edits.count, lastChange + context + 1)]
            var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0, body = ""
            var first = true
            for edit in hunk {
                switch edit {
                case .keep(let i, let j):
                    if first { oldStart = i; newStart = j }
                    oldCount += 1; newCount += 1; body += " \(a[i])\n"
                case .delete(let i):
                    if first { oldStart = i; newStart = position(in: edits, before: start, new: true) }
                    oldCount += 1; body += "-\(a[i])\n"
                case .insert(let j):
                    if first { newStart = j; oldStart = position(in: edits, before: start, new: false) }
                    newCount += 1; body += "+\(b[j])\n"
                }
                first = false
            }
            out += "@@ -\(oldStart + (oldCount > 0 ? 1 : 0)),\(oldCount) +\(newStart + (newCount > 0 ? 1 : 0)),\(newCount) @@\n" + body
            index = min(edits.count, lastChange + context + 1)
        }
        return out
    }

    /// The line index in the old (or new) text where the edit at `index` happens.
    private static func position(in edits: [Edit], before index: Int, new: Bool) -> Int {
        var count = 0
        for edit in edits[..<index] {
            switch edit {
            case .keep: count += 1
            case .delete: if !new { count += 1 }
            case .insert: if new { count += 1 }
            }
        }
        return count
    }

    private static func lines(_ text: String) -> [Substring] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// Myers' O((N+M)D) shortest edit script.
    private static func diff(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count, max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[max + k] = x
                if x >= n, y >= m { break outer }
            }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d], k = x - y
            let previousK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1
            let previousX = v[max + previousK], previousY = previousX - previousK
            while x > previousX, y > previousY { x -= 1; y -= 1; edits.append(.keep(x, y)) }
            if d > 0 {
                if x == previousX { y -= 1; edits.append(.insert(y)) } else { x -= 1; edits.append(.delete(x)) }
            }
        }
        return edits.reversed()
    }
}
