public import OpenAPIRuntime
public import StyrDomain
public import StyrServices
public import StyrStorage
import Foundation

/// Registers the API's generated routes under `/api/v1` on a transport (the Hummingbird router).
/// `notificationLimit` is how soon after detection a serious incident must be notified; the
/// notices and the governance log flag incidents notified later.
/// `forecastThreshold` is the deviation of a forecast that needs an explanation.
public func registerStyrAPI(
    on transport: any ServerTransport, database: Database, services: Services, notificationLimit: NotificationLimit = .standard,
    forecastThreshold: ForecastThreshold = .standard
) throws {
    try StyrAPIHandler(database: database, services: services, notificationLimit: notificationLimit, forecastThreshold: forecastThreshold)
        .registerHandlers(on: transport, serverURL: URL(string: "/api/v1")!)
}
