import SQLKit
import StyrDomain

extension SQLGovernanceStore: MissionRepository {
    public func save(_ missionStatement: MissionStatement) async throws {
        let ownerID = try await organisationID(missionStatement.organisationCode)
        let fixedByID = try await organisationID(missionStatement.fixedByCode)
        let existing = try await db.select().column("id").from("mission_statements")
            .where("organisation_id", .equal, ownerID).where("version", .equal, missionStatement.version).first()
        guard existing == nil else {
            throw StorageError.invalid(
                "Samfunnsoppdraget til «\(missionStatement.organisationCode)» har allerede versjon \(missionStatement.version); en fastsatt versjon endres ikke, lag en ny.")
        }
        let id = try await insertReturningID(
            db.insert(into: "mission_statements").columns("organisation_id", "version", "title", "fixed_on", "fixed_by_id")
                .values(SQLBind(ownerID), SQLBind(Int64(missionStatement.version)), SQLBind(missionStatement.title),
                        SQLBind(missionStatement.fixedOn.iso), SQLBind(fixedByID)))
        for (position, section) in missionStatement.sections.enumerated() {
            try await db.insert(into: "mission_sections").columns("mission_statement_id", "position", "number", "heading", "body")
                .values(SQLBind(id), SQLBind(Int64(position)), SQLBind(section.number), SQLBind(section.heading), SQLBind(section.body))
                .run()
        }
        for (position, task) in missionStatement.coreTasks.enumerated() {
            try await db.insert(into: "core_tasks").columns("mission_statement_id", "position", "letter", "title", "description")
                .values(SQLBind(id), SQLBind(Int64(position)), SQLBind(task.letter), SQLBind(task.title), SQLBind(task.description))
                .run()
        }
        for (position, authority) in missionStatement.authorities.enumerated() {
            try await db.insert(into: "authorities").columns("mission_statement_id", "position", "description", "legal_basis")
                .values(SQLBind(id), SQLBind(Int64(position)), SQLBind(authority.description), SQLBind(authority.legalBasis))
                .run()
        }
        for (position, source) in missionStatement.fundingSources.enumerated() {
            try await db.insert(into: "funding_sources").columns("mission_statement_id", "position", "kind", "description")
                .values(SQLBind(id), SQLBind(Int64(position)), SQLBind(source.kind.rawValue), SQLBind(source.description))
                .run()
        }
        for (list, items) in [("target_group", missionStatement.targetGroups), ("revision_trigger", missionStatement.revisionTriggers)] {
            for (position, text) in items.enumerated() {
                try await db.insert(into: "mission_list_items").columns("mission_statement_id", "list", "position", "text")
                    .values(SQLBind(id), SQLBind(list), SQLBind(Int64(position)), SQLBind(text))
                    .run()
            }
        }
        if let cause = missionStatement.revisionCause {
            try await db.insert(into: "mission_revision_causes").columns("mission_statement_id", "revision_trigger", "description")
                .values(SQLBind(id), SQLBind(cause.trigger.rawValue), SQLBind(cause.text)).run()
        }
        try await record(
            "missionStatement", "\(missionStatement.organisationCode)/v\(missionStatement.version)",
            before: MissionStatement?.none, after: missionStatement)
    }

    public func missionStatements(of organisationCode: String) async throws -> [MissionStatement] {
        let organisationID = try await organisationID(organisationCode)
        let headers = try await db.raw("""
            SELECT m.id, m.version, m.title, m.fixed_on, f.code AS fixed_by
            FROM mission_statements m JOIN organisations f ON f.id = m.fixed_by_id
            WHERE m.organisation_id = \(bind: organisationID) ORDER BY m.version
            """).all()
        var result: [MissionStatement] = []
        for header in headers {
            let id = try header.decode(column: "id", as: Int64.self)
            let fixedOnText = try header.decode(column: "fixed_on", as: String.self)
            guard let fixedOn = CalendarDate(fixedOnText) else { throw StorageError.invalid("Ugyldig dato «\(fixedOnText)».") }
            func rows(_ table: String, _ columns: [String]) async throws -> [any SQLRow] {
                try await db.select().columns(columns.map { SQLIdentifier($0) }).from(table)
                    .where("mission_statement_id", .equal, id).orderBy("position").all()
            }
            let sections = try await rows("mission_sections", ["number", "heading", "body"]).map {
                MissionSection(number: try $0.decode(column: "number"), heading: try $0.decode(column: "heading"), body: try $0.decode(column: "body"))
            }
            let tasks = try await rows("core_tasks", ["letter", "title", "description"]).map {
                CoreTask(letter: try $0.decode(column: "letter"), title: try $0.decode(column: "title"), description: try $0.decode(column: "description"))
            }
            let authorities = try await rows("authorities", ["description", "legal_basis"]).map {
                Authority(description: try $0.decode(column: "description"), legalBasis: try $0.decodeOptional("legal_basis"))
            }
            let funding = try await rows("funding_sources", ["kind", "description"]).map { row in
                let kind = try row.decode(column: "kind", as: String.self)
                guard let fundingKind = FundingKind(rawValue: kind) else { throw StorageError.invalid("Ukjent finansieringstype «\(kind)».") }
                return FundingSource(kind: fundingKind, description: try row.decode(column: "description"))
            }
            let cause = try await db.select().columns("revision_trigger", "description").from("mission_revision_causes")
                .where("mission_statement_id", .equal, id).first().map { row in
                    RevisionCause(trigger: try enumValue(row, "revision_trigger"), text: try row.decode(column: "description"))
                }
            let items = try await rows("mission_list_items", ["list", "text"])
            func list(_ name: String) throws -> [String] {
                try items.filter { try $0.decode(column: "list", as: String.self) == name }.map { try $0.decode(column: "text") }
            }
            result.append(MissionStatement(
                organisationCode: organisationCode, version: Int(try header.decode(column: "version", as: Int64.self)),
                title: try header.decode(column: "title"), fixedOn: fixedOn, fixedByCode: try header.decode(column: "fixed_by"),
                sections: sections, coreTasks: tasks, targetGroups: try list("target_group"), authorities: authorities,
                fundingSources: funding, revisionTriggers: try list("revision_trigger"), revisionCause: cause
            ))
        }
        return result
    }

    // MARK: Drafts

    public func missionDraft(of organisationCode: String) async throws -> MissionDraft? {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("mission_drafts").where("organisation_id", .equal, organisationID)
            .first().map { try decodeStoredJSON(MissionDraft.self, from: try $0.decode(column: "document", as: String.self)) }
    }

    public func save(_ draft: MissionDraft) async throws {
        let organisationID = try await organisationID(draft.organisationCode)
        let before = try await missionDraft(of: draft.organisationCode)
        try await db.insert(into: "mission_drafts").columns("organisation_id", "document")
            .values(SQLBind(organisationID), SQLBind(try storedJSON(draft)))
            .onConflict(with: ["organisation_id"]) { $0.set(excludedValueOf: "document") }
            .run()
        try await record("missionDraft", draft.organisationCode, before: before, after: draft)
    }

    public func deleteMissionDraft(of organisationCode: String) async throws {
        let organisationID = try await organisationID(organisationCode)
        guard let before = try await missionDraft(of: organisationCode) else { return }
        try await db.delete(from: "mission_drafts").where("organisation_id", .equal, organisationID).run()
        try await record("missionDraft", organisationCode, before: before, after: MissionDraft?.none)
    }
}
