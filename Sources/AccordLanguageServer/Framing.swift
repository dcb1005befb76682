/// LSP base protocol framing: `Content-Length: N\r\n` (other headers ignored), a blank line,
/// then N bytes of JSON. Bytes arrive in chunks of any size; `next()` hands back whole messages.
public struct MessageFramer: Sendable {
    public enum Frame: Sendable, Equatable {
        case message([UInt8])
        /// A header block that could not be read; it has been skipped.
        case malformedHeader(String)
    }

    private var buffer: [UInt8] = []
    private var start = 0

    /// A header longer than this without its blank line is garbage, not a header still arriving.
    static let maximumHeaderSize = 8 * 1024
    /// A plan file is at most 64 MiB; its text escaped in JSON stays well under this.
    static let maximumBodySize = 1 << 30

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    public mutating func next() -> Frame? {
        guard let headerEnd = findBlankLine() else {
            if buffer.count - start > Self.maximumHeaderSize {
                discard(upTo: buffer.count)
                return .malformedHeader("no end of header within \(Self.maximumHeaderSize) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "content-length" {
                length = Int(line[line.index(after: colon)...].trimmingSpaces)
            }
        }
        guard let length, (0...Self.maximumBodySize).contains(length) else {
            discard(upTo: headerEnd + 4)
            return .malformedHeader("missing or invalid Content-Length header")
        }
        let bodyStart = headerEnd + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        discard(upTo: bodyStart + length)
        return .message(body)
    }

    /// Index of the `\r\n\r\n` ending the header that starts at `start`.
    private func findBlankLine() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 0x0D, buffer[i + 1] == 0x0A, buffer[i + 2] == 0x0D, buffer[i + 3] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    private mutating func discard(upTo end: Int) {
        start = end
        // Compact now and then rather than on every message: removing from the front is O(n).
        if start > 64 * 1024 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// One message framed for sending.
    public static func frame(_ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        return Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
