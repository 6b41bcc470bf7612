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

extension Authorizer {
    /// The scope of a page, when the user has `permission` on the organisation of the path's code;
    /// refusals are `ServiceError`s, answered by `ServiceErrorMiddleware`.
    func scope(_ permission: Permission, _ request: Request, _ context: StyrRequestContext) async throws -> DialogueScope {
        let code = try context.parameters.require("code")
        let user = context.session?.user
        return try await storage.read { repositories in try await AccessCheck.scope(permission, on: code, by: user, repositories) }
    }

    /// Like `scope`, but only for agencies: the dialogue records belong to an agency.
    func agencyScope(_ permission: Permission, _ request: Request, _ context: StyrRequestContext) async throws -> DialogueScope {
        let code = try context.parameters.require("code")
        let user = context.session?.user
        return try await storage.read { repositories in try await AccessCheck.agencyScope(permission, on: code, by: user, repositories) }
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
        throw AccessError(status: .notFound, loginReturnPath: nil, html: pages.errorDocument(
            heading: "Fant ikke \(what)", message: "Adressen peker ikke på noe \(what).", context: context))
    }
    return id
}

func notFound(_ pages: Pages, _ context: StyrRequestContext, heading: String, message: String) -> AccessError {
    AccessError(status: .notFound, loginReturnPath: nil, html: pages.errorDocument(heading: heading, message: message, context: context))
}
