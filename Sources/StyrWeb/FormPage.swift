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

    func context(error: String?) -> [String: Any] {
        var values: [String: Any] = [
            "name": name, "id": name, "label": label, "value": value, "hint": hint, "error": error ?? "",
            // Set on every field: Mustache would otherwise look for them further out.
            "hasRows": rows > 0, "rows": rows,
            "describedBy": ([hint.isEmpty ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }).joined(separator: " "),
        ]
        switch kind {
        case .text: values["isText"] = true
        case .textarea: values["isTextarea"] = true
        case .date: values["isDate"] = true
        case .dateTime: values["isDateTime"] = true
        case .select(let options):
            values["isSelect"] = true
            values["options"] = options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] as [String: Any] }
        case .checkboxes(let boxes):
            values["isCheckboxes"] = true
            values["boxes"] = boxes.map { ["boxName": $0.name, "boxLabel": $0.label, "checked": $0.checked] as [String: Any] }
        }
        return values
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

    func context(csrfToken: String) -> [String: Any] {
        [
            "kicker": kicker, "heading": heading, "intro": intro, "action": action, "submitLabel": submitLabel,
            "csrfToken": csrfToken, "cancelURL": cancelURL,
            "fields": fields.map { $0.context(error: errors[$0.name]) },
            "hasErrors": !errors.isEmpty, "errorHeading": errorHeading,
            "errors": errors.entries.map { ["field": $0.field, "message": $0.message] },
        ]
    }
}

extension Pages {
    func form(_ page: FormPage, context: StyrRequestContext, status: HTTPResponse.Status = .ok, trail: [NavigationLink] = []) -> HTML {
        html(page.heading, template: "form", context: page.context(csrfToken: context.session?.csrfToken ?? ""), context: context,
             status: page.errors.isEmpty ? status : .unprocessableContent, trail: trail)
    }
}

/// A form field's trimmed text.
extension Dictionary where Key == String, Value == String {
    func text(_ name: String) -> String { (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}
