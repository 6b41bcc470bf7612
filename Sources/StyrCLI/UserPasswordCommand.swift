import ArgumentParser
import StyrDomain

/// `styr user password --email …`: sets a new password and ends the user's sessions.
struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Setter nytt passord for en bruker og logger brukeren ut overalt.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "E-postadressen til brukeren.")
    var email: String

    @Flag(help: "Les passordet fra standard inn; ellers lages et tilfeldig passord som skrives ut.")
    var passwordStdin = false

    func run() async throws {
        let password = passwordStdin ? try readPasswordFromStandardInput() : AccountRules.randomPassword()
        let email = email
        try await databaseOptions.withContext { context in try await context.services.accounts.setPassword(email: email, password: password) }
        print("Nytt passord er satt for \(email).")
        if !passwordStdin { print("Passord (vises bare nå): \(password)") }
    }
}
