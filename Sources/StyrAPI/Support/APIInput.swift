import StyrDomain

/// How the API reads what a client sent, before a use case sees it.
extension StyrAPIHandler {
    /// A date written `YYYY-MM-DD`; else 422 naming the field.
    static func date(_ text: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(text), date.iso == text else {
            throw APIProblem.invalid("\(field): «\(text)» er ikke en gyldig dato på formen ÅÅÅÅ-MM-DD.")
        }
        return date
    }

    /// Text as typed, without surrounding white space.
    static func trimmed(_ text: String?) -> String {
        text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }
}
