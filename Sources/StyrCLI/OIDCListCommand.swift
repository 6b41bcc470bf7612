import ArgumentParser
import StyrServices

/// `styr oidc list`: the group mappings stored in the database (number, group, role, organisation).
struct OIDCListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Viser gruppekoblingene i databasen: nummer, gruppe, rolle og organisasjon.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let listing = try await databaseOptions.withContext { context in
            let user = try await context.services.organisations.commandLineUser()
            return try await context.services.oidcGroupMappings.list(by: user)
        }
        if listing.mappings.isEmpty {
            print("Ingen gruppekoblinger. Legg til en med «styr oidc map-group --group GRUPPE --role revisor --org KODE», eller på /admin/innlogging/grupper.")
            return
        }
        for stored in listing.mappings {
            print("\(stored.id)  \(stored.group)  \(stored.assignment.role.norwegianName)  \(stored.assignment.organisationCode)")
        }
    }
}
