import Crypto
import Foundation
import SQLKit
import StyrDomain

/// The internal control plans: each control a JSON document with its id inside, and the
/// evidence files with their bytes. Every save is audited (`controlActivity`, `controlEvidence`:
/// the file's name, type, size and checksum, not its bytes).
extension SQLGovernanceStore: InternalControlRepository {
    public func controlActivities(of organisationCode: String, year: Int) async throws -> [ControlActivity] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("control_activities").where("organisation_id", .equal, organisationID)
            .where("year", .equal, year).orderBy("id").all().map { try Self.decode(ControlActivity.self, $0) }
    }

    @discardableResult
    public func save(_ activity: ControlActivity) async throws -> Int64 {
        let organisationID = try await organisationID(activity.organisationCode)
        let key = { (id: Int64) in "\(activity.organisationCode)/\(activity.year)/\(id)" }
        if let id = activity.id {
            guard let before = try await controlActivities(of: activity.organisationCode, year: activity.year).first(where: { $0.id == id }) else {
                throw StorageError.notFound("kontroll \(id) hos «\(activity.organisationCode)» i \(activity.year)")
            }
            try await db.update("control_activities").set("document", to: try Self.document(activity)).where("id", .equal, id).run()
            try await record("controlActivity", key(id), before: before, after: activity)
            return id
        }
        let id = try await insertReturningID(
            db.insert(into: "control_activities").columns("organisation_id", "year", "document")
                .values(SQLBind(organisationID), SQLBind(activity.year), SQLBind("{}")))
        var stored = activity
        stored.id = id
        try await db.update("control_activities").set("document", to: try Self.document(stored)).where("id", .equal, id).run()
        try await record("controlActivity", key(id), before: ControlActivity?.none, after: stored)
        return id
    }

    public func addEvidence(filename: String, contentType: String, bytes: [UInt8], toActivity activityID: Int64) async throws -> EvidenceReference {
        guard let row = try await db.select().columns("organisation_id", "year").from("control_activities").where("id", .equal, activityID).first(),
              let organisation = try await db.select().column("code").from("organisations")
                .where("id", .equal, try row.decode(column: "organisation_id", as: Int64.self)).first()
        else { throw StorageError.notFound("kontroll \(activityID)") }
        let code = try organisation.decode(column: "code", as: String.self), year = try row.decode(column: "year", as: Int.self)
        let checksum = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
        let id = try await insertReturningID(
            db.insert(into: "control_evidence").columns("activity_id", "filename", "content_type", "byte_count", "sha256", "content_base64")
                .values(SQLBind(activityID), SQLBind(filename), SQLBind(contentType), SQLBind(bytes.count), SQLBind(checksum),
                        SQLBind(Data(bytes).base64EncodedString())))
        let reference = EvidenceReference(id: id, filename: filename, contentType: contentType, byteCount: bytes.count, sha256: checksum)
        try await record("controlEvidence", "\(code)/\(year)/\(activityID)/\(id)", before: EvidenceReference?.none, after: reference)
        return reference
    }

    public func evidence(id: Int64, ofActivity activityID: Int64) async throws -> (reference: EvidenceReference, bytes: [UInt8])? {
        guard let row = try await db.select().columns("filename", "content_type", "byte_count", "sha256", "content_base64").from("control_evidence")
            .where("id", .equal, id).where("activity_id", .equal, activityID).first() else { return nil }
        let reference = EvidenceReference(
            id: id, filename: try row.decode(column: "filename", as: String.self), contentType: try row.decode(column: "content_type", as: String.self),
            byteCount: try row.decode(column: "byte_count", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self))
        guard let data = Data(base64Encoded: try row.decode(column: "content_base64", as: String.self)) else {
            throw StorageError.invalid("Dokumentasjonen nr. \(id) kunne ikke leses.")
        }
        return (reference, [UInt8](data))
    }

    public func isoControls() async throws -> [ISOControl] { try ISOControlCatalogue.controls() }
}

/// ISO/IEC 27001:2022 Annex A as shipped in `Resources/iso27001_2022_annex_a.csv` (id;theme;title).
enum ISOControlCatalogue {
    static let cached: [ISOControl]? = try? load()

    static func controls() throws -> [ISOControl] { try cached ?? load() }

    static func load() throws -> [ISOControl] {
        guard let url = Bundle.module.url(forResource: "iso27001_2022_annex_a", withExtension: "csv", subdirectory: "Resources") else {
            throw StorageError.notFound("listen over tiltak i ISO/IEC 27001:2022 vedlegg A i programpakken")
        }
        return try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ";", maxSplits: 2).map(String.init)
            guard fields.count == 3, let theme = ControlTheme(rawValue: fields[1]) else {
                throw StorageError.invalid("iso27001_2022_annex_a: ugyldig linje «\(line)»")
            }
            return ISOControl(id: fields[0], theme: theme, title: fields[2])
        }
    }
}
