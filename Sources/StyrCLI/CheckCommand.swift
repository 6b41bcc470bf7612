import ArgumentParser
import Foundation
import StyrDomain

/// `styr check FILE --kind …`: lists every identity a published table breaks.
/// Exit 0 when all hold, 1 when one does not, 2 when the file cannot be read.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kontrollerer at en publisert tabell (CSV, semikolon) summerer: summer, netto og avvik.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @Argument(help: "CSV-filen som skal kontrolleres.")
    var file: String

    @Option(help: "Tabelltype: operating (drift), investment (investering) eller projects (prosjekter).")
    var kind: PublishedTableKind

    @Option(help: "Største avvik i kroner som godtas som avrunding.")
    var tolerance: Int64 = 0

    @Option(help: "Utdata: text eller csv.")
    var format: OutputFormat = .text

    func validate() throws {
        guard tolerance >= 0 else { throw ValidationError("--tolerance kan ikke være negativ.") }
    }

    func run() async throws {
        let report: PublishedTableReport
        guard FileManager.default.fileExists(atPath: file) else {
            printError("\(file): filen finnes ikke.")
            throw ExitCode(2)
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let text = PublishedTableCheck.decode(data)
            report = try PublishedTableCheck.check(text: text, kind: kind, tolerance: tolerance)
        } catch let error as PublishedTableError {
            printError("\(file): \(error.message)")
            throw ExitCode(2)
        } catch {
            printError("\(file): kan ikke lese filen (mangler tilgang, eller det er en mappe).")
            throw ExitCode(2)
        }
        print(format == .csv ? report.renderCSV() : report.renderText(fileName: file), terminator: "")
        if !report.isConsistent { throw ExitCode(1) }
    }
}

/// `--kind operating` or its Norwegian name (`drift`, `investering`, `prosjekter`).
extension PublishedTableKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }
}
