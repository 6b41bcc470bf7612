import ArgumentParser

/// `styr token create --email …`: a personal API token, printed once.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Personlige API-nøkler.", subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenCalendarCommand.self])
}

struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Lager en personlig API-nøkkel for en bruker (Authorization: Bearer …).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "E-postadressen til brukeren nøkkelen gjelder for.")
    var email: String

    @Option(help: "Et navn som sier hva nøkkelen brukes til.")
    var name: String = "API-nøkkel"

    @Option(help: "Hvor mange dager nøkkelen virker (1–366, standard 90).")
    var days: Int?

    @Flag(help: "Skriv bare nøkkelen (for skript).")
    var quiet = false

    func run() async throws {
        let (email, name, days) = (email, name, days)
        let token = try await databaseOptions.withContext { context in
            try await context.services.accounts.createToken(for: email, name: name, days: days)
        }
        if quiet {
            print(token)
        } else {
            print("API-nøkkel for \(email) (vises bare nå; bruk «Authorization: Bearer <nøkkel>»):")
            print(token)
        }
    }
}
