/// Strongly connected components of a directed graph over `0..<count`, by an iterative Tarjan
/// walk: users control how long `let` and `after` chains are, so no recursion here. Components
/// come out in dependency order (a node's successors before the node).
package enum Graph {
    package static func stronglyConnectedComponents(count: Int, successors: [[Int]]) -> [[Int]] {
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        for start in 0..<count where index[start] < 0 {
            // Each frame: a node and how many of its successors have been looked at.
            var frames: [(node: Int, next: Int)] = [(start, 0)]
            index[start] = nextIndex; lowLink[start] = nextIndex; nextIndex += 1
            stack.append(start); onStack[start] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.next < successors[node].count {
                    frames[frames.count - 1].next += 1
                    let successor = successors[node][frame.next]
                    if index[successor] < 0 {
                        index[successor] = nextIndex; lowLink[successor] = nextIndex; nextIndex += 1
                        stack.append(successor); onStack[successor] = true
                        frames.append((successor, 0))
                    } else if onStack[successor] {
                        lowLink[node] = min(lowLink[node], index[successor])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { lowLink[parent.node] = min(lowLink[parent.node], lowLink[node]) }
                if lowLink[node] == index[node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component.reversed())
                }
            }
        }
        return components
    }
}
