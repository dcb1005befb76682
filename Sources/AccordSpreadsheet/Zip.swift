/// The zip archives `.xlsx` files are (PKWARE APPNOTE 6.3): the central directory is read from
/// the end record, each entry is found through it, inflated or copied, and its CRC-32 and size
/// checked. Zip64, encryption and compression other than stored and deflate are refused with a
/// message rather than guessed at.
public struct ZipArchive {
    public struct Entry: Sendable {
        public let name: String
        let method: Int
        let flags: Int
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeader: Int
    }

    public let entries: [Entry]
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) throws(SpreadsheetError) {
        self.bytes = bytes
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            throw SpreadsheetError("this is not an .xlsx file (an .xlsx file is a zip archive, and this does not start like one)")
        }
        // The end record is the last 22 bytes, or sits before a comment of up to 64 KiB.
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) { end -= 1 }
        guard end >= lowest, end >= 0 else { throw SpreadsheetError("the zip archive is truncated or damaged (no end of central directory)") }
        let count = ZipArchive.u16(bytes, end + 10), directorySize = ZipArchive.u32(bytes, end + 12), directoryStart = ZipArchive.u32(bytes, end + 16)
        if count == 0xFFFF || directoryStart == 0xFFFF_FFFF { throw SpreadsheetError("Zip64 archives are not supported; save the workbook again as an ordinary .xlsx") }
        guard count <= SpreadsheetLimits.entries else { throw SpreadsheetError("the archive has \(count) entries; Accord reads at most \(SpreadsheetLimits.entries)") }
        guard directoryStart + directorySize <= end else { throw SpreadsheetError("the zip archive is truncated or damaged (its directory lies outside the file)") }
        var entries: [Entry] = []
        var at = directoryStart
        for _ in 0..<count {
            guard at + 46 <= end, ZipArchive.u32(bytes, at) == 0x0201_4B50 else {
                throw SpreadsheetError("the zip archive is damaged (a bad central directory entry)")
            }
            let nameLength = ZipArchive.u16(bytes, at + 28), extra = ZipArchive.u16(bytes, at + 30), comment = ZipArchive.u16(bytes, at + 32)
            guard at + 46 + nameLength <= end else { throw SpreadsheetError("the zip archive is damaged (a bad central directory entry)") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(name: name, method: ZipArchive.u16(bytes, at + 10), flags: ZipArchive.u16(bytes, at + 8),
                                 crc: UInt32(ZipArchive.u32(bytes, at + 16)), compressedSize: ZipArchive.u32(bytes, at + 20),
                                 size: ZipArchive.u32(bytes, at + 24), localHeader: ZipArchive.u32(bytes, at + 42)))
            at += 46 + nameLength + extra + comment
        }
        self.entries = entries
    }

    public func contains(_ name: String) -> Bool { entries.contains { $0.name == name } }

    /// The entry's contents, checked against its size and CRC-32.
    public func read(_ name: String) throws(SpreadsheetError) -> [UInt8] {
        guard let entry = entries.first(where: { $0.name == name }) else { throw SpreadsheetError("the archive has no \(name)") }
        if entry.flags & 1 != 0 { throw SpreadsheetError("\(name) is encrypted; save the workbook without a password") }
        guard entry.size <= SpreadsheetLimits.entryBytes else { throw Inflate.tooLarge(SpreadsheetLimits.entryBytes) }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, ZipArchive.u32(bytes, header) == 0x0403_4B50 else {
            throw SpreadsheetError("the zip archive is truncated or damaged (\(name) is missing)")
        }
        let start = header + 30 + ZipArchive.u16(bytes, header + 26) + ZipArchive.u16(bytes, header + 28)
        guard start + entry.compressedSize <= bytes.count else { throw SpreadsheetError("the zip archive is truncated (\(name) is cut short)") }
        let data = Array(bytes[start..<(start + entry.compressedSize)])
        let contents: [UInt8]
        switch entry.method {
        case 0: contents = data
        case 8:
            do throws(SpreadsheetError) {
                contents = try Inflate.inflate(data, limit: SpreadsheetLimits.entryBytes, expectedSize: entry.size)
            } catch {
                throw SpreadsheetError("\(name): \(error.message)")
            }
        default: throw SpreadsheetError("\(name) uses compression method \(entry.method); Accord reads stored and deflated entries")
        }
        guard contents.count == entry.size, CRC32.checksum(contents) == entry.crc else {
            throw SpreadsheetError("the zip archive is damaged (\(name) does not match its checksum)")
        }
        return contents
    }

    static func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    static func u32(_ b: [UInt8], _ at: Int) -> Int { u16(b, at) | u16(b, at + 2) << 16 }
}

/// Writes a zip archive of stored (uncompressed) entries: all `.xlsx` needs, and simple enough to
/// check by eye. Entries carry a fixed date (1980-01-01) so the same workbook gives the same bytes.
public struct ZipWriter {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    public init() {}

    public mutating func add(_ name: String, _ contents: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(contents)
        let offset = bytes.count
        // Local header: signature, version 2.0, flags (bit 11: UTF-8 names), method 0, time, date.
        bytes += ZipWriter.le32(0x0403_4B50) + ZipWriter.le16(20) + ZipWriter.le16(0x0800) + ZipWriter.le16(0) + ZipWriter.le16(0) + ZipWriter.le16(0x21)
        bytes += ZipWriter.le32(Int(crc)) + ZipWriter.le32(contents.count) + ZipWriter.le32(contents.count)
        bytes += ZipWriter.le16(nameBytes.count) + ZipWriter.le16(0) + nameBytes + contents
        directory += ZipWriter.le32(0x0201_4B50) + ZipWriter.le16(20) + ZipWriter.le16(20) + ZipWriter.le16(0x0800) + ZipWriter.le16(0)
        directory += ZipWriter.le16(0) + ZipWriter.le16(0x21) + ZipWriter.le32(Int(crc)) + ZipWriter.le32(contents.count) + ZipWriter.le32(contents.count)
        directory += ZipWriter.le16(nameBytes.count) + ZipWriter.le16(0) + ZipWriter.le16(0) + ZipWriter.le16(0) + ZipWriter.le16(0)
        directory += ZipWriter.le32(0) + ZipWriter.le32(offset) + nameBytes
        count += 1
    }

    public func finish() -> [UInt8] {
        bytes + directory + ZipWriter.le32(0x0605_4B50) + ZipWriter.le16(0) + ZipWriter.le16(0) + ZipWriter.le16(count) + ZipWriter.le16(count)
            + ZipWriter.le32(directory.count) + ZipWriter.le32(bytes.count) + ZipWriter.le16(0)
    }

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16((v >> 16) & 0xFFFF) }
}
