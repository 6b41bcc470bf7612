import ArgumentParser
import Foundation
import StyrDomain
import StyrLedgerFormats

/// `styr codes import FILE --year Y [--list art|funksjon]`: loads SSB's KLASS export (CSV with
/// `code`, `name`, `validFrom`, `validTo`) as the year's list of arts or funksjoner; every import
/// of a file of that year is then checked against it.
struct CodesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Laster inn et års KOSTRA-arter eller -funksjoner fra SSBs KLASS-eksport (CSV med code, name, validFrom, validTo).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Argument(help: "CSV-filen fra KLASS.")
    var file: String

    @Option(help: "Regnskapsåret listen gjelder (kodene med validFrom–validTo i året tas med).")
    var year: Int

    @Option(help: "art eller funksjon; uten: etter filnavnet (…art… eller …funksjon…).")
    var list: String?

    func validate() throws {
        guard BudgetYears.contains(year) else { throw ValidationError(BudgetYears.outOfRangeMessage(year)) }
        if let list, KostraListKind(text: list) == nil { throw ValidationError("--list må være art eller funksjon.") }
    }

    /// The kind named by `--list`, or by the file's name.
    static func kind(list: String?, file: String) -> KostraListKind? {
        if let list { return KostraListKind(text: list) }
        let name = URL(fileURLWithPath: file).lastPathComponent.lowercased()
        if name.contains("funksjon") || name.contains("function") { return .functions }
        if name.contains("art") { return .arts }
        return nil
    }

    func run() async throws {
        guard let kind = Self.kind(list: list, file: file) else {
            throw CLIError("Filnavnet sier ikke om listen er arter eller funksjoner: bruk --list art eller --list funksjon.")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Kan ikke lese filen «\(file)».") }
        let entries: [KostraCodeEntry]
        do { entries = try KlassCodeListReader.read(Array(data)) } catch let failure as KlassCodeListReader.Failure {
            throw CLIError("«\(file)», \(failure.description). Ingenting er lagret.")
        }
        let year = year
        let stored = try await databaseOptions.withContext { context in
            try await context.services.kostraCodeLists.importList(
                entries, kind: kind, year: year, by: try await context.services.organisations.commandLineUser())
        }
        say("KOSTRA-\(kind.norwegianName) for \(year): \(stored.codes.count) koder lagret (av \(entries.count) i filen; de andre gjelder ikke i \(year) eller er grupper).")
    }
}
