import Foundation
@testable import StyrCLI
import StyrServices
import StyrTestSupport
import Testing

/// `styr report annual|tertial` for a year without data: the Norwegian sentence, exit code 3,
/// and no file written.
@Suite("styr report: a year without data")
struct ReportDocumentCLITests {
    @Test("report annual and tertial for a year without data exit 3 with a message naming the year", arguments: TestDatabase.backends)
    func noData(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            let output = try CLITests.temporaryFile("none.docx")
            defer { try? FileManager.default.removeItem(atPath: output) }
            try await CLITests.run(["demo", "--database", database])
            for (arguments, expected) in [
                (["report", "annual", "--org", "UKE", "--year", "2031", "--format", "docx"], "har verken budsjett, regnskap eller resultater for 2031."),
                (["report", "tertial", "--org", "UKE", "--year", "2031", "--period", "t2", "--format", "docx"], "ingen rapport å laste ned"),
            ] {
                do {
                    try await CLITests.run(arguments + ["--out", output, "--database", database])
                    Issue.record("\(arguments) must be refused")
                } catch let error as ServiceError {
                    #expect(error.cliError.exitCode == 3)
                    #expect(error.cliError.message.contains(expected), "\(error.cliError.message)")
                }
                #expect(!FileManager.default.fileExists(atPath: output))
            }
        }
    }
}
