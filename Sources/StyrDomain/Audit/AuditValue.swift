import Foundation

/// A value as the audit log keeps it (JSON written by storage: sorted keys, Swift's own coding of
/// enums), read back for a person: `AuditPresentation` renders it field by field.
public indirect enum AuditValue: Hashable, Sendable, Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case decimal(Double)
    case text(String)
    case list([AuditValue])
    case object([String: AuditValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let decimal = try? container.decode(Double.self) {
            self = .decimal(decimal)
        } else if let list = try? container.decode([AuditValue].self) {
            self = .list(list)
        } else {
            self = .object(try container.decode([String: AuditValue].self))
        }
    }

    /// The stored text read as JSON; nil when it is not JSON (e.g. a budget profile kept as its text).
    public static func parse(_ text: String) -> AuditValue? {
        try? JSONDecoder().decode(AuditValue.self, from: Data(text.utf8))
    }

    var fields: [String: AuditValue]? {
        if case .object(let fields) = self { return fields }
        return nil
    }
}

/// How each shape of value reads in Norwegian: amounts in kroner, quantities with a decimal comma,
/// dates as `01.09.2020`, instants in Oslo time, codes of enums by their Norwegian names, people and
/// organisations by name.
struct AuditValueText {
    let directory: AuditDirectory

    /// The value of a top-level field as lines: a list an element a line, an object a field a line.
    func lines(_ value: AuditValue?, field: String) -> [String] {
        switch value {
        case nil, .null?: return []
        case .list(let elements)?: return elements.map { inline($0, field: field) }
        case .object(let fields)? where !isSpecial(fields):
            return ordered(fields).compactMap { key, value in
                value == .null ? nil : "\(AuditVocabulary.label(of: key)): \(inline(value, field: key))"
            }
        case let value?: return [inline(value, field: field)]
        }
    }

    /// The value on one line.
    func inline(_ value: AuditValue, field: String) -> String {
        switch value {
        case .null: return "–"
        case .bool(let flag): return flag ? "ja" : "nei"
        case .integer(let number): return number.magnitude >= 10_000 ? NorwegianFormat.integer(number) : String(number)
        case .decimal(let number): return String(number).replacingOccurrences(of: ".", with: ",")
        case .text(let text): return self.text(text, field: field)
        case .list(let elements): return elements.isEmpty ? "–" : elements.map { inline($0, field: field) }.joined(separator: ", ")
        case .object(let fields): return object(fields, field: field)
        }
    }

    func text(_ text: String, field: String) -> String {
        if AuditVocabulary.enumFields.contains(field), let name = AuditVocabulary.valueNames[text] { return name }
        if AuditVocabulary.organisationFields.contains(field) { return directory.organisation(text) }
        if AuditVocabulary.personFields.contains(field) { return directory.person(text) }
        if let instant = AuditPresentation.instant(text) { return AuditPresentation.osloTime(instant) }
        return text
    }

    /// Values of the domain's own types (`Money`, `Quantity`, `CalendarDate`, `ObjectGroup`), enum
    /// cases with their payload, and other objects as `Felt: verdi; …`.
    func object(_ fields: [String: AuditValue], field: String) -> String {
        let keys = Set(fields.keys)
        switch keys {
        case ["milli"]:
            if case .integer(let milli)? = fields["milli"] { return NorwegianFormat.quantity(Quantity(milli: milli), decimals: 3) }
        case ["ore"]:
            if case .integer(let ore)? = fields["ore"] { return NorwegianFormat.exactKroner(Money(ore: ore)) + " kr" }
        case ["day", "month", "year"]:
            if case .integer(let day)? = fields["day"], case .integer(let month)? = fields["month"], case .integer(let year)? = fields["year"] {
                return NorwegianFormat.date(CalendarDate(year: Int(year), month: Int(month), day: Int(day)))
            }
        case ["first", "last"]:
            if case .integer(let first)? = fields["first"], case .integer(let last)? = fields["last"] {
                // As `ObjectGroup.code`, without its check: the log may hold anything.
                return "\(pad(Int(first), 3))-\(pad(Int(last), 3))"
            }
        default:
            break
        }
        // An enum case with a payload: `{"value":{"_0":…}}`, `{"minutesItem":{"itemNumber":3,"meetingID":2}}`.
        if fields.count == 1, let (name, payload) = fields.first, let payloadFields = payload.fields {
            let positional = payloadFields.keys.allSatisfy { $0.hasPrefix("_") }
            let body = positional
                ? payloadFields.sorted { $0.key < $1.key }.map { inline($0.value, field: name) }.joined(separator: "–")
                : object(payloadFields, field: name)
            let label = AuditVocabulary.caseNames[name] ?? AuditVocabulary.label(of: name)
            return label.isEmpty ? body : "\(label): \(body)"
        }
        return ordered(fields).compactMap { key, value in
            value == .null ? nil : "\(AuditVocabulary.label(of: key)): \(inline(value, field: key))"
        }.joined(separator: "; ")
    }

    func isSpecial(_ fields: [String: AuditValue]) -> Bool {
        let keys = Set(fields.keys)
        if [["milli"], ["ore"], ["day", "month", "year"], ["first", "last"]].contains(keys) { return true }
        return fields.count == 1 && fields.first?.value.fields != nil
    }

    /// Fields in the vocabulary's order, the rest after them alphabetically.
    func ordered(_ fields: [String: AuditValue]) -> [(key: String, value: AuditValue)] {
        fields.sorted { AuditVocabulary.order($0.key, $1.key) }.map { ($0.key, $0.value) }
    }
}
