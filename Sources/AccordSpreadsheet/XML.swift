/// A small pull reader for the XML inside `.xlsx` files: start and end tags with attributes, and
/// text with entities decoded. Namespace prefixes are dropped (`x:row` is `row`), since writers
/// differ in them. Comments, processing instructions and the doctype are skipped; CDATA is text.
/// It never recurses and never fails: malformed markup ends the document early, and the reader
/// then finds what it finds.
struct XMLReader {
    enum Event: Equatable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Event? {
        while i < bytes.count {
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
                return .text(XMLReader.decode(bytes[start..<i]))
            }
            if starts("<!--") { skip(past: "-->"); continue }
            if starts("<![CDATA[") {
                let start = i + 9
                skip(past: "]]>")
                return .text(String(decoding: bytes[start..<max(start, i - 3)], as: UTF8.self))
            }
            if starts("<?") || starts("<!") { skip(past: ">"); continue }
            return tag()
        }
        return nil
    }

    private func starts(_ s: String) -> Bool {
        let pattern = Array(s.utf8)
        return i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern)
    }

    private mutating func skip(past s: String) {
        let pattern = Array(s.utf8)
        while i < bytes.count {
            if starts(s) { i += pattern.count; return }
            i += 1
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private mutating func name() -> String {
        let start = i
        while i < bytes.count, !XMLReader.isSpace(bytes[i]), ![UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "=")].contains(bytes[i]) { i += 1 }
        var text = bytes[start..<i]
        if let colon = text.lastIndex(of: UInt8(ascii: ":")) { text = text[(colon + 1)...] }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func spaces() { while i < bytes.count, XMLReader.isSpace(bytes[i]) { i += 1 } }

    private mutating func tag() -> Event? {
        i += 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "/") {
            i += 1
            let n = name()
            skip(past: ">")
            return .end(name: n)
        }
        let n = name()
        var attributes: [String: String] = [:]
        while true {
            spaces()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ">") { i += 1; return .start(name: n, attributes: attributes, selfClosing: false) }
            if bytes[i] == UInt8(ascii: "/") { skip(past: ">"); return .start(name: n, attributes: attributes, selfClosing: true) }
            let before = i
            let key = name()
            spaces()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
                if i == before { i += 1 }  // a stray character: step over it
                continue
            }
            i += 1
            spaces()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { continue }
            let quote = bytes[i]
            i += 1
            let start = i
            while i < bytes.count, bytes[i] != quote { i += 1 }
            attributes[key] = XMLReader.decode(bytes[start..<i])
            i += 1
        }
    }

    /// Text with `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;` and character references decoded;
    /// an unknown or broken reference is kept as written.
    static func decode(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        var i = slice.startIndex
        while i < slice.endIndex {
            let b = slice[i]
            guard b == UInt8(ascii: "&"), let semicolon = slice[i..<min(slice.endIndex, i + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                out.append(b)
                i += 1
                continue
            }
            let entity = String(decoding: slice[(i + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init) }
            }
            if let scalar {
                out += Array(String(Character(scalar)).utf8)
                i = semicolon + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&`, `<`, `>` and `"` escaped, and characters XML 1.0 cannot hold dropped, for writing.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
