import Foundation
@testable import StyrCLI
import SQLKit
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `styr user …` and `styr token …` through the account service: effects, and refusals as one
/// Norwegian message with the exit code of their kind.
@Suite("styr user and token")
struct AccountCLITests {
    static func withDatabase<T: Sendable>(_ url: String, _ body: @Sendable (Database) async throws -> T) async throws -> T {
        try await Database.withDatabase(try DatabaseURL(parsing: url)) { database in try await body(database) }
    }

    static func count(_ table: String, _ url: String) async throws -> Int {
        try await withDatabase(url) { database in
            try await database.withConnection { db in
                try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? 0
            }
        }
    }

    /// The refusal a command ends with, as `runMain` maps it.
    static func refusal(_ arguments: [String]) async -> CLIError? {
        do {
            try await CLITests.run(arguments)
            return nil
        } catch let error as ServiceError {
            return error.cliError
        } catch let error as CLIError {
            return error
        } catch {
            return CLIError("\(error)", exitCode: -1)
        }
    }

    @Test("user add, user password, token create and token calendar", arguments: TestDatabase.backends)
    func accounts(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            try await CLITests.run(["demo", "--database", database])
            try await CLITests.run(["user", "add", "--email", "Ny@Styr.demo", "--name", "Nina Ny", "--role", "revisor", "--org", "UKE",
                                    "--database", database])
            try await CLITests.run(["user", "add", "--email", "ny@styr.demo", "--role", "redaktør", "--org", "UKE", "--database", database])
            let users = try await Self.withDatabase(database) { database in try await Services(storage: SQLStorage(database)).accounts.users() }
            let user = try #require(users.first { $0.email == "ny@styr.demo" })
            #expect(user.name == "Nina Ny", "a second role keeps the name")
            #expect(user.assignments.map(\.role) == [.auditor, .agencyEditor])

            try await CLITests.run(["token", "create", "--email", "ny@styr.demo", "--quiet", "--database", database])
            #expect(try await Self.count("api_tokens", database) == 1)
            try await CLITests.run(["token", "calendar", "--email", "ny@styr.demo", "--quiet", "--database", database])
            #expect(try await Self.count("calendar_tokens", database) == 1)
            try await CLITests.run(["user", "password", "--email", "ny@styr.demo", "--database", database])
            #expect(try await Self.count("api_tokens", database) == 0, "a new password revokes the API tokens")

            let unknownOrganisation = await Self.refusal(
                ["user", "add", "--email", "ny@styr.demo", "--role", "revisor", "--org", "XYZ", "--database", database])
            // The refusal names the code and the command that creates it.
            #expect(unknownOrganisation?.message.hasPrefix("Det finnes ingen organisasjon med koden «XYZ». Opprett den først") == true
                    && unknownOrganisation?.message.contains("styr organisation add --code XYZ") == true && unknownOrganisation?.exitCode == 3)
            let unknownUser = await Self.refusal(["user", "password", "--email", "ingen@styr.demo", "--database", database])
            #expect(unknownUser?.message == "Det finnes ingen bruker med e-postadressen «ingen@styr.demo»." && unknownUser?.exitCode == 3)
            let badAddress = await Self.refusal(["token", "create", "--email", "ikke-en-adresse", "--database", database])
            #expect(badAddress?.message == "«ikke-en-adresse» er ikke en gyldig e-postadresse." && badAddress?.exitCode == 1)
            let noCalendar = await Self.refusal(["token", "calendar", "--email", "ingen@styr.demo", "--database", database])
            #expect(noCalendar?.exitCode == 3)
        }
    }
}
