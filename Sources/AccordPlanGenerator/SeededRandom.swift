/// SplitMix64 (Steele, Lea and Flood): a tiny seeded generator shared by the property and
/// mutation tests, so every run sees the same inputs and a failure replays from its seed.
/// Lives with the generator, which needs it, so the test targets can share it too.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform enough in `range` for tests (the modulo bias is immaterial at these sizes).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True `percent` times in a hundred. Whole percents keep the generator free of binary
    /// floating point, like everything else that produces plan figures.
    public mutating func chance(percent: Int) -> Bool { next() % 100 < UInt64(percent) }

    public mutating func pick<T>(_ options: [T]) -> T { options[int(0...(options.count - 1))] }

    /// A Fisher–Yates shuffle written out, so the order does not depend on the standard library.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(0...i)) }
        return items
    }
}
