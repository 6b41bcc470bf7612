import ArgumentParser
import StyrDomain
import StyrServices

/// `styr oidc map-group --group … --role … --org …`: members of the group get the role in the organisation.
struct OIDCMapGroupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map-group", abstract: "Kobler en gruppe i gruppekravet til en rolle i en organisasjon.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Gruppen slik identitetstjenesten sender den (f.eks. gruppens objekt-ID i Entra ID).")
    var group: String

    @Option(help: "Rolle: admin, etatsstyrer, redaktør, etatsleder eller revisor.")
    var role: String

    @Option(help: "Organisasjonskoden rollen gjelder for (med alt under).")
    var org: String

    func validate() throws {
        guard Role(name: role) != nil else {
            throw ValidationError("Ukjent rolle «\(role)». Bruk admin, etatsstyrer, redaktør, etatsleder eller revisor.")
        }
    }

    func run() async throws {
        let draft = OIDCGroupMappingDraft(group: group, role: Role(name: role), organisationCode: org)
        let stored = try await databaseOptions.withContext { context in
            let user = try await context.services.organisations.commandLineUser()
            return try await context.services.oidcGroupMappings.add(draft, by: user)
        }
        print("Koblet gruppen «\(stored.group)» til rollen \(stored.assignment.role.norwegianName) i \(stored.assignment.organisationCode) (nummer \(stored.id)).")
    }
}
