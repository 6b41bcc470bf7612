import SQLKit
import StyrDomain

extension SQLGovernanceStore: NarrativeRepository {
    public func save(_ narrative: Narrative, position: Int) async throws {
        let organisationID = try await organisationID(narrative.organisationCode)
        let before = try await narratives(of: narrative.organisationCode, year: narrative.year).first { $0.key == narrative.key }
        try await db.insert(into: "narratives").columns("organisation_id", "year", "key", "position", "title", "body")
            .values(SQLBind(organisationID), SQLBind(Int64(narrative.year)), SQLBind(narrative.key), SQLBind(Int64(position)),
                    SQLBind(narrative.title), SQLBind(narrative.body))
            .onConflict(with: ["organisation_id", "year", "key"]) {
                $0.set(excludedValueOf: "position").set(excludedValueOf: "title").set(excludedValueOf: "body")
            }
            .run()
        try await record("narrative", "\(narrative.organisationCode)/\(narrative.year)/\(narrative.key)", before: before, after: narrative)
    }

    public func narratives(of organisationCode: String, year: Int) async throws -> [Narrative] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().columns("key", "title", "body").from("narratives")
            .where("organisation_id", .equal, organisationID).where("year", .equal, year).orderBy("position").all().map {
                Narrative(organisationCode: organisationCode, year: year, key: try $0.decode(column: "key"),
                          title: try $0.decode(column: "title"), body: try $0.decode(column: "body"))
            }
    }
}
