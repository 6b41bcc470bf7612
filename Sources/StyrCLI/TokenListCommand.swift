import ArgumentParser
import Foundation
import StyrDomain

/// `styr token list --email …`: a user's API tokens with their expiry and last use.
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Viser en brukers API-nøkler: id, navn, laget, utløper og sist brukt.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "E-postadressen til brukeren.")
    var email: String

    func run() async throws {
        let email = email
        let tokens = try await databaseOptions.withContext { context in try await context.services.accounts.tokens(of: email) }
        if tokens.isEmpty {
            print("\(email) har ingen API-nøkler. Lag en med «styr token create --email \(email)».")
            return
        }
        let now = Date()
        for token in tokens {
            let expiry = token.expiresAt.map { (token.isExpired(at: now) ? "utløpt " : "utløper ") + Self.time($0) } ?? "utløper ikke"
            let used = token.lastUsedAt.map { "sist brukt " + Self.time($0) } ?? "aldri brukt"
            print("\(token.id)  \(token.name)  laget \(Self.time(token.createdAt))  \(expiry)  \(used)")
        }
    }

    static func time(_ date: Date) -> String { OsloTime.format(date) }
}
