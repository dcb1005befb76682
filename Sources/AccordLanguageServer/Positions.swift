import AccordDiagnostics
import AccordModel
import AccordReports

/// LSP positions are (line, character) with characters counted in UTF-16 code units (the 3.17
/// default encoding); Accord's are byte offsets into UTF-8. `£` is two bytes and one unit, `𝟙`
/// four bytes and two units.
struct Position: Equatable, Sendable {
    var line: Int
    var character: Int

    var json: JSON { ["line": .int(line), "character": .int(character)] }

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ json: JSON) {
        guard let line = json["line"].int, let character = json["character"].int, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

extension SourceFile {
    /// The position of a byte offset. A byte-order mark at the start of the file is not part of
    /// the text an editor shows, so columns on line 1 start after it.
    func position(of offset: Int) -> Position {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(of: clamped)
        var index = lineStarts[line - 1]
        if line == 1, bytes.starts(with: SourceFile.byteOrderMark) { index = min(3, clamped) }
        var units = 0
        while index < clamped {
            let byte = bytes[index]
            // A UTF-8 lead byte of a four-byte sequence is a scalar outside the BMP: two units.
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            index += 1
        }
        return Position(line: line - 1, character: units)
    }

    /// The byte offset of a position. A line past the end is the end of the file; a character
    /// past the end of its line is the end of the line (as the LSP specification says); a
    /// character inside a surrogate pair is the start of that scalar.
    func offset(of position: Position) -> Int {
        guard position.line < lineCount else { return bytes.count }
        let range = lineRange(position.line + 1)
        var index = range.lowerBound
        if position.line == 0, bytes.starts(with: SourceFile.byteOrderMark) { index = min(3, range.upperBound) }
        var units = 0
        while index < range.upperBound, units < position.character {
            let byte = bytes[index]
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let scalarUnits = byte >= 0xF0 ? 2 : 1
            if units + scalarUnits > position.character { break }
            units += scalarUnits
            index = min(index + width, range.upperBound)
        }
        return index
    }

    func lspRange(_ range: Range<Int>) -> JSON {
        ["start": position(of: range.lowerBound).json, "end": position(of: range.upperBound).json]
    }
}

/// `file://` URIs and paths: percent-decoding on the way in, encoding on the way out.
enum DocumentURI {
    /// The path of a `file:` URI, percent-decoded and then normalised, so `%2e%2e` folds like
    /// `..` before the path is used.
    static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        // `file://host/path`: only the local host (empty or `localhost`) is a path here.
        if !rest.hasPrefix("/") {
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash] == "localhost" else { return nil }
            rest = rest[slash...]
        }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        var bytes: [UInt8] = []
        var utf8 = Array(rest.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let high = Character(Unicode.Scalar(utf8[utf8.startIndex])).hexDigitValue,
               let low = Character(Unicode.Scalar(utf8[utf8.startIndex + 1])).hexDigitValue {
                bytes.append(UInt8(high * 16 + low))
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self).map(Path.normalize)
    }

    /// Encodes everything but unreserved characters and `/`, as VS Code does (so `:` is `%3A`).
    static func uri(ofPath path: String) -> String { "file://" + DiagnosticSARIFRenderer.percentEncode(path) }
}
