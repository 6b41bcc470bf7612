import ArgumentParser

/// `styr token calendar --email …`: a new secret for the user's calendar feed; the old one stops working.
struct TokenCalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Fornyer nøkkelen i en brukers kalenderadresse (/kalender/<nøkkel>.ics).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "E-postadressen til brukeren.")
    var email: String

    @Flag(help: "Skriv bare nøkkelen (for skript).")
    var quiet = false

    func run() async throws {
        let email = email
        let token = try await databaseOptions.withContext { context in try await context.services.accounts.renewCalendarToken(forEmail: email) }
        if quiet {
            print(token)
        } else {
            print("Kalenderadresse for \(email) (vises bare nå; en tidligere adresse virker ikke lenger):")
            print("/kalender/\(token).ics")
        }
    }
}
