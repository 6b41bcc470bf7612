public import OpenAPIRuntime
public import StyrStorage
import Foundation

/// Registers the API's generated routes under `/api/v1` on a transport (the Hummingbird router).
public func registerStyrAPI(on transport: any ServerTransport, database: Database) throws {
    try StyrAPIHandler(database: database).registerHandlers(on: transport, serverURL: URL(string: "/api/v1")!)
}
