import AccordSyntax
import AccordDiagnostics
import Foundation
for path in CommandLine.arguments.dropFirst() {
    let data = FileManager.default.contents(atPath: path)!
    let file = SourceFile(path: path, bytes: Array(data))
    let result = parse(file)
    print(path, "roundtrip:", result.tree.sourceText == String(decoding: data, as: UTF8.self), "tokens:", result.tree.tokens.count)
    for d in result.diagnostics { print("  \(d.start.line):\(d.start.column) \(d.code) \(d.message) | \(d.help ?? "")") }
}
