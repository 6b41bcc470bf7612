import Foundation
import Hummingbird
import StyrDomain
import StyrServices

/// The pages' one mapping of a use case's refusal (`ServiceError`) that a controller did not
/// answer itself (a form answers `.invalid` beside its fields): not logged in sends the browser to
/// the login page; the rest is a Norwegian page with the right status.
struct ServiceErrorMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return pages.refusal(error, request, context).response
        } catch let conflict as WriteConflict {
            // A save that lost a race (optimistic locking or two creations at once): say so, never a 500.
            return pages.error(.conflict, heading: "Endringen er ikke lagret", message: conflict.message, context: context).response
        }
    }
}

extension Pages {
    /// The page for a refusal (a redirect to the login page when nobody is logged in).
    func refusal(_ error: ServiceError, _ request: Request, _ context: StyrRequestContext) -> HTML {
        let heading: String
        let status: HTTPResponse.Status
        switch error {
        case .unauthenticated:
            let query = request.uri.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return HTML(status: .seeOther, html: "", location: "/logg-inn?neste=\(query)")
        case .forbidden: (heading, status) = ("Ingen tilgang", .forbidden)
        case .unknownOrganisation: (heading, status) = ("Fant ikke organisasjonen", .notFound)
        case .notAnAgency: (heading, status) = ("Bare for etater", .notFound)
        case .notFound: (heading, status) = ("Fant ikke siden", .notFound)
        case .badRequest: (heading, status) = ("Ugyldig adresse", .badRequest)
        case .invalid: (heading, status) = ("Ingenting er lagret", .unprocessableContent)
        case .importClash: (heading, status) = ("Importen er ikke gjort", .conflict)
        }
        return self.error(status, heading: heading, message: error.message, context: context)
    }
}
