import Foundation
@testable import StyrCLI
import SQLKit
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `styr audit anchor` and `styr audit verify --anchor`: deleted newest entries, which the chain
/// alone cannot show, and a forged anchor are each found, with exit code 1.
@Suite("styr audit anchor")
struct AuditAnchorCLITests {
    @Test("an anchor finds deleted newest entries and refuses a forged anchor", arguments: TestDatabase.backends)
    func anchorFindsDeletedNewestEntries(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            let key = try CLITests.temporaryFile("anchor.key"), anchor = try CLITests.temporaryFile("anchor.json")
            let forged = try CLITests.temporaryFile("forged.json")
            defer { for path in [key, key + ".pub", anchor, forged] { try? FileManager.default.removeItem(atPath: path) } }
            try await CLITests.run(["demo", "--database", database])
            // Without a key and without --generate-key: refused.
            #expect(await CLITests.exitCode(["audit", "anchor", "--key", key, "--out", anchor, "--database", database]) == -1)
            try await CLITests.run(["audit", "anchor", "--key", key, "--out", anchor, "--generate-key", "--database", database])
            #expect(FileManager.default.fileExists(atPath: key + ".pub"))
            let verify = ["audit", "verify", "--anchor", anchor, "--public-key", key + ".pub", "--database", database]
            #expect(await CLITests.exitCode(verify) == 0)

            // A forged anchor (its sequence number moved back) does not carry a valid signature.
            var altered = try JSONDecoder().decode(AuditAnchor.self, from: Data(contentsOf: URL(fileURLWithPath: anchor)))
            altered.sequence -= 2
            try JSONEncoder().encode(altered).write(to: URL(fileURLWithPath: forged))
            #expect(await CLITests.exitCode(["audit", "verify", "--anchor", forged, "--public-key", key + ".pub", "--database", database]) == 1)
            // Another key's public half does not accept the real anchor either.
            let other = try CLITests.temporaryFile("other.pub", contents: AuditAnchorSigner.generateKey().publicKey)
            defer { try? FileManager.default.removeItem(atPath: other) }
            #expect(await CLITests.exitCode(["audit", "verify", "--anchor", anchor, "--public-key", other, "--database", database]) == 1)

            // The two newest entries deleted with SQL: the chain alone still holds, the anchor does not.
            let url = try DatabaseURL(parsing: database)
            let expected = altered.sequence + 2
            let (head, verification) = try await Database.withDatabase(url) { db in
                try await db.withConnection { sql in
                    try await sql.raw("DELETE FROM audit_log WHERE sequence > \(bind: expected - 2)").run()
                }
                let history = Services(storage: SQLStorage(db, bcryptCost: 4)).history
                let user = try await Services(storage: SQLStorage(db, bcryptCost: 4)).organisations.commandLineUser()
                return (try await history.head(by: user)?.sequence,
                        try await history.verify(against: try JSONDecoder().decode(AuditAnchor.self, from: Data(contentsOf: URL(fileURLWithPath: anchor))), by: user))
            }
            #expect(head == expected - 2)
            #expect(await CLITests.exitCode(["audit", "verify", "--database", database]) == 0)
            #expect(await CLITests.exitCode(verify) == 1)
            #expect(verification == .broken(
                sequence: expected - 1,
                reason: "Oppføringene \(expected - 1)–\(expected) er slettet: ankeret tatt \(altered.anchoredAt) viser oppføring \(expected) som den nyeste, men loggen slutter ved oppføring \(expected - 2)."))
        }
    }
}
