@testable import AccordSpreadsheet
import AccordPlanGenerator
import Foundation
import Testing

/// Seeded mutations of real inputs through every reader: each must return or throw a
/// `SpreadsheetError`, never trap or hang. `ACCORD_MUTATIONS=50000 swift test --filter Fuzz`
/// searches longer.
struct FuzzTests {
    static let count = Int(ProcessInfo.processInfo.environment["ACCORD_MUTATIONS"] ?? "") ?? 1500

    static func mutate(_ input: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<random.int(1...4) {
            let at = bytes.isEmpty ? 0 : random.int(0...(bytes.count - 1))
            switch random.int(0...5) {
            case 0: if !bytes.isEmpty { bytes[at] ^= UInt8(1 << random.int(0...7)) }  // a flipped bit
            case 1: if !bytes.isEmpty { bytes[at] = UInt8(truncatingIfNeeded: random.next()) }
            case 2: bytes.removeSubrange(min(at, bytes.count)...)  // cut short
            case 3: bytes.insert(contentsOf: Array(random.pick(["\"", ",", "\r\n", "\n", "<", "&#x0;", "\u{FEFF}", "\"\""]).utf8), at: min(at, bytes.count))
            case 4: if bytes.count > at + 8 { bytes.removeSubrange(at..<(at + random.int(1...8))) }
            default: if bytes.count > at + 4 { bytes.insert(contentsOf: bytes[at..<(at + 4)], at: at) }
            }
        }
        return bytes
    }

    @Test func mutatedCSVNeverTraps() {
        var random = SeededRandom(seed: 20)
        let seeds = [Array("\u{FEFF}Scheme ref,Title,\"FY23/24\nCR\"\r\nSE-01,\"a, \"\"b\"\"\",£1.2m\r\n".utf8), Array("a,b\n\"c\nd\",e\n".utf8)]
        var read = 0
        for index in 0..<Self.count {
            if (try? CSVReader.read(Self.mutate(seeds[index % seeds.count], &random), sheetName: "t")) != nil { read += 1 }
        }
        #expect(read > Self.count / 2, "most mutants are still CSV")
    }

    @Test func mutatedDeflateStreamsNeverTrap() throws {
        var random = SeededRandom(seed: 1951)
        let seeds = try ["fixed", "dynamic"].map { try Array(Testdata.bytes("inflate-\($0).deflate").prefix(2000)) }
        for index in 0..<Self.count {
            _ = try? Inflate.inflate(Self.mutate(seeds[index % seeds.count], &random), limit: 1 << 20)
        }
    }

    @Test func mutatedWorkbooksNeverTrap() throws {
        var random = SeededRandom(seed: 376)
        let written = XLSXWriter.workbook([XLSXTests.table])
        let seeds = [written, XLSXTests.excelLike()]
        var failures = 0
        for index in 0..<Self.count {
            do { _ = try XLSXReader.read(Self.mutate(seeds[index % seeds.count], &random)) } catch { failures += 1 }
        }
        #expect(failures > 0 && failures < Self.count, "mutants should both fail and pass")
    }

    /// Mutations inside the XML, re-zipped so the checksums hold: the XML reader meets broken markup.
    @Test func mutatedSheetXMLNeverTraps() throws {
        var random = SeededRandom(seed: 1998)
        let zip = try ZipArchive(XLSXTests.excelLike())
        for _ in 0..<Self.count {
            var writer = ZipWriter()
            for entry in zip.entries {
                let contents = try zip.read(entry.name)
                writer.add(entry.name, entry.name.hasSuffix(".xml") && random.chance(percent: 50) ? Self.mutate(contents, &random) : contents)
            }
            _ = try? XLSXReader.read(writer.finish())
        }
    }
}
