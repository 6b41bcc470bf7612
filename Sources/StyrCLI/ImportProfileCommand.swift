import ArgumentParser
import Foundation
import StyrDomain
import StyrServices

/// `styr import profile --name N --file profile.json` saves a profile; without `--file` it prints
/// it (or, without `--name`, lists them). Through `LedgerImportService`, which refuses a profile
/// that cannot be used.
struct ImportProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Lagrer eller viser en importprofil (kolonnenavn, skilletegn, kontoregel og unntak).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Profilens navn.")
    var name: String?

    @Option(help: "JSON-fil med profilen (linjer som starter med // er kommentarer); uten denne skrives profilen (eller listen over profiler) ut.")
    var file: String?

    @Flag(help: "Skriv ut standardprofilen som et kommentert eksempel med alle nøkler (til å lagre, endre og lese inn med --file).")
    var template = false

    func run() async throws {
        if template {
            say(ImportProfileTemplate.text)
            return
        }
        let (name, file) = (name, file)
        try await databaseOptions.withContext { context in
            let (imports, user) = (context.services.ledgerImport, try await context.services.organisations.commandLineUser())
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Kan ikke lese «\(file)».") }
                var profile: ImportProfile
                do { profile = try ImportProfile.decode(commented: data) } catch {
                    throw CLIError("«\(file)» er ikke en gyldig importprofil (JSON): \(error)")
                }
                if let name { profile.name = name }
                try await imports.saveProfile(profile, by: user)
                say("Importprofilen «\(profile.name)» er lagret.")
            } else if let name {
                let profile = try await imports.profile(named: name, by: user)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                say(String(decoding: try encoder.encode(profile), as: UTF8.self))
            } else {
                let profiles = try await imports.profiles(by: user)
                say(profiles.isEmpty ? "Ingen importprofiler er lagret; standardprofilen brukes." : profiles.map(\.name).joined(separator: "\n"))
            }
        }
    }
}
