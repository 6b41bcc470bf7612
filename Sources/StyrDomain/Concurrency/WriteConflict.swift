/// A save that lost a race: the record was saved by someone else since the form was loaded
/// (optimistic locking with a version), or two saves created the same record at once (a unique
/// constraint). Storage throws it; each edge answers it once: the page as a 409 page saying what
/// happened, the API as a 409 problem with the current version, the command line as a message.
public struct WriteConflict: Error, Sendable, Equatable, CustomStringConvertible {
    /// The record's version now, when the conflict is about a version.
    public var currentVersion: Int?
    public var message: String

    public init(currentVersion: Int? = nil, message: String = WriteConflict.concurrentMessage) {
        self.currentVersion = currentVersion
        self.message = message
    }

    public var description: String { message }

    /// Two saves at once hit the same record.
    public static let concurrentMessage =
        "Noen andre lagret det samme samtidig, så endringen din er ikke lagret. Last siden på nytt og prøv igjen."

    /// The record was saved by someone else after the form was loaded.
    public static func stale(current: Int) -> WriteConflict {
        WriteConflict(
            currentVersion: current,
            message: "Noen andre har lagret en endring her etter at du åpnet skjemaet, så endringen din er ikke lagret. Last skjemaet på nytt for å se det som gjelder nå, og gjør endringen igjen.")
    }
}

/// Which record a version belongs to: an entity type (as in the audit log) and its key.
public struct RecordKey: Sendable, Hashable {
    public var entityType: String
    public var key: String

    public init(_ entityType: String, _ key: String) {
        self.entityType = entityType
        self.key = key
    }
}
