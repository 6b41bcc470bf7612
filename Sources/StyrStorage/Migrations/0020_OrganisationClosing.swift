import SQLKit

/// The day an organisation was closed (`Organisation.closedOn`); empty for an open one.
struct AddOrganisationClosing: Migration {
    let name = "0020_organisation_closing"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE organisations ADD COLUMN closed_on TEXT").run()
    }
}
