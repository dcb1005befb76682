/// LSP base protocol framing: `Content-Length: N\r\n` (other headers ignored), a blank line,
/// then N bytes of JSON. Bytes arrive in chunks of any size; `next()` hands back whole messages.
/// A damaged stream never stops the server: whatever precedes the next `Content-Length` header
/// (the rest of a frame whose length was wrong, garbage) is skipped with one error, and headers
/// ended by a bare LF are read as well.
public struct MessageFramer: Sendable {
    public enum Frame: Sendable, Equatable {
        case message([UInt8])
        /// Bytes that could not be read as a frame; they have been skipped.
        case malformedHeader(String)
    }

    private var buffer: [UInt8] = []
    private var start = 0

    /// A header longer than this without its blank line is garbage, not a header still arriving.
    static let maximumHeaderSize = 8 * 1024
    /// A plan file is at most 64 MiB; its text escaped in JSON stays well under this.
    static let maximumBodySize = 1 << 30
    static let contentLength = Array("content-length".utf8)

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    public mutating func next() -> Frame? {
        guard let headerStart = findContentLength() else {
            // Keep a tail that may be the start of a header still arriving.
            let keep = Self.contentLength.count - 1
            if buffer.count - start > Self.maximumHeaderSize {
                discard(upTo: buffer.count - keep)
                return .malformedHeader("no Content-Length header within \(Self.maximumHeaderSize) bytes")
            }
            return nil
        }
        if headerStart > start {
            let skipped = buffer[start..<headerStart]
            discard(upTo: headerStart)
            if !Self.isHeaderLines(skipped) { return .malformedHeader("skipped \(skipped.count) bytes that were not a message") }
        }
        guard let (headerEnd, bodyStart) = findBlankLine() else {
            if buffer.count - start > Self.maximumHeaderSize {
                discard(upTo: start + Self.contentLength.count)
                return .malformedHeader("no end of header within \(Self.maximumHeaderSize) bytes")
            }
            return nil
        }
        var length: Int?
        for line in buffer[start..<headerEnd].split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":"), text[..<colon].lowercased() == "content-length" else { continue }
            let value = text[text.index(after: colon)...].trimmingSpaces
            // Digits only: `+5` and `-0` are not lengths.
            if !value.isEmpty, value.count <= 10, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { length = Int(value) }
        }
        guard let length, length <= Self.maximumBodySize else {
            discard(upTo: bodyStart)
            return .malformedHeader("missing or invalid Content-Length header")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        discard(upTo: bodyStart + length)
        return .message(body)
    }

    /// Where the next `Content-Length` header starts (any case), from `start`.
    private func findContentLength() -> Int? {
        let needle = Self.contentLength
        var i = start
        while i + needle.count <= buffer.count {
            // ASCII letters compared without case; `-` exactly.
            if needle.indices.allSatisfy({ buffer[i + $0] | (needle[$0] == UInt8(ascii: "-") ? 0 : 0x20) == needle[$0] }) { return i }
            i += 1
        }
        return nil
    }

    /// Lines of `name: value` (other headers before `Content-Length`), not garbage.
    private static func isHeaderLines(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.split(separator: UInt8(ascii: "\n")).allSatisfy { line in
            let text = line.last == 0x0D ? line.dropLast() : line
            return text.contains(UInt8(ascii: ":")) && text.allSatisfy { (0x20...0x7E).contains($0) }
        }
    }

    /// The end of the header that starts at `start` and where its body starts: the first blank
    /// line, `\r\n\r\n` or (from clients that send bare LFs) `\n\n`.
    private func findBlankLine() -> (headerEnd: Int, bodyStart: Int)? {
        var i = start
        while i + 1 < buffer.count {
            if buffer[i] == 0x0A {
                if buffer[i + 1] == 0x0A { return (i, i + 2) }
                if buffer[i + 1] == 0x0D, i + 2 < buffer.count, buffer[i + 2] == 0x0A { return (i, i + 3) }
            }
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
