import HTTPTypes
import Hummingbird
import StyrAPI
import StyrStorage

/// Every error of a page as a Norwegian page in the layout (with the user's name when logged in):
/// an unknown address is 404 "Fant ikke siden", the statuses Hummingbird answers itself (400,
/// 413, …) get Norwegian text, and an unexpected error is 500, its cause kept for the access log.
/// Under `/api/` the API middleware answers problems; what reaches this far there is a 500 problem.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AccessError {
            throw error
        } catch let error as any HTTPResponseError {
            if error.status.code >= 500 { context.record.fail(error) }
            if isAPI(request) { throw error }
            var response = page(for: error, context: context).response
            if let error = error as? HTTPError { response.headers.append(contentsOf: error.headers) }
            return response
        } catch {
            context.record.fail(error)
            if StorageAvailability.isUnavailable(error) {
                // PostgreSQL restarting or down: a clear 503; the pool reconnects by itself.
                if isAPI(request) { return APIMiddleware.response(.databaseUnavailable) }
                var response = pages.error(.serviceUnavailable, heading: "Databasen svarer ikke",
                                           message: "Styr får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.", context: context).response
                response.headers[.retryAfter] = "5"
                return response
            }
            if isAPI(request) { return APIMiddleware.response(.internalError) }
            return pages.error(.internalServerError, heading: "Noe gikk galt",
                               message: "Styr kunne ikke vise siden. Feilen er logget; prøv igjen om litt.", context: context).response
        }
    }

    func isAPI(_ request: Request) -> Bool { request.uri.path == "/api" || request.uri.path.hasPrefix("/api/") }

    /// The page of a status Hummingbird or a handler answered without a page of its own.
    func page(for error: any HTTPResponseError, context: Context) -> HTML {
        let message = (error as? HTTPError)?.body.flatMap(Self.norwegian)
        let status = error.status
        let (heading, text): (String, String) = switch status.code {
        case 404: ("Fant ikke siden", "Det finnes ingen side på denne adressen i Styr. Sjekk adressen, eller gå til forsiden.")
        case 400: ("Ugyldig adresse", "Adressen eller skjemaet kunne ikke leses.")
        case 413: ("For mye innhold", "Det som ble sendt, er større enn Styr tar imot.")
        case 400..<500: ("Forespørselen ble avvist", "Styr kunne ikke svare på forespørselen.")
        default: ("Noe gikk galt", "Styr kunne ikke vise siden. Feilen er logget; prøv igjen om litt.")
        }
        return pages.error(status, heading: heading, message: message ?? text, context: context)
    }

    /// A handler's own message (Styr writes Norwegian), or a Norwegian one for Hummingbird's English.
    static func norwegian(_ message: String) -> String? {
        if message == "Expected parameter does not exist" { return "Adressen mangler en del." }
        if message.hasPrefix("Parameter '") || message.hasPrefix("One of the parameters '") {
            let value = message.drop { $0 != "'" }.dropFirst().prefix { $0 != "'" }
            return "«\(value)» i adressen kan ikke leses. Sjekk adressen."
        }
        // Anything else from Hummingbird (request decoding, files) is English: the status's own text.
        let hummingbird = ["The given data", "Coding key", "Value not found", "Type mismatch", "Invalid percent", "Unable to read"]
        return hummingbird.contains(where: message.hasPrefix) ? nil : message
    }
}
