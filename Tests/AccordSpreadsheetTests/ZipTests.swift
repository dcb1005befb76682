@testable import AccordSpreadsheet
import Testing

struct ZipTests {
    @Test func crc32OfTheCheckString() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func whatTheWriterStoresTheReaderReads() throws {
        var writer = ZipWriter()
        writer.add("a.txt", Array("hello".utf8))
        writer.add("dir/é.xml", Array(repeating: 7, count: 70_000))
        writer.add("empty", [])
        let zip = try ZipArchive(writer.finish())
        #expect(zip.entries.map(\.name) == ["a.txt", "dir/é.xml", "empty"])
        #expect(try zip.read("a.txt") == Array("hello".utf8))
        #expect(try zip.read("dir/é.xml") == Array(repeating: 7, count: 70_000))
        #expect(try zip.read("empty") == [])
    }

    @Test func aChangedByteFailsTheChecksum() throws {
        var writer = ZipWriter()
        writer.add("a.txt", Array("hello".utf8))
        var bytes = writer.finish()
        bytes[30 + 5] = UInt8(ascii: "j")  // the first byte of the contents, after the 30-byte header and the name
        #expect(throws: SpreadsheetError("the zip archive is damaged (a.txt does not match its checksum)")) { try ZipArchive(bytes).read("a.txt") }
    }

    @Test func notAZipAndTruncatedArchivesAreErrors() throws {
        #expect(throws: SpreadsheetError.self) { try ZipArchive(Array("scheme,title\n".utf8)) }
        #expect(throws: SpreadsheetError.self) { try ZipArchive([]) }
        var writer = ZipWriter()
        writer.add("a.txt", Array(repeating: 1, count: 1000))
        let bytes = writer.finish()
        for cut in [4, 30, 500, bytes.count - 30, bytes.count - 1] {
            #expect(throws: SpreadsheetError.self, "cut at \(cut)") { try ZipArchive(Array(bytes.prefix(cut))).read("a.txt") }
        }
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        // testdata/bomb.xlsx: a sheet of 80 MiB of zeros in 80 KB.
        let zip = try ZipArchive(try Testdata.bytes("bomb.xlsx"))
        #expect(throws: SpreadsheetError.self) { try zip.read("xl/worksheets/sheet1.xml") }
        #expect(throws: SpreadsheetError.self) { try XLSXReader.read(try Testdata.bytes("bomb.xlsx")) }
    }

    @Test func aZipBombThatUnderstatesItsSizeStopsAtTheLimitToo() throws {
        var bytes = try Testdata.bytes("bomb.xlsx")
        // Say the sheet is 100 bytes, in its central directory entry, so only inflating finds out.
        let entry = try #require(ZipArchive(bytes).entries.first { $0.name == "xl/worksheets/sheet1.xml" })
        let signature: [UInt8] = [0x50, 0x4B, 1, 2]
        let found = (0..<(bytes.count - 4)).last { (at: Int) -> Bool in bytes[at..<(at + 4)].elementsEqual(signature) }
        let directory = try #require(found)
        #expect(ZipArchive.u32(bytes, directory + 42) == entry.localHeader)
        bytes.replaceSubrange((directory + 24)..<(directory + 28), with: [100, 0, 0, 0])
        #expect(throws: SpreadsheetError("xl/worksheets/sheet1.xml: an entry inflates past 64 MiB (a zip bomb?); Accord reads entries of at most that size")) {
            try ZipArchive(bytes).read("xl/worksheets/sheet1.xml")
        }
    }
}
