import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport

/// A fresh demo database behind the services, with the demo users by e-mail.
enum ServiceTestApp {
    static let finSteerer = "etatsstyrer@fin.styr.demo", blkSteerer = "etatsstyrer@blk.styr.demo"
    static let editor = "redaktor@uke.styr.demo", auditor = "revisor@styr.demo"

    static func run(
        _ backend: TestDatabase, _ test: @Sendable @escaping (Services, [String: UserAccount]) async throws -> Void
    ) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: 4)
            let users = Dictionary(uniqueKeysWithValues: credentials.map { ($0.user.email, $0.user) })
            try await test(Services(storage: SQLStorage(database, bcryptCost: 4)), users)
        }
    }
}
