import Hummingbird
import StyrDomain
import StyrReports

/// A field of a generic form page. Errors are shown beside the field and in the summary at the top.
struct FormField {
    enum Kind {
        case text, textarea, date, dateTime
        case select([(value: String, label: String)])
        case checkboxes([(name: String, label: String, checked: Bool)])
    }

    var name: String
    var label: String
    var kind: Kind = .text
    var value: String = ""
    var hint: String = ""
    /// Visible lines of a textarea (0: the stylesheet's height).
    var rows: Int = 0

    func view(error: String?) -> FormPageView.Field {
        var field = FormPageView.Field(
            name: name, id: name, label: label, value: value, hint: hint.isEmpty ? nil : hint, error: error,
            rows: rows > 0 ? rows : nil,
            describedBy: [hint.isEmpty ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }.joined(separator: " ").nonEmpty)
        switch kind {
        case .text: field.isText = true
        case .textarea: field.isTextarea = true
        case .date: field.isDate = true
        case .dateTime: field.isDateTime = true
        case .select(let options):
            field.isSelect = true
            field.options = options.map { .init(value: $0.value, label: $0.label, selected: $0.value == value) }
        case .checkboxes(let boxes):
            field.isCheckboxes = true
            field.boxes = boxes.map { .init(boxName: $0.name, boxLabel: $0.label, checked: $0.checked) }
        }
        return field
    }
}

/// A page with one form: heading, optional introduction, error summary and fields.
struct FormPage {
    var kicker: String
    var heading: String
    var intro: String = ""
    var action: String
    var submitLabel: String
    var fields: [FormField]
    var errors = InputErrors()
    var errorHeading = "Ingenting er lagret"
    var cancelURL: String = ""
    /// The version of the record the form edits (optimistic locking): sent back as `_versjon`.
    var version: Int? = nil

    /// The form field that carries the record's version.
    static let versionField = "_versjon"

    func view(csrfToken: String) -> FormPageView {
        FormPageView(
            kicker: kicker, heading: heading, intro: intro.nonEmpty, action: action, submitLabel: submitLabel, csrfToken: csrfToken,
            version: version.map(String.init),
            cancelURL: cancelURL.nonEmpty, fields: fields.map { $0.view(error: errors[$0.name]) },
            errorSummary: errors.isEmpty ? nil : .init(errorHeading: errorHeading, errors: errors.entries.map { .init(field: $0.field, message: $0.message) }))
    }
}

/// The view model of `form.mustache`.
struct FormPageView: Sendable {
    struct Option: Sendable { var value: String, label: String, selected: Bool }
    struct Box: Sendable { var boxName: String, boxLabel: String, checked: Bool }
    struct Field: Sendable {
        var name: String, id: String, label: String, value: String
        var hint: String?
        var error: String?
        var rows: Int?
        var describedBy: String?
        // One flag per kind; each field sets all, so that none is looked up further out.
        var isText = false, isTextarea = false, isDate = false, isDateTime = false, isSelect = false, isCheckboxes = false
        var options: [Option] = []
        var boxes: [Box] = []
    }
    struct ErrorSummary: Sendable {
        struct Entry: Sendable { var field: String, message: String }
        var errorHeading: String
        var errors: [Entry]
    }

    var kicker: String, heading: String
    var intro: String?
    var action: String, submitLabel: String, csrfToken: String
    var version: String?
    var cancelURL: String?
    var fields: [Field]
    var errorSummary: ErrorSummary?
}

extension Pages {
    func form(_ page: FormPage, context: StyrRequestContext, status: HTTPResponse.Status = .ok, trail: [NavigationLink] = []) -> HTML {
        html(page.heading, template: "form", model: page.view(csrfToken: context.session?.csrfToken ?? ""), context: context,
             status: page.errors.isEmpty ? status : .unprocessableContent, trail: trail)
    }
}

/// A form field's trimmed text.
extension Dictionary where Key == String, Value == String {
    func text(_ name: String) -> String { (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension String {
    /// Nil for an empty string: Mustache takes an empty string as true, so optional text in a view
    /// model is nil when there is none.
    var nonEmpty: String? { isEmpty ? nil : self }
}
