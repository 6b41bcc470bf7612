import ArgumentParser
import Foundation
import StyrDomain
import StyrStorage

/// `styr import profile --name N --file profile.json` saves a profile; without `--file` it prints it.
struct ImportProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Lagrer eller viser en importprofil (kolonnenavn, skilletegn, kontoregel og unntak).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Profilens navn.")
    var name: String?

    @Option(help: "JSON-fil med profilen; uten denne skrives profilen (eller listen over profiler) ut.")
    var file: String?

    func run() async throws {
        let (name, file) = (name, file)
        try await databaseOptions.withMigratedDatabase { database in
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Kan ikke lese «\(file)».") }
                var profile: ImportProfile
                do { profile = try JSONDecoder().decode(ImportProfile.self, from: data) } catch {
                    throw CLIError("«\(file)» er ikke en gyldig importprofil (JSON): \(error)")
                }
                if let name { profile.name = name }
                let toSave = profile
                try await database.transaction { db in try await SQLImportProfileStore(db, actor: "system:cli").save(toSave) }
                say("Importprofilen «\(profile.name)» er lagret.")
            } else if let name {
                guard let profile = try await database.withConnection({ db in try await SQLImportProfileStore(db).profile(named: name) }) else {
                    throw CLIError("Det finnes ingen importprofil «\(name)».")
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                say(String(decoding: try encoder.encode(profile), as: UTF8.self))
            } else {
                let profiles = try await database.withConnection { db in try await SQLImportProfileStore(db).profiles() }
                say(profiles.isEmpty ? "Ingen importprofiler er lagret; standardprofilen brukes." : profiles.map(\.name).joined(separator: "\n"))
            }
        }
    }
}
