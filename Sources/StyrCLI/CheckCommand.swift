import ArgumentParser
import Foundation
import StyrDomain

/// `styr check FILE… [--definition NAME|FILE]…`: checks published tables against a table
/// definition (docs/table-definitions.md): sums, results, the deviation column, identities between
/// the tables given together and against last year's report. `--kind` keeps the older check of
/// Styr's own six-column tables (drift, investering, prosjekter), also reachable as a definition name.
/// Exit 0 when all hold, 1 when one does not, 2 when the input cannot be checked (nothing is stored either way).
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kontrollerer at publiserte tabeller henger sammen: summer, resultater, avvik, mellom tabeller og mot fjorårets tall.",
        discussion: "Definisjoner som følger med: \(ShippedTableDefinitions.all.map(\.name).joined(separator: ", ")); og Styrs egne tabeller drift, investering, prosjekter. Se docs/table-definitions.md.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @Argument(help: "Tabellen(e) som skal kontrolleres (CSV med hvilket som helst skilletegn).")
    var files: [String] = []

    @Option(help: "Styrs egen tabelltype: operating (drift), investment (investering) eller projects (prosjekter).")
    var kind: PublishedTableKind?

    @Option(help: "Tabelldefinisjon: et navn (se --definitions) eller en JSON-fil. Én for alle filene, eller én per fil. Uten: den som passer best.")
    var definition: [String] = []

    @Option(help: "Største avvik (i tabellens enhet) som godtas som avrunding.")
    var tolerance: Double?

    @Option(help: "Utdata: text eller csv.")
    var format: OutputFormat = .text

    @Flag(help: "List definisjonene som følger med.")
    var definitions = false

    @Option(help: "Skriv ut en definisjon som JSON (til å kopiere og tilpasse).")
    var showDefinition: String?

    func validate() throws {
        if let tolerance { guard tolerance >= 0 else { throw ValidationError("--tolerance kan ikke være negativ.") } }
        if !definitions, showDefinition == nil, files.isEmpty { throw ValidationError("Oppgi minst én fil.") }
    }

    func run() async throws {
        if definitions {
            for shipped in ShippedTableDefinitions.all { say("\(shipped.name): \(shipped.title)") }
            for legacy in PublishedTableKind.allCases { say("\(legacy.norwegianName): Styrs egen tabell (\(legacy.rawValue), seks kolonner)") }
            return
        }
        if let showDefinition {
            guard let shipped = ShippedTableDefinitions.named(showDefinition) else { throw CLIError("Ingen definisjon heter «\(showDefinition)».") }
            say(TableCheckRun.json(shipped))
            return
        }
        if let legacy = kind ?? (definition.count == 1 ? PublishedTableKind(name: definition[0]) : nil) {
            return try checkLegacy(kind: legacy)
        }
        let report: TableCheckReport
        do {
            let loaded = try definition.map(Self.loadDefinition)
            let inputs = try files.map { path throws(TableCheckError) -> TableCheckRun.File in
                guard let data = FileManager.default.contents(atPath: path) else { throw TableCheckError(file: path, reason: "filen finnes ikke eller kan ikke leses") }
                return TableCheckRun.File(name: path, data: data)
            }
            report = try TableCheckRun.check(inputs, definitions: loaded, tolerance: tolerance)
        } catch {
            printError("\(error.description). Ingenting er kontrollert.")
            throw ExitCode(2)
        }
        print(format == .csv ? report.renderCSV() : report.renderText(), terminator: "")
        if !report.isConsistent { throw ExitCode(1) }
    }

    /// A shipped definition's name, or a JSON file.
    static func loadDefinition(_ text: String) throws(TableCheckError) -> TableDefinition {
        if let shipped = ShippedTableDefinitions.named(text) { return shipped }
        guard let data = FileManager.default.contents(atPath: text) else {
            throw TableCheckError(reason: "«\(text)» er verken en definisjon som følger med (\(ShippedTableDefinitions.all.map(\.name).joined(separator: ", "))) eller en fil som kan leses")
        }
        return try TableCheckRun.definition(json: data, fileName: text)
    }

    /// The six-column check of Styr's own tables (`--kind`).
    func checkLegacy(kind: PublishedTableKind) throws {
        guard files.count == 1, let file = files.first else {
            printError("--kind kontrollerer én fil om gangen.")
            throw ExitCode(2)
        }
        let report: PublishedTableReport
        guard FileManager.default.fileExists(atPath: file) else {
            printError("\(file): filen finnes ikke.")
            throw ExitCode(2)
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let text = PublishedTableCheck.decode(data)
            report = try PublishedTableCheck.check(text: text, kind: kind, tolerance: Int64((tolerance ?? 0).rounded(.down)))
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
