import Foundation
import SQLKit
import StyrDomain

/// Dialogue records are kept as JSON documents (the shape of the domain type), with the columns
/// that are filtered on beside them. They are read whole, per agency, and never queried inside.
extension SQLGovernanceStore: DialogueRepository {
    static func document<T: Encodable>(_ value: T) throws -> String { try storedJSON(value) }

    static func decode<T: Decodable>(_ type: T.Type, _ row: any SQLRow) throws -> T {
        try decodeStoredJSON(T.self, from: try row.decode(column: "document", as: String.self))
    }

    // MARK: Letters

    public func save(_ letter: AllocationLetter) async throws {
        let organisationID = try await organisationID(letter.organisationCode)
        let before = try await letters(of: letter.organisationCode).first { $0.year == letter.year && $0.number == letter.number }
        if let before {
            guard before.status == .draft else {
                throw StorageError.invalid("\(before.kindName) til «\(letter.organisationCode)» er utstedt og kan ikke endres; lag et supplerende tildelingsbrev.")
            }
            try await db.update("allocation_letters").set("status", to: letter.status.rawValue)
                .set("issued_on", to: letter.issuedOn?.iso).set("document", to: try Self.document(letter))
                .where("organisation_id", .equal, organisationID).where("year", .equal, letter.year).where("number", .equal, letter.number)
                .run()
        } else {
            try await db.insert(into: "allocation_letters").columns("organisation_id", "year", "number", "status", "issued_on", "document")
                .values(SQLBind(organisationID), SQLBind(Int64(letter.year)), SQLBind(Int64(letter.number)), SQLBind(letter.status.rawValue),
                        SQLBind(letter.issuedOn?.iso), SQLBind(try Self.document(letter)))
                .run()
        }
        try await record("allocationLetter", "\(letter.organisationCode)/\(letter.year)/\(letter.number)", before: before, after: letter)
    }

    public func letters(of organisationCode: String) async throws -> [AllocationLetter] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("allocation_letters").where("organisation_id", .equal, organisationID)
            .orderBy("year").orderBy("number").all().map { try Self.decode(AllocationLetter.self, $0) }
    }

    public func add(_ update: AssignmentStatusUpdate) async throws {
        let organisationID = try await organisationID(update.organisationCode)
        let id = try await insertReturningID(
            db.insert(into: "assignment_updates").columns("organisation_id", "year", "assignment_key", "date", "document")
                .values(SQLBind(organisationID), SQLBind(Int64(update.year)), SQLBind(update.assignmentKey), SQLBind(update.date.iso),
                        SQLBind(try Self.document(update))))
        try await record("assignmentUpdate", "\(update.organisationCode)/\(update.year)/\(update.assignmentKey)/\(id)",
                         before: AssignmentStatusUpdate?.none, after: update)
    }

    public func assignmentUpdates(of organisationCode: String) async throws -> [AssignmentStatusUpdate] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("assignment_updates").where("organisation_id", .equal, organisationID)
            .orderBy("date").orderBy("id").all().map { try Self.decode(AssignmentStatusUpdate.self, $0) }
    }

    // MARK: Meetings

    @discardableResult
    public func save(_ meeting: Meeting) async throws -> Int64 {
        let organisationID = try await organisationID(meeting.organisationCode)
        _ = try await self.organisationID(meeting.chairedByCode)
        if let id = meeting.id {
            guard let before = try await self.meeting(id: id), before.organisationCode == meeting.organisationCode else {
                throw StorageError.notFound("møte \(id) hos «\(meeting.organisationCode)»")
            }
            try await db.update("meetings").set("date", to: meeting.date.iso).set("kind", to: meeting.kind.rawValue)
                .set("document", to: try Self.document(meeting)).where("id", .equal, id).run()
            try await record("meeting", "\(meeting.organisationCode)/\(id)", before: before, after: meeting)
            return id
        }
        let id = try await insertReturningID(
            db.insert(into: "meetings").columns("organisation_id", "date", "kind", "document")
                .values(SQLBind(organisationID), SQLBind(meeting.date.iso), SQLBind(meeting.kind.rawValue), SQLBind("{}")))
        var stored = meeting
        stored.id = id
        try await db.update("meetings").set("document", to: try Self.document(stored)).where("id", .equal, id).run()
        try await record("meeting", "\(meeting.organisationCode)/\(id)", before: Meeting?.none, after: stored)
        return id
    }

    public func meetings(of organisationCode: String) async throws -> [Meeting] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("meetings").where("organisation_id", .equal, organisationID)
            .orderBy("date").orderBy("id").all().map { try Self.decode(Meeting.self, $0) }
    }

    public func meeting(id: Int64) async throws -> Meeting? {
        try await db.select().column("document").from("meetings").where("id", .equal, id).first().map { try Self.decode(Meeting.self, $0) }
    }

    // MARK: Steering signals

    @discardableResult
    public func save(_ signal: SteeringSignal) async throws -> Int64 {
        let organisationID = try await organisationID(signal.organisationCode)
        if let id = signal.id {
            guard let before = try await signals(of: signal.organisationCode).first(where: { $0.id == id }) else {
                throw StorageError.notFound("styringssignal \(id) hos «\(signal.organisationCode)»")
            }
            try await db.update("steering_signals").set("given_on", to: signal.givenOn.iso).set("confirmed", to: signal.isConfirmed ? 1 : 0)
                .set("document", to: try Self.document(signal)).where("id", .equal, id).run()
            try await record("steeringSignal", "\(signal.organisationCode)/\(id)", before: before, after: signal)
            return id
        }
        let id = try await insertReturningID(
            db.insert(into: "steering_signals").columns("organisation_id", "given_on", "confirmed", "document")
                .values(SQLBind(organisationID), SQLBind(signal.givenOn.iso), SQLBind(signal.isConfirmed ? 1 : 0), SQLBind("{}")))
        var stored = signal
        stored.id = id
        try await db.update("steering_signals").set("document", to: try Self.document(stored)).where("id", .equal, id).run()
        try await record("steeringSignal", "\(signal.organisationCode)/\(id)", before: SteeringSignal?.none, after: stored)
        return id
    }

    public func signals(of organisationCode: String) async throws -> [SteeringSignal] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("steering_signals").where("organisation_id", .equal, organisationID)
            .orderBy("given_on").orderBy("id").all().map { try Self.decode(SteeringSignal.self, $0) }
    }

    // MARK: Notices

    @discardableResult
    public func save(_ notice: InformationNotice) async throws -> Int64 {
        let organisationID = try await organisationID(notice.organisationCode)
        if let id = notice.id {
            guard let before = try await self.notice(id: id), before.organisationCode == notice.organisationCode else {
                throw StorageError.notFound("melding \(id) hos «\(notice.organisationCode)»")
            }
            try await db.update("information_notices").set("status", to: notice.status.rawValue)
                .set("document", to: try Self.document(notice)).where("id", .equal, id).run()
            try await record("notice", "\(notice.organisationCode)/\(id)", before: before, after: notice)
            return id
        }
        let id = try await insertReturningID(
            db.insert(into: "information_notices").columns("organisation_id", "kind", "status", "document")
                .values(SQLBind(organisationID), SQLBind(notice.kind.rawValue), SQLBind(notice.status.rawValue), SQLBind("{}")))
        var stored = notice
        stored.id = id
        try await db.update("information_notices").set("document", to: try Self.document(stored)).where("id", .equal, id).run()
        try await record("notice", "\(notice.organisationCode)/\(id)", before: InformationNotice?.none, after: stored)
        return id
    }

    public func notices(of organisationCode: String) async throws -> [InformationNotice] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("information_notices").where("organisation_id", .equal, organisationID)
            .orderBy("id").all().map { try Self.decode(InformationNotice.self, $0) }
    }

    public func notice(id: Int64) async throws -> InformationNotice? {
        try await db.select().column("document").from("information_notices").where("id", .equal, id).first()
            .map { try Self.decode(InformationNotice.self, $0) }
    }
}
