import Foundation
import StyrDomain
import StyrReports

/// The report commands' files (made by `ReportDocumentService`), written to a file or to standard output.
enum ReportFiles {
    static func write(_ bytes: Data, to out: String?, what: String) throws {
        if let out {
            do {
                try bytes.write(to: URL(fileURLWithPath: out))
            } catch {
                throw CLIError("Kan ikke skrive til «\(out)»: \(error.localizedDescription)")
            }
            printError("Skrev \(what) til \(out).")
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}
