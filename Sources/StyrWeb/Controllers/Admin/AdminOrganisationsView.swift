import StyrDomain
import StyrServices

/// The view model of `admin-organisations.mustache`: the tree, indented, with each unit's state.
struct AdminOrganisationsView: Sendable {
    struct Row: Sendable {
        var code: String, name: String, kindName: String
        /// Shows the depth in the tree (no inline styles under the CSP): `↳ ` after a space per level.
        var indentText: String
        var adminURL: String?
        var closedText: String?
    }

    var saved: String?
    var rows: [Row]
    var newURL: String

    init(_ tree: [OrganisationAdministrationService.Node], saved: String?) {
        self.saved = saved
        rows = tree.map { node in
            let organisation = node.organisation
            return Row(
                code: organisation.code, name: organisation.name, kindName: organisation.kind.norwegianName, indentText: node.depth == 0 ? "" : String(repeating: "\u{00A0}\u{00A0}\u{00A0}", count: node.depth - 1) + "↳\u{00A0}",
                adminURL: node.canAdminister ? "/admin/organisasjoner/\(organisation.code.urlPathEncoded)" : nil,
                closedText: organisation.closedOn.map { "Lagt ned \(NorwegianFormat.date($0))" })
        }
        newURL = "/admin/organisasjoner/ny"
    }
}

/// The view model of `admin-overview.mustache`: what the administrator can do, with counts.
struct AdminOverviewView: Sendable {
    var organisationCount: Int
    var userCount: Int
    var deactivatedCount: Int
    var invitedCount: Int

    init(tree: [OrganisationAdministrationService.Node], listing: UserAdministrationService.Listing) {
        organisationCount = tree.filter(\.canAdminister).count
        userCount = listing.users.count
        deactivatedCount = listing.users.filter { !$0.isActive }.count
        invitedCount = listing.users.filter { $0.invitationPending }.count
    }
}
