import StyrDomain
import StyrServices

/// The view model of `admin-organisation.mustache`: one organisation with its forms (rename,
/// move, close or reopen), the units under it and the errors beside their fields.
struct AdminOrganisationView: Sendable {
    struct Option: Sendable { var value: String, label: String, selected: Bool }
    struct Child: Sendable { var childName: String, childURL: String, childClosed: String? }

    var code: String
    var name: String
    var kindName: String
    var parentText: String
    var closedText: String?
    var isClosed: Bool
    var saved: String?
    var csrfToken: String
    var pageURL: String
    var base: String
    var nameValue: String
    var nameError: String?
    var parentOptions: [Option]
    var parentError: String?
    var canMove: Bool
    var dateValue: String
    var closedOnError: String?
    var children: [Child]
    var newChildURL: String?
    var errorMessages: [String]

    init(_ details: OrganisationAdministrationService.Details, csrfToken: String, saved: String?, values: [String: String], errors: InputErrors) {
        let organisation = details.organisation
        code = organisation.code
        name = organisation.name
        kindName = organisation.kind.norwegianName
        parentText = details.parent.map { "\($0.name) (\($0.code))" } ?? "Øverst i treet"
        closedText = organisation.closedOn.map { "Lagt ned \(NorwegianFormat.date($0)). Den kan leses med alle sine år, men tar ikke imot nye endringer." }
        isClosed = organisation.isClosed
        self.saved = saved
        self.csrfToken = csrfToken
        pageURL = "/organisasjoner/\(organisation.code.urlPathEncoded)"
        base = "/admin/organisasjoner/\(organisation.code.urlPathEncoded)"
        nameValue = values["navn"] ?? organisation.name
        nameError = errors["navn"]
        let chosen = values["overordnet"] ?? organisation.parentCode ?? ""
        parentOptions = details.possibleParents.map { Option(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == chosen) }
        parentError = errors["overordnet"]
        canMove = organisation.parentCode != nil && !details.possibleParents.isEmpty
        dateValue = values["dato"] ?? CalendarDate.today().iso
        closedOnError = errors["dato"]
        children = details.children.map {
            Child(childName: "\($0.name) (\($0.code), \($0.kind.norwegianName.lowercased()))",
                  childURL: "/admin/organisasjoner/\($0.code.urlPathEncoded)", childClosed: $0.closedOn.map { "lagt ned \(NorwegianFormat.date($0))" })
        }
        newChildURL = organisation.isClosed ? nil : "/admin/organisasjoner/ny?under=\(organisation.code.urlQueryEncoded)"
        errorMessages = errors.entries.map(\.message)
    }
}
