import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The organisation a page is about, the user, and what the user may do there (the services'
/// access check), with the page's address and trail.
typealias DialogueScope = OrganisationScope

extension OrganisationScope {
    var base: String { "/organisasjoner/\(organisation.code.urlPathEncoded)" }

    var trail: [NavigationLink] {
        [NavigationLink(url: base, label: organisation.name), NavigationLink(url: "\(base)/styringsdialog", label: "Styringsdialogen")]
    }
}

/// Reads a path parameter that must be a supported year (1900–2200). A year outside them is a
/// bad request (400, `AccessCheck.year`'s `ServiceError.badRequest`, answered by
/// `ServiceErrorMiddleware`); the address is wrong, not a record missing. `pages` is not needed.
func requireYear(_ context: StyrRequestContext, pages _: Pages? = nil) throws -> Int {
    try AccessCheck.year(try context.parameters.require("year", as: Int.self))
}

/// Reads a path parameter that must be a record id.
func requireID(_ context: StyrRequestContext, pages: Pages, what: String) throws -> Int64 {
    guard let id = context.parameters.get("id", as: Int64.self), id > 0 else {
        throw AccessError(status: .notFound, html: pages.errorDocument(
            heading: "Fant ikke \(what)", message: "Adressen peker ikke på noe \(what).", context: context))
    }
    return id
}

func notFound(_ pages: Pages, _ context: StyrRequestContext, heading: String, message: String) -> AccessError {
    AccessError(status: .notFound, html: pages.errorDocument(heading: heading, message: message, context: context))
}
