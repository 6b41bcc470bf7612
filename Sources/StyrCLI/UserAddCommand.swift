import ArgumentParser
import StyrDomain
import StyrServices

/// `styr user add --email … --role … --org …`: creates a user (or gives an existing one a role).
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Oppretter en bruker med en rolle i en organisasjon (eller gir en bruker en ny rolle).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "E-postadressen brukeren logger inn med.")
    var email: String

    @Option(help: "Navnet som vises (standard: e-postadressen for en ny bruker; en eksisterende beholder sitt).")
    var name: String?

    @Option(help: "Rolle: admin, etatsstyrer, redaktør, etatsleder eller revisor.")
    var role: String

    @Option(help: "Organisasjonskoden rollen gjelder for (med alt under).")
    var org: String

    @Flag(help: "Les passordet fra standard inn; ellers lages et tilfeldig passord som skrives ut.")
    var passwordStdin = false

    func validate() throws {
        guard Role(name: role) != nil else {
            throw ValidationError("Ukjent rolle «\(role)». Bruk admin, etatsstyrer, redaktør, etatsleder eller revisor.")
        }
    }

    func run() async throws {
        let password = passwordStdin ? try readPasswordFromStandardInput() : AccountRules.randomPassword()
        let role = Role(name: role)!
        let (email, name, assignment) = (email, name, RoleAssignment(role: role, organisationCode: org))
        let isNew = try await databaseOptions.withContext { context in
            do {
                return try await context.services.accounts.add(email: email, name: name, roles: [assignment], password: password)
            } catch ServiceError.unknownOrganisation(let code) {
                throw CLIError(
                    "Det finnes ingen organisasjon med koden «\(code)». Opprett den først, f.eks. «styr organisation add --code \(code) --name \"Navn kommune\"», og prøv igjen.",
                    exitCode: 3)
            }
        }
        print("\(isNew ? "Opprettet" : "Oppdaterte") \(email) med rollen \(role.norwegianName) i \(org).")
        if isNew && !passwordStdin { print("Passord (vises bare nå): \(password)") }
    }
}
