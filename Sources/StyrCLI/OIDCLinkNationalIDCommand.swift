import ArgumentParser
import StyrOIDC
import StyrServices

/// `styr oidc link-pid --email …` (the number on standard input): pre-registers a user for
/// ID-porten by national identity number; only its hash is stored.
struct OIDCLinkNationalIDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link-pid",
        abstract: "Knytter en bruker til fødselsnummeret ID-porten sender (pid); leses fra standard inn, lagres bare som hash.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "E-postadressen til brukeren (som finnes fra før).")
    var email: String

    func run() async throws {
        guard let line = readLine(strippingNewline: true), let hash = NationalIDHash.hash(line) else {
            throw CLIError("Fikk ikke et fødselsnummer med 11 sifre på standard inn.")
        }
        let email = email
        try await databaseOptions.withContext { context in
            let user = try await context.services.organisations.commandLineUser()
            try await context.services.nationalIDLinks.link(nationalIDHash: hash, to: email, by: user)
        }
        print("\(email) kan nå logge inn med ID-porten; fødselsnummeret er lagret bare som hash.")
    }
}
