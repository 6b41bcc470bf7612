import Foundation

/// Names for what the audit log keeps as codes: people by e-mail, organisations by code.
public struct AuditDirectory: Sendable {
    public var people: [String: String]
    public var organisations: [String: String]

    public init(people: [String: String] = [:], organisations: [String: String] = [:]) {
        self.people = people
        self.organisations = organisations
    }

    public init(users: [UserAccount], organisations: [Organisation]) {
        self.init(
            people: Dictionary(users.map { ($0.email, $0.name) }, uniquingKeysWith: { first, _ in first }),
            organisations: Dictionary(organisations.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    /// A person by name with the e-mail that identifies them (`Ulrik Redaktør (redaktor@uke.styr.demo)`);
    /// Styr's own actors as what they are (`system:demo` → `Demodata (system)`); anyone else as written.
    public func person(_ actor: String) -> String {
        if let name = people[actor] { return "\(name) (\(actor))" }
        guard actor == "system" || actor.hasPrefix("system:") else { return actor }
        let name = switch actor.dropFirst("system:".count) {
        case "demo": "Demodata"
        case "cli": "Kommandolinjen"
        case "import": "Import"
        case "": "Styr"
        case let other: String(other)
        }
        return "\(name) (system)"
    }

    /// An organisation by name with its code (`Byrådsavdeling for finans (FIN)`), or the code alone.
    public func organisation(_ code: String) -> String {
        organisations[code].map { "\($0) (\(code))" } ?? code
    }
}

/// An audit entry as a person reads it: what kind of object in Norwegian, the person by name, the
/// time in Oslo (`04.12.2026 kl. 11.05`), and the object's fields before and after, each in words,
/// with the fields an update changed marked.
public struct AuditPresentation: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var label: String
        /// The value before and after the change, a line each; empty when there is none.
        public var before: [String]
        public var after: [String]
        /// True for a field an update changed. When an object is created or deleted every field is
        /// new or gone, and none is marked.
        public var isChanged: Bool
    }

    public var sequence: Int64
    public var entityName: String
    public var time: String
    public var person: String
    public var action: String
    public var fields: [Field]

    public init(_ entry: AuditEntry, directory: AuditDirectory) {
        sequence = entry.sequence
        entityName = Self.entityName(entry.entityType)
        time = Self.instant(entry.occurredAt).map(Self.osloTime) ?? entry.occurredAt
        person = directory.person(entry.actor)
        action = entry.action.norwegianName
        fields = Self.fields(before: entry.before, after: entry.after, action: entry.action, directory: directory)
    }

    /// The Norwegian name of an entity type (`indicatorValue` → `Måltall og resultat for en resultatindikator`).
    public static func entityName(_ type: String) -> String {
        AuditVocabulary.entityNames[type] ?? "Objekt av typen «\(type)»"
    }

    /// The fields of the values before and after, in a stable order. A value that is not JSON is
    /// one field, its text a line.
    static func fields(before: String?, after: String?, action: AuditAction, directory: AuditDirectory) -> [Field] {
        let text = AuditValueText(directory: directory)
        let old = before.map { AuditValue.parse($0) ?? .text($0) }, new = after.map { AuditValue.parse($0) ?? .text($0) }
        let isUpdate = action == .update && old != nil && new != nil
        let oldFields = old?.fields, newFields = new?.fields
        guard old == nil || oldFields != nil, new == nil || newFields != nil else {
            // Values kept as text (a budget profile): one field, a line of text a line.
            func lines(_ value: AuditValue?) -> [String] {
                guard case .text(let raw)? = value else { return value.map { text.lines($0, field: "") } ?? [] }
                return raw.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            }
            return [Field(label: "Verdi", before: lines(old), after: lines(new), isChanged: isUpdate && old != new)]
        }
        let keys = Set((oldFields ?? [:]).keys).union((newFields ?? [:]).keys).sorted(by: AuditVocabulary.order)
        return keys.compactMap { key in
            let a = oldFields?[key], b = newFields?[key]
            let beforeLines = text.lines(a, field: key), afterLines = text.lines(b, field: key)
            guard !beforeLines.isEmpty || !afterLines.isEmpty else { return nil }
            return Field(label: AuditVocabulary.label(of: key), before: beforeLines, after: afterLines,
                         isChanged: isUpdate && (a ?? .null) != (b ?? .null))
        }
    }

    /// An instant as the log and stored documents write it (ISO 8601, with or without milliseconds).
    public static func instant(_ text: String) -> Date? {
        guard text.count >= 20, text.dropFirst(10).first == "T" else { return nil }
        let precise = ISO8601DateFormatter()
        precise.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return precise.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }

    /// `04.12.2026 kl. 11.05`, in Europe/Oslo.
    public static func osloTime(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = OsloTime.zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return "\(pad(parts.day ?? 0, 2)).\(pad(parts.month ?? 0, 2)).\(parts.year ?? 0) kl. \(pad(parts.hour ?? 0, 2)).\(pad(parts.minute ?? 0, 2))"
    }
}
