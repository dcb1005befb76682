/// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks, the way zip
/// entries and so `.xlsx` files are compressed. Written after Mark Adler's `puff.c`: canonical
/// Huffman codes decoded a bit at a time from per-length counts, which needs no tables that a bad
/// stream could make large. Every malformed stream throws; output past `limit` bytes throws, so a
/// zip bomb costs at most `limit` bytes and time linear in it.
public struct Inflate {
    private let input: [UInt8]
    private var position = 0
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0
    private var output: [UInt8] = []
    private let limit: Int

    public static func inflate(_ input: [UInt8], limit: Int = SpreadsheetLimits.entryBytes, expectedSize: Int? = nil) throws(SpreadsheetError) -> [UInt8] {
        var state = Inflate(input: input, limit: limit)
        if let expectedSize { state.output.reserveCapacity(min(expectedSize, limit)) }
        try state.run()
        return state.output
    }

    private init(input: [UInt8], limit: Int) {
        self.input = input
        self.limit = limit
    }

    private mutating func run() throws(SpreadsheetError) {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Inflate.fixedLengths, Inflate.fixedDistances)
            case 2:
                let (lengths, distances) = try dynamicTables()
                try codes(lengths, distances)
            default: throw SpreadsheetError("the compressed data is damaged (a block of an unknown type)")
            }
        }
    }

    private mutating func bits(_ need: Int) throws(SpreadsheetError) -> Int {
        while bitCount < need {
            guard position < input.count else { throw SpreadsheetError("the compressed data ends too early (a truncated file?)") }
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt32(need)) - 1))
        bitBuffer >>= UInt32(need)
        bitCount -= need
        return value
    }

    private mutating func append(_ byte: UInt8) throws(SpreadsheetError) {
        guard output.count < limit else { throw Inflate.tooLarge(limit) }
        output.append(byte)
    }

    static func tooLarge(_ limit: Int) -> SpreadsheetError {
        SpreadsheetError("an entry inflates past \(limit / (1024 * 1024)) MiB (a zip bomb?); Accord reads entries of at most that size")
    }

    private mutating func stored() throws(SpreadsheetError) {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw SpreadsheetError("the compressed data ends too early (a truncated file?)") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        position += 4
        guard length == ~complement & 0xFFFF else { throw SpreadsheetError("the compressed data is damaged (a stored block's length does not check)") }
        guard position + length <= input.count else { throw SpreadsheetError("the compressed data ends too early (a truncated file?)") }
        guard output.count + length <= limit else { throw Inflate.tooLarge(limit) }
        output.append(contentsOf: input[position..<(position + length)])
        position += length
    }

    /// A canonical Huffman code: how many codes have each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        /// Nil when the lengths over-subscribe the code (an incomplete code is allowed, as zlib
        /// allows it for a single distance code).
        init?(_ lengths: [Int]) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            var left = 1
            for length in 1..<16 {
                left <<= 1
                left -= counts[length]
                if left < 0 { return nil }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private mutating func decode(_ h: Huffman) throws(SpreadsheetError) -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = h.counts[length]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw SpreadsheetError("the compressed data is damaged (an invalid Huffman code)")
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static let fixedLengths = Huffman((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })!
    static let fixedDistances = Huffman([Int](repeating: 5, count: 30))!

    private mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws(SpreadsheetError) {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 {
                try append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let index = symbol - 257
                guard index < 29 else { throw SpreadsheetError("the compressed data is damaged (an invalid length code)") }
                let length = Inflate.lengthBase[index] + (try bits(Inflate.lengthExtra[index]))
                let distanceSymbol = try decode(distances)
                guard distanceSymbol < 30 else { throw SpreadsheetError("the compressed data is damaged (an invalid distance code)") }
                let distance = Inflate.distanceBase[distanceSymbol] + (try bits(Inflate.distanceExtra[distanceSymbol]))
                guard distance <= output.count else { throw SpreadsheetError("the compressed data is damaged (a distance too far back)") }
                guard output.count + length <= limit else { throw Inflate.tooLarge(limit) }
                let start = output.count - distance
                for i in 0..<length { output.append(output[start + i]) }
            }
        }
    }

    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func dynamicTables() throws(SpreadsheetError) -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, codeCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw SpreadsheetError("the compressed data is damaged (too many codes)") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeCount { codeLengths[Inflate.codeLengthOrder[i]] = try bits(3) }
        guard let codeCode = Huffman(codeLengths) else { throw SpreadsheetError("the compressed data is damaged (an invalid code-length code)") }
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(codeCode)
            if symbol < 16 {
                lengths.append(symbol)
                continue
            }
            var repeated = 0, times: Int
            switch symbol {
            case 16:
                guard let previous = lengths.last else { throw SpreadsheetError("the compressed data is damaged (a repeat with nothing before it)") }
                repeated = previous
                times = 3 + (try bits(2))
            case 17: times = 3 + (try bits(3))
            default: times = 11 + (try bits(7))
            }
            guard lengths.count + times <= literalCount + distanceCount else { throw SpreadsheetError("the compressed data is damaged (too many code lengths)") }
            lengths += repeatElement(repeated, count: times)
        }
        guard lengths[256] != 0 else { throw SpreadsheetError("the compressed data is damaged (no end-of-block code)") }
        guard let literal = Huffman(Array(lengths[0..<literalCount])), let distance = Huffman(Array(lengths[literalCount...])) else {
            throw SpreadsheetError("the compressed data is damaged (an invalid Huffman table)")
        }
        return (literal, distance)
    }
}
