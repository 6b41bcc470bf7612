public import OpenAPIRuntime
public import StyrServices
import Foundation

/// Registers the API's generated routes under `/api/v1` on a transport (the Hummingbird router).
/// The services carry the configuration (the incident notification limit, the forecast threshold).
public func registerStyrAPI(on transport: any ServerTransport, services: Services) throws {
    try StyrAPIHandler(services: services).registerHandlers(on: transport, serverURL: URL(string: "/api/v1")!)
}
