import Foundation
import SQLKit
import StyrDomain

extension SQLGovernanceStore: OrganisationRepository {
    public func organisations() async throws -> [Organisation] {
        try await db.raw("""
            SELECT o.code, o.name, o.kind, o.closed_on, p.code AS parent_code
            FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id
            ORDER BY o.id
            """).all().map(Self.organisation)
    }

    /// Two recursive walks from the codes, up by parent and down by the `organisations_parent`
    /// index (migration 0027), each row carried whole so nothing joins the whole table again; a
    /// parent's code is found within the family (every member's parent is a member, or none).
    /// The same SQL on SQLite and PostgreSQL.
    public func organisationFamily(of codes: [String]) async throws -> [Organisation] {
        guard !codes.isEmpty else { return [] }
        return try await db.raw("""
            WITH RECURSIVE
              up(id, parent_id, code, name, kind, closed_on) AS (
                SELECT id, parent_id, code, name, kind, closed_on FROM organisations WHERE code IN (\(binds: codes))
                UNION SELECT o.id, o.parent_id, o.code, o.name, o.kind, o.closed_on FROM organisations o JOIN up ON o.id = up.parent_id),
              down(id, parent_id, code, name, kind, closed_on) AS (
                SELECT id, parent_id, code, name, kind, closed_on FROM organisations WHERE code IN (\(binds: codes))
                UNION SELECT o.id, o.parent_id, o.code, o.name, o.kind, o.closed_on FROM organisations o JOIN down ON o.parent_id = down.id),
              family(id, parent_id, code, name, kind, closed_on) AS (SELECT * FROM up UNION SELECT * FROM down)
            SELECT f.code, f.name, f.kind, f.closed_on, p.code AS parent_code
            FROM family f LEFT JOIN family p ON p.id = f.parent_id
            ORDER BY f.id
            """).all().map(Self.organisation)
    }

    public func organisation(code: String) async throws -> Organisation? {
        try await db.raw("""
            SELECT o.code, o.name, o.kind, o.closed_on, p.code AS parent_code
            FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id
            WHERE o.code = \(bind: code)
            """).first().map(Self.organisation)
    }

    static func organisation(_ row: any SQLRow) throws -> Organisation {
        let kind = try row.decode(column: "kind", as: String.self)
        guard let organisationKind = OrganisationKind(rawValue: kind) else {
            throw StorageError.invalid("Ukjent organisasjonstype «\(kind)» i databasen.")
        }
        let closedOn: CalendarDate? = try row.decodeOptional("closed_on", as: String.self).flatMap { text in
            guard let date = CalendarDate(text) else { throw StorageError.invalid("Ugyldig dato «\(text)» for nedleggelse i databasen.") }
            return date
        }
        return Organisation(
            code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
            kind: organisationKind, parentCode: try row.decodeOptional("parent_code"), closedOn: closedOn
        )
    }

    public func save(_ organisation: Organisation) async throws {
        let code = organisation.code.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, !organisation.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StorageError.invalid("En organisasjon må ha både kode og navn.")
        }
        var parentID: Int64?
        if let parentCode = organisation.parentCode {
            guard let parent = try await self.organisation(code: parentCode) else {
                throw StorageError.notFound("overordnet organisasjon «\(parentCode)» for «\(code)»")
            }
            guard organisation.kind.allowedParents.contains(parent.kind) else {
                throw StorageError.invalid(
                    "«\(code)» (\(organisation.kind.norwegianName.lowercased())) kan ikke ligge under «\(parentCode)» (\(parent.kind.norwegianName.lowercased())).")
            }
            parentID = try await organisationID(parentCode)
        } else if organisation.kind != .municipality {
            throw StorageError.invalid("«\(code)» må ha en overordnet organisasjon; bare en kommune står øverst.")
        }
        let before = try await self.organisation(code: code)
        try await db.insert(into: "organisations").columns("code", "name", "kind", "parent_id", "closed_on")
            .values(SQLBind(code), SQLBind(organisation.name), SQLBind(organisation.kind.rawValue), SQLBind(parentID),
                    SQLBind(organisation.closedOn?.iso))
            .onConflict(with: ["code"]) {
                $0.set(excludedValueOf: "name").set(excludedValueOf: "kind").set(excludedValueOf: "parent_id").set(excludedValueOf: "closed_on")
            }
            .run()
        var after = organisation
        after.code = code
        try await record("organisation", code, before: before, after: after)
    }

    public func staffing(of organisationCode: String) async throws -> [StaffingFigure] {
        let id = try await organisationID(organisationCode)
        return try await db.select().columns("as_of", "headcount", "fte_milli", "comment").from("staffing_figures")
            .where("organisation_id", .equal, id).orderBy("as_of").all().map { row in
                let text = try row.decode(column: "as_of", as: String.self)
                guard let date = CalendarDate(text) else { throw StorageError.invalid("Ugyldig dato «\(text)» i bemanningen.") }
                return StaffingFigure(
                    asOf: date, headcount: Int(try row.decode(column: "headcount", as: Int64.self)),
                    fullTimeEquivalents: Quantity(milli: try row.decode(column: "fte_milli", as: Int64.self)),
                    comment: try row.decodeOptional("comment")
                )
            }
    }

    public func add(_ figure: StaffingFigure, to organisationCode: String) async throws {
        guard figure.headcount >= 0, figure.fullTimeEquivalents >= .zero else {
            throw StorageError.invalid("Antall ansatte og årsverk kan ikke være negative.")
        }
        let id = try await organisationID(organisationCode)
        let before = try await staffing(of: organisationCode).first { $0.asOf == figure.asOf }
        try await db.insert(into: "staffing_figures").columns("organisation_id", "as_of", "headcount", "fte_milli", "comment")
            .values(SQLBind(id), SQLBind(figure.asOf.iso), SQLBind(Int64(figure.headcount)),
                    SQLBind(figure.fullTimeEquivalents.milli), SQLBind(figure.comment))
            .onConflict(with: ["organisation_id", "as_of"]) {
                $0.set(excludedValueOf: "headcount").set(excludedValueOf: "fte_milli").set(excludedValueOf: "comment")
            }
            .run()
        try await record("staffing", "\(organisationCode)/\(figure.asOf.iso)", before: before, after: figure)
    }
}
