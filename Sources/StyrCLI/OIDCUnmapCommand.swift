import ArgumentParser
import StyrServices

/// `styr oidc unmap --id N`: removes a stored group mapping (numbers from `styr oidc list`).
struct OIDCUnmapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmap", abstract: "Fjerner en gruppekobling (nummeret fra «styr oidc list»).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Koblingens nummer, fra «styr oidc list».")
    var id: Int64

    func run() async throws {
        let id = id
        let removed = try await databaseOptions.withContext { context in
            let user = try await context.services.organisations.commandLineUser()
            return try await context.services.oidcGroupMappings.remove(id, by: user)
        }
        print("Fjernet koblingen fra gruppen «\(removed.group)» til \(removed.assignment.role.norwegianName) i \(removed.assignment.organisationCode).")
    }
}
