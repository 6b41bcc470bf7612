import ArgumentParser
import StyrDomain
import StyrServices

/// `styr audit log`: the entries, newest last, optionally for one entity.
struct AuditLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Viser oppføringene i revisjonsloggen.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Bare denne typen objekt, f.eks. organisation, indicatorValue, budgetAmount.")
    var entityType: String?

    @Option(help: "Bare objektet med denne nøkkelen, f.eks. UKE eller UKE/elektroniske-lonnsslipper/2020.")
    var entityKey: String?

    @Option(help: "De siste N oppføringene.")
    var limit: Int = 50

    @Flag(help: "Vis verdiene før og etter (JSON).")
    var values = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit må være et positivt tall.") }
    }

    func run() async throws {
        let (entityType, entityKey, limit) = (entityType, entityKey, limit)
        let entries = try await databaseOptions.withContext { context in
            let services = context.services
            return try await services.history.log(
                entityType: entityType, entityKey: entityKey, limit: limit, by: try await services.organisations.commandLineUser())
        }
        guard !entries.isEmpty else {
            print("Ingen oppføringer i revisjonsloggen\(entityType == nil && entityKey == nil ? "" : " for dette utvalget").")
            return
        }
        for entry in entries {
            print("\(entry.sequence)\t\(entry.occurredAt)\t\(entry.actor)\t\(entry.action.norwegianName)\t\(entry.entityType)\t\(entry.entityKey)")
            if values {
                print("\tfør:   \(entry.before ?? "–")")
                print("\tetter: \(entry.after ?? "–")")
            }
        }
    }
}
