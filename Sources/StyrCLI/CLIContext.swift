import Foundation
import StyrDomain
import StyrServices
import StyrStorage

/// The command line's composition root: the database opened and migrated, the storage over it, and
/// the use cases. Commands call the services and only translate arguments and output.
struct CLIContext: Sendable {
    let database: Database
    let services: Services
}

extension DatabaseOptions {
    /// Opens and migrates the database and runs `body` with the services over it.
    func withContext<T: Sendable>(bcryptCost: UInt8 = 12, _ body: @Sendable (CLIContext) async throws -> T) async throws -> T {
        try await withMigratedDatabase { database in
            try await body(CLIContext(database: database, services: Services(storage: SQLStorage(database, bcryptCost: bcryptCost))))
        }
    }
}

extension ServiceError {
    /// The command line's one mapping of a refusal: the message, and exit code 1 (2 when nobody
    /// may do it, 3 when it is not there).
    var cliError: CLIError {
        switch self {
        case .invalid(let errors): CLIError(errors.entries.map(\.message).joined(separator: "\n"))
        case .forbidden, .unauthenticated: CLIError(message, exitCode: 2)
        case .notFound, .unknownOrganisation, .notAnAgency: CLIError(message, exitCode: 3)
        case .importClash(let clash):
            CLIError("\(clash)\(clash.isReplaceable ? " Bruk --replace for å bytte den ut." : "")")
        case .badRequest: CLIError(message)
        }
    }
}
