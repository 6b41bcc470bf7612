import Foundation
import OpenAPIRuntime
import SQLKit
import StyrDomain
import StyrServices
import StyrStorage

/// The JSON API: each operation of `openapi.yaml` checks role and scope, then reads or writes
/// through the same repositories and rules as the pages. Errors are thrown as `APIProblem` and
/// answered as problem details by the web layer.
struct StyrAPIHandler: APIProtocol {
    let database: Database
    /// The use cases; operations being moved onto them call these instead of the database.
    let services: Services
    /// How soon after detection a serious incident must reach the department.
    let notificationLimit: NotificationLimit
    let forecastThreshold: ForecastThreshold

    init(database: Database, services: Services, notificationLimit: NotificationLimit = .standard, forecastThreshold: ForecastThreshold = .standard) {
        self.database = database
        self.services = services
        self.notificationLimit = notificationLimit
        self.forecastThreshold = forecastThreshold
    }

    // MARK: Access

    func caller() throws -> UserAccount {
        guard let user = APICaller.current else { throw APIProblem.unauthorized }
        return user
    }

    /// Refuses a year outside what Styr keeps (the document says 1900–2200).
    func validate(year: Int) throws {
        guard BudgetYears.contains(year) else { throw APIProblem.invalid("year: \(BudgetYears.outOfRangeMessage(year))") }
    }

    /// The caller, when allowed `permission` on the organisation; else 404 (unknown) or 403.
    @discardableResult
    func require(_ permission: Permission, on code: String) async throws -> UserAccount {
        let user = try caller()
        let tree = OrganisationTree(try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() })
        guard tree.contains(code) else { throw APIProblem.notFound("Det finnes ingen organisasjon med koden «\(code)».") }
        guard AccessPolicy.allows(user, permission, on: code, in: tree) else {
            throw APIProblem.forbidden("Rollene dine gir ikke tilgang til dette for «\(code)».")
        }
        return user
    }

    // MARK: Indicators

    /// A fixed-point quantity as a plain decimal string with a dot ("81.7", "-3.3").
    static func decimal(_ value: Quantity) -> String {
        let magnitude = value.milli.magnitude
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (value.milli < 0 ? "-" : "") + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
