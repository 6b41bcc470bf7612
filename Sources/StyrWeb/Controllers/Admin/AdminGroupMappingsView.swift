import StyrDomain
import StyrServices

/// The view model of `admin-group-mappings.mustache`: the group claim → role mappings made in the
/// app (each with a link to remove it), the server's own (read-only), and the form to add one.
struct AdminGroupMappingsView: Sendable {
    struct Row: Sendable { var groupValue: String, roleText: String, organisationText: String, removeURL: String }
    struct EnvironmentRow: Sendable { var envGroup: String, envRole: String, envOrganisation: String }
    struct Option: Sendable { var value: String, label: String, selected: Bool }

    var saved: String?
    var providerText: String
    var creationText: String
    var inviteURL: String
    var rows: [Row]
    var environmentRows: [EnvironmentRow]
    var hasEnvironmentRows: Bool
    var errorMessages: [String]
    var groupError: String?
    var roleError: String?
    var organisationError: String?
    var groupInput: String
    var csrfToken: String
    var action: String
    var roleOptions: [Option]
    var organisationOptions: [Option]

    init(_ listing: OIDCGroupMappingService.Listing, csrfToken: String, saved: String?, values: [String: String], errors: InputErrors) {
        self.saved = saved
        providerText = listing.providerName.map {
            "Innlogging med \($0) er satt opp. Styr leser gruppene fra kravet «\(listing.groupClaim)» i ID-tokenet."
        } ?? "Innlogging med en identitetstjeneste (OpenID Connect) er ikke satt opp på denne serveren ennå; koblingene brukes når den er det."
        creationText = listing.createsUsers
            ? "Serveren oppretter en ny bruker ved første innlogging når en av gruppene hens gir en rolle; hen får rollene fra alle gruppene sine. Brukere som finnes fra før, beholder rollene sine."
            : "Serveren oppretter ikke brukere selv (STYR_OIDC_CREATE_USERS er av): koblingene gir roller først når den slås på. Til da inviteres hver bruker på forhånd."
        inviteURL = "/admin/brukere/ny"
        rows = listing.mappings.map { stored in
            Row(groupValue: stored.group, roleText: stored.assignment.role.norwegianName,
                organisationText: "\(listing.name(of: stored.assignment.organisationCode)) (\(stored.assignment.organisationCode))",
                removeURL: AdminGroupMappingController.removeURL(stored.id))
        }
        environmentRows = listing.environmentMappings.map { mapping in
            EnvironmentRow(envGroup: mapping.group, envRole: mapping.assignment.role.norwegianName,
                           envOrganisation: "\(listing.name(of: mapping.assignment.organisationCode)) (\(mapping.assignment.organisationCode))")
        }
        hasEnvironmentRows = !environmentRows.isEmpty
        errorMessages = errors.entries.map(\.message)
        groupError = errors["gruppe"]
        roleError = errors["rolle"]
        organisationError = errors["organisasjon"]
        groupInput = values["gruppe"] ?? ""
        self.csrfToken = csrfToken
        action = AdminGroupMappingController.base
        roleOptions = Role.allCases.map { Option(value: $0.rawValue, label: $0.norwegianName, selected: values["rolle"] == $0.rawValue) }
        organisationOptions = listing.grantable.map {
            Option(value: $0.code, label: "\($0.name) (\($0.code))", selected: values["organisasjon"] == $0.code)
        }
    }
}

/// The view model of `admin-group-mapping-remove.mustache`: «remove this mapping?» before it is removed.
struct AdminGroupMappingRemoveView: Sendable {
    var groupValue: String
    var roleText: String
    var organisationCode: String
    var csrfToken: String
    var action: String
    var cancelURL: String

    init(_ stored: StoredOIDCGroupMapping, csrfToken: String) {
        groupValue = stored.group
        roleText = stored.assignment.role.norwegianName.lowercased()
        organisationCode = stored.assignment.organisationCode
        self.csrfToken = csrfToken
        action = AdminGroupMappingController.removeURL(stored.id)
        cancelURL = AdminGroupMappingController.base
    }
}
