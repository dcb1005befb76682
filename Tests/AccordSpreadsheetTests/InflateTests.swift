@testable import AccordSpreadsheet
import Testing

/// Inflate against streams python3's zlib made (testdata/README.md): stored, fixed-Huffman and
/// dynamic-Huffman blocks all give back the original, and damaged streams throw.
struct InflateTests {
    @Test(arguments: ["stored", "fixed", "dynamic"])
    func inflatesWhatZlibDeflated(_ kind: String) throws {
        let plain = try Testdata.bytes("inflate-plain.txt")
        let stream = try Testdata.bytes("inflate-\(kind).deflate")
        let blockType = (stream[0] >> 1) & 3
        #expect(blockType == ["stored": 0, "fixed": 1, "dynamic": 2][kind], "the test data does not start with a \(kind) block")
        #expect(try Inflate.inflate(stream) == plain)
    }

    @Test func storedDataSpansSeveralBlocks() throws {
        // 84,360 bytes need two stored blocks of at most 65,535.
        let stream = try Testdata.bytes("inflate-stored.deflate")
        #expect(stream[0] & 1 == 0, "the first stored block must not be the last")
        #expect(try Inflate.inflate(stream).count == 84_360)
    }

    @Test func aHandMadeFixedBlock() throws {
        // zlib.compress(b"a", wbits=-15): fixed block, literal 'a', end of block.
        #expect(try Inflate.inflate([0x4B, 0x04, 0x00]) == [0x61])
        // An empty stored last block.
        #expect(try Inflate.inflate([0x01, 0x00, 0x00, 0xFF, 0xFF]) == [])
    }

    @Test(arguments: ["stored", "fixed", "dynamic"])
    func truncatedStreamsThrow(_ kind: String) throws {
        let stream = try Testdata.bytes("inflate-\(kind).deflate")
        for cut in [0, 1, 2, 5, stream.count / 2, stream.count - 1] {
            #expect(throws: SpreadsheetError.self) { try Inflate.inflate(Array(stream.prefix(cut))) }
        }
    }

    @Test func damagedStreamsThrow() {
        #expect(throws: SpreadsheetError.self) { try Inflate.inflate([0x07]) }  // block type 3
        #expect(throws: SpreadsheetError.self) { try Inflate.inflate([0x01, 0x05, 0x00, 0x00, 0x00]) }  // length ≠ ~complement
        // A back reference before the start of the output: fixed block, length code 257, distance 0 (1 back).
        #expect(throws: SpreadsheetError.self) { try Inflate.inflate([0x03, 0x02]) }
    }

    @Test func outputPastTheLimitThrows() throws {
        let plain = try Testdata.bytes("inflate-plain.txt")
        #expect(throws: SpreadsheetError.self) { try Inflate.inflate(try Testdata.bytes("inflate-dynamic.deflate"), limit: plain.count - 1) }
        #expect(try Inflate.inflate(try Testdata.bytes("inflate-dynamic.deflate"), limit: plain.count) == plain)
    }
}
