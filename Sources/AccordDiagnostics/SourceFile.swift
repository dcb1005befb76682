#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one plan file and the table that turns byte offsets into lines and columns.
///
/// Positions everywhere else are plain byte offsets (like Go's `token.Pos`); only renderers ask
/// a `SourceFile` for a line and column, so the lexer and parser never pay for that arithmetic.
public final class SourceFile: Sendable {
    /// The path as the user gave it (or as discovered relative to the working folder).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; line N (1-based) starts at `lineStarts[N-1]`.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 24 + 1)
        // A line ends at `\n`, `\r\n` or a lone `\r`, as the LSP specification counts lines (one
        // definition everywhere: the lexer, the language server and every renderer agree).
        // memchr is vectorised by libc: the line table costs little even for a 64 MiB plan.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            if memchr(base, 0x0D, buffer.count) != nil {
                for index in 0..<buffer.count where buffer[index] == 0x0A || (buffer[index] == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A)) {
                    starts.append(index + 1)
                }
                return
            }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                starts.append(index + 1)
                offset = index + 1
            }
        }
        self.lineStarts = starts
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The 1-based line holding `offset` (an offset at the end of the file is on the last line).
    public func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and 1-based column of `offset`; columns count characters (Unicode scalars), not bytes.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(of: clamped)
        var start = lineStarts[line - 1]
        if line == 1, bytes.starts(with: SourceFile.byteOrderMark) { start = min(3, clamped) }
        var column = 1
        var index = start
        while index < clamped {
            // Count only the first byte of each UTF-8 sequence.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// The byte range of line `line` without its line end (`\n`, `\r\n` or `\r`).
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end < start { end = start }
        return start..<end
    }

    /// The text of line `line`, invalid UTF-8 replaced, for showing under a diagnostic.
    public func lineText(_ line: Int) -> String {
        var range = lineRange(line)
        if line == 1, bytes[range].starts(with: SourceFile.byteOrderMark) { range = (range.lowerBound + 3)..<range.upperBound }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}

public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
