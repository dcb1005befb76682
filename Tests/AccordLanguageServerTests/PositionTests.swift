@testable import AccordLanguageServer
import AccordDiagnostics
import AccordModel
import Testing

/// LSP positions count UTF-16 units; Accord counts bytes.
struct PositionTests {
    @Test func utf16ColumnsAroundMultiByteCharacters() {
        // `£` is 2 bytes and 1 unit; `𝟙` is 4 bytes and 2 units.
        let file = SourceFile(path: "p", text: "a £1 𝟙x\r\nnext\n")
        let cases: [(offset: Int, line: Int, character: Int)] = [(0, 0, 0), (2, 0, 2), (4, 0, 3), (6, 0, 5), (10, 0, 7), (11, 0, 8), (13, 1, 0), (17, 1, 4), (18, 2, 0)]
        for (offset, line, character) in cases {
            #expect(file.position(of: offset) == Position(line: line, character: character), "offset \(offset)")
            #expect(file.offset(of: Position(line: line, character: character)) == offset, "\(line):\(character)")
        }
        // Inside a surrogate pair: the start of the scalar. Past the line's end: the end of the
        // line, before its CRLF. Past the last line: the end of the file.
        #expect(file.offset(of: Position(line: 0, character: 6)) == 6)
        #expect(file.offset(of: Position(line: 0, character: 99)) == 11)
        #expect(file.offset(of: Position(line: 9, character: 0)) == 18)
    }

    @Test func aByteOrderMarkIsNotAColumn() {
        let file = SourceFile(path: "p", bytes: SourceFile.byteOrderMark + Array("ab\n".utf8))
        #expect(file.position(of: 4) == Position(line: 0, character: 1))
        #expect(file.offset(of: Position(line: 0, character: 1)) == 4)
        #expect(file.offset(of: Position(line: 0, character: 0)) == 3)
    }

    @Test func incrementalEditsReplaceTheRange() {
        let before = Array("£ab\n𝟙cd\n".utf8)
        let edit: JSON = ["range": ["start": ["line": 0, "character": 1], "end": ["line": 1, "character": 2]], "text": "Z"]
        #expect(String(decoding: LanguageServer<MemoryFileAccess>.apply(edit, to: before), as: UTF8.self) == "£Zcd\n")
        let full: JSON = ["text": "new"]
        #expect(LanguageServer<MemoryFileAccess>.apply(full, to: before) == Array("new".utf8))
        let broken: JSON = ["range": ["start": ["line": -1]], "text": "lost"]
        #expect(LanguageServer<MemoryFileAccess>.apply(broken, to: before) == before)
    }

    @Test func fileURIs() {
        #expect(DocumentURI.path(of: "file:///home/a%20b/%C2%A3plan.accord") == "/home/a b/£plan.accord")
        #expect(DocumentURI.path(of: "file://localhost/x.accord") == "/x.accord")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.path(of: "file://server/share/x.accord") == nil)
        #expect(DocumentURI.uri(ofPath: "/home/a b/£plan.accord") == "file:///home/a%20b/%C2%A3plan.accord")
        #expect(DocumentURI.path(of: DocumentURI.uri(ofPath: "/c:/x y#1.accord")) == "/c:/x y#1.accord")
    }
}
