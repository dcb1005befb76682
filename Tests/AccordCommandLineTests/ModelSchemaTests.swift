import AccordCommandLine
import Foundation
import Testing

/// `accord model` output validates against docs/model.schema.json, checked with Python's
/// jsonschema (the reference validator); without python3 and jsonschema the test fails with the
/// reason rather than passing unchecked.
struct ModelSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["examples/snee/plan.accord", "examples/minimal/plan.accord", "examples/risk-share/plan.accord",
                      "Tests/AccordCommandLineTests/testdata/figures/costs.accord"])
    func modelValidatesAgainstItsSchema(_ plan: String) throws {
        let result = run(Invocation(arguments: ["model", plan], workingDirectory: Self.root.path))
        #expect(result.exitCode == 0)
        let (status, messages) = try JSONSchemaValidator.validate(document: result.stdout, against: Self.root.appendingPathComponent("docs/model.schema.json").path)
        #expect(status == 0, "\(plan): \(messages)")
    }

    @Test func sneeModelCarriesTheExpectedFigures() {
        let result = run(Invocation(arguments: ["model", "examples/snee/plan.accord"], workingDirectory: Self.root.path))
        for figure in ["\"riskAdjusted\": \"1808960.00\"", "\"productivity\": \"1425600.00\"", "\"gap\": \"275000.00\""] {
            #expect(result.stdout.contains(figure), "missing \(figure)")
        }
    }
}

enum JSONSchemaValidator {
    /// Validates JSON text, written to a temporary file for the validator.
    static func validate(document: String, against schema: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString).json")
        try document.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try validate(file.path, against: schema)
    }

    /// Runs Python's jsonschema; returns its exit status and what it printed.
    static func validate(_ document: String, against schema: String) throws -> (Int32, String) {
        try Python.run(["-c", """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1])); document = json.load(open(sys.argv[2]))
            validator = jsonschema.validators.validator_for(schema)(schema)
            errors = list(validator.iter_errors(document))
            for e in errors[:10]: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """, schema, document])
    }
}
