@testable import AccordChecks
import AccordDiagnostics
@testable import AccordModel
@testable import AccordNumbers
import AccordSyntax
import Foundation
import Testing

/// The limits of docs/limits.md: each is a clear diagnostic, never a trap or a stack overflow.
/// Deep inputs run on a thread with a small stack (512 KiB, the smallest default among the
/// platforms Swift runs on), so an algorithm that recursed once per link would fail here.
struct LimitTests {
    static let header = "plan \"Limits\" {\n  years FY22/23\n  as-of 2022-09-30\n}\n"

    @Test func largeValuesAreExactAndOnlyALargeLiteralIsOutOfRange() {
        let fine = check(Self.header + "let big = £999999999999bn * 1000\nlet bigger = big * big * big\nlet used = bigger\n")
        #expect(!fine.diagnostics.contains { $0.code == .E303 }, "\(fine.diagnostics.map(\.message))")
        let literal = check(Self.header + "let big = £1000000000001bn\n")
        #expect(literal.diagnostics.first { $0.code == .E303 }?.message == "this value is too large: literals are limited to 10^21 (a thousand billion billion)")
    }

    @Test func aRunawayValueIsStoppedQuickly() {
        // Each `let` squares the one before: unchecked, the last would have 2^40 digits.
        let lets = (1...40).map { "let v\($0) = v\($0 - 1) * v\($0 - 1)" }.joined(separator: "\n")
        let checked = check(Self.header + "let v0 = 123456789\n" + lets + "\nlet used = v40\n")
        #expect(checked.diagnostics.contains { $0.code == .E303 && $0.message.contains("grown too large") })
    }

    @Test func deepNestingIsRefusedWithADiagnostic() {
        let parens = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let signs = String(repeating: "-", count: 100_000) + "1"
        let braces = "scheme S " + String(repeating: "{ a ", count: 100_000) + "\n"
        let text = Self.header + "let a = \(parens)\nlet b = \(signs)\n\(braces)"
        let diagnostics = onSmallStack { check(text).diagnostics }
        let messages = diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("nested more than 64 deep") }, "\(messages.prefix(5))")
        #expect(messages.contains { $0.contains("nested more than 32 deep") }, "\(messages.prefix(5))")
    }

    @Test func longLinesAreRead() {
        let sum = Array(repeating: "£1", count: 30_000).joined(separator: " + ")
        let text = Self.header + "let total = \(sum)\nlet used = total\nlet title = \"\(String(repeating: "x", count: 100_000))\"\n# \(String(repeating: "y", count: 100_000))\n"
        let checked = onSmallStack { check(text) }
        // A long flat sum is a left-nested chain: past 64 operators it is refused, not overflowed.
        #expect(checked.diagnostics.contains { $0.message.contains("nested more than 64 deep") })
        #expect(checked.diagnostics.allSatisfy { $0.range.upperBound <= text.utf8.count })
    }

    @Test func oversizedFilesAreRefused() {
        let file = SourceFile(path: "huge.accord", bytes: [UInt8](repeating: 0x20, count: Lexer.maximumFileSize + 1))
        let parsed = parse(file)
        #expect(parsed.syntaxErrors.map(\.code) == [.E109])
    }

    @Test(arguments: [10_000])
    func longAfterChainsAndCycles(links: Int) {
        var text = Self.header + "partner P \"P\"\narea a \"A\"\nscheme S \"S\" {\n  area a\n  status scoping\n  lead P\n  level organisation\n"
        for index in 0..<links {
            text += "  milestone M\(index) { due 2023-01-01\(index > 0 ? "; after M\(index - 1)" : "") }\n"
        }
        let plan = text + "}\n"
        let chain = onSmallStack { check(plan) }
        #expect(chain.diagnostics.filter { $0.severity == .error }.isEmpty, "\(chain.diagnostics.prefix(3).map(\.message))")
        // Close the ring: every member reports the cycle once, each message of bounded length.
        let ring = plan.replacingOccurrences(of: "milestone M0 { due 2023-01-01 }", with: "milestone M0 { due 2023-01-01; after M\(links - 1) }")
        let cycle = onSmallStack { check(ring) }
        let cycles = cycle.diagnostics.filter { $0.code == .E204 }
        #expect(cycles.count == links)
        #expect(cycles.allSatisfy { $0.message.count < 400 })
    }

    @Test(arguments: [10_000])
    func longLetChainsAndCycles(links: Int) {
        var text = Self.header + "let v0 = £1\n"
        for index in 1..<links { text += "let v\(index) = v\(index - 1) + £1\n" }
        let plan = text + "let total = v\(links - 1)\nlet check = total\n"
        let chain = onSmallStack { check(plan) }
        #expect(chain.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(chain.model.lets["total"] == .money(Exact(links)))
        let ring = plan.replacingOccurrences(of: "let v0 = £1", with: "let v0 = v\(links - 1)")
        let cycle = onSmallStack { check(ring) }
        #expect(cycle.diagnostics.filter { $0.code == .E204 }.count == links)
    }

    /// The graph code alone, at 100k links: a chain, and a ring closed at its end.
    @Test func graphAlgorithmsAreIterative() {
        let count = 100_000
        let chain = (0..<count).map { $0 + 1 < count ? [$0 + 1] : [] }
        let components = onSmallStack { Graph.stronglyConnectedComponents(count: count, successors: chain) }
        #expect(components.count == count)
        let ring = (0..<count).map { [($0 + 1) % count] }
        let (ringComponents, walk) = onSmallStack {
            let components = Graph.stronglyConnectedComponents(count: count, successors: ring)
            return (components, Graph.closedWalk(through: components[0].sorted(), successors: ring))
        }
        #expect(ringComponents.count == 1)
        #expect(walk.count == count + 1)
        let path = Graph.Rotation(walk: walk, member: 5, positions: Graph.positions(in: walk))
        #expect(Graph.describeCycle(path) { "m\($0)" }.hasPrefix("m5 → m6 → m7"))
    }

    // MARK: Support

    func check(_ text: String) -> CheckedPlan {
        let sources = PlanLoader.load(root: "/plan/plan.accord", shownAs: "plan.accord", access: Pipeline.OneFile(bytes: Array(text.utf8)))
        return PlanCheck.run(sources, today: AccordModel.Date(year: 2022, month: 9, day: 30))
    }

    /// Runs `body` on a new thread with a 512 KiB stack and waits for it.
    func onSmallStack<T>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let thread = Thread { box.value = body(); box.done.signal() }
        thread.stackSize = 512 * 1024
        thread.start()
        box.done.wait()
        return box.value!
    }
}

/// Carries a result back from the thread that computed it (the semaphore orders the accesses).
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
