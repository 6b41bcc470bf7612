import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// The organisation a dialogue page is about, the user, and what the user may do there.
struct DialogueScope: Sendable {
    let user: UserAccount
    let organisation: Organisation
    let organisations: [Organisation]

    var code: String { organisation.code }
    var tree: OrganisationTree { OrganisationTree(organisations) }
    var base: String { "/organisasjoner/\(organisation.code.urlPathEncoded)" }

    func can(_ permission: Permission) -> Bool { AccessPolicy.allows(user, permission, on: organisation.code, in: tree) }

    var isAgency: Bool { organisation.kind == .agency || organisation.kind == .section }

    /// The agencies whose dialogue this page covers: the agency itself, or the agencies and
    /// sections under a department (or municipality) that the user may read.
    var agencies: [Organisation] {
        if isAgency { return [organisation] }
        let tree = self.tree
        return organisations.filter {
            ($0.kind == .agency || $0.kind == .section) && $0.code != code && tree.isInSubtree($0.code, of: code)
                && AccessPolicy.allows(user, .read, on: $0.code, in: tree)
        }
    }

    /// The department that steers the agency: its nearest department above.
    var steeringDepartmentCode: String {
        var current = organisation.parentCode
        while let code = current, let parent = organisations.first(where: { $0.code == code }) {
            if parent.kind == .department { return parent.code }
            current = parent.parentCode
        }
        return organisation.parentCode ?? organisation.code
    }

    func name(of code: String) -> String { organisations.first { $0.code == code }?.name ?? code }

    var trail: [NavigationLink] {
        [NavigationLink(url: base, label: organisation.name), NavigationLink(url: "\(base)/styringsdialog", label: "Styringsdialogen")]
    }
}

extension Authorizer {
    /// The scope of a dialogue page, when the user has `permission` on the organisation.
    func scope(_ permission: Permission, _ request: Request, _ context: StyrRequestContext) async throws -> DialogueScope {
        let code = try context.parameters.require("code")
        _ = try user(request, context)
        let organisations = try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() }
        let user = try require(permission, on: code, among: organisations, request, context)
        return DialogueScope(user: user, organisation: organisations.first { $0.code == code }!, organisations: organisations)
    }

    /// Like `scope`, but only for agencies: the dialogue records belong to an agency.
    func agencyScope(_ permission: Permission, _ request: Request, _ context: StyrRequestContext) async throws -> DialogueScope {
        let scope = try await scope(permission, request, context)
        guard scope.isAgency else {
            throw AccessError(status: .notFound, loginReturnPath: nil, html: pages.errorDocument(
                heading: "Bare for etater",
                message: "\(scope.organisation.name) er ikke en etat. Tildelingsbrev, møter, styringssignaler og meldinger hører til etatene; se styringsdialogen for etatene under \(scope.organisation.name).",
                context: context))
        }
        return scope
    }
}

/// Reads a path parameter that must be a supported year.
func requireYear(_ context: StyrRequestContext, pages: Pages) throws -> Int {
    let year = try context.parameters.require("year", as: Int.self)
    guard BudgetYears.contains(year) else {
        throw AccessError(status: .notFound, loginReturnPath: nil, html: pages.errorDocument(
            heading: "Ugyldig år", message: BudgetYears.outOfRangeMessage(year), context: context))
    }
    return year
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
