/// Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF), so a file
/// that is not text is reported once (E109) instead of producing a cascade of odd tokens.
enum UTF8Validation {
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var i = 0
            while i < count {
                let b = buffer[i]
                if b < 0x80 { i += 1; continue }
                let length = sequenceLength(b)
                guard length > 1, i + length <= count else { return i }
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch b {
                case 0xE0: lower = 0xA0
                case 0xED: upper = 0x9F
                case 0xF0: lower = 0x90
                case 0xF4: upper = 0x8F
                default: break
                }
                let second = buffer[i + 1]
                guard second >= lower, second <= upper else { return i }
                for k in 2..<max(2, length) where buffer[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
    }

    /// The length of the sequence a lead byte starts; 1 for bytes that start none.
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }
}
