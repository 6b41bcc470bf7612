import Foundation
import SQLKit

/// API tokens get an expiry and a last-used time. Tokens made before have none: they get 90 days
/// from the migration.
struct AddAPITokenExpiry: Migration {
    let name = "0047_api_token_expiry"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "api_tokens").column("expires_at", type: .text).run()
        try await db.alter(table: "api_tokens").column("last_used_at", type: .text).run()
        let expiry = SQLAccountStore.timestamp(Date().addingTimeInterval(90 * 24 * 3600))
        try await db.update("api_tokens").set("expires_at", to: expiry).where("expires_at", .is, SQLLiteral.null).run()
    }
}
