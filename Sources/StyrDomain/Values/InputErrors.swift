/// Field errors of a rule, in the order they were found, keyed by the domain field they concern
/// (`givenBy`, `givenOn`, …). Each edge names the field its own way: the pages map a domain field
/// to the form field beside which the message is shown, the API answers with its JSON name, and
/// the command line prints the message. No edge's own name (a form field, a flag) reaches a rule.
public struct InputErrors: Error, Sendable, Equatable {
    public private(set) var entries: [(field: String, message: String)] = []
    /// Each field's message, so that adding or reading one is not a search of all before it: a rule
    /// over 10 000 rows of a request found 10 000 errors in 8–10 s that way (schemathesis's read
    /// timeout on `PUT …/budget-profiles`).
    private var messages: [String: String] = [:]

    public init() {}

    /// Keeps the first message of each field.
    public mutating func add(_ field: String, _ message: String) {
        guard messages[field] == nil else { return }
        messages[field] = message
        entries.append((field, message))
    }

    public var isEmpty: Bool { entries.isEmpty }
    public subscript(field: String) -> String? { messages[field] }

    /// "frist: …; tittel: …", for an API problem or a command line.
    public var summary: String { entries.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }

    public static func == (lhs: InputErrors, rhs: InputErrors) -> Bool {
        lhs.entries.map(\.field) == rhs.entries.map(\.field) && lhs.entries.map(\.message) == rhs.entries.map(\.message)
    }

    /// Throws when any error was found.
    public func check() throws { if !isEmpty { throw self } }

    public static func single(_ field: String, _ message: String) -> InputErrors {
        var errors = InputErrors()
        errors.add(field, message)
        return errors
    }

    /// The same errors under other field names (a domain field to its form or API name); fields
    /// without a name in `names` keep theirs.
    public func renamed(_ names: [String: String]) -> InputErrors {
        var renamed = InputErrors()
        for entry in entries { renamed.add(names[entry.field] ?? entry.field, entry.message) }
        return renamed
    }
}
