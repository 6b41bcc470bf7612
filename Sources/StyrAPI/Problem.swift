public import Foundation

/// An RFC 9457 problem, in Norwegian, for an API error.
public struct APIProblem: Error, Sendable {
    public var status: Int
    public var title: String
    public var detail: String?
    /// An extension member: the first errors in full (e.g. the lines of a refused ledger file).
    public var errors: [String]?

    public init(status: Int, title: String, detail: String? = nil, errors: [String]? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    public static func notFound(_ detail: String) -> APIProblem { APIProblem(status: 404, title: "Fant ikke ressursen", detail: detail) }
    public static func forbidden(_ detail: String) -> APIProblem { APIProblem(status: 403, title: "Ingen tilgang", detail: detail) }
    public static let unauthorized = APIProblem(
        status: 401, title: "Ikke innlogget", detail: "Bruk en API-nøkkel (Authorization: Bearer …) eller logg inn.")
    public static func invalid(_ detail: String) -> APIProblem { APIProblem(status: 422, title: "Ugyldige data", detail: detail) }
    public static func conflict(_ detail: String) -> APIProblem { APIProblem(status: 409, title: "Konflikt", detail: detail) }
    /// An unexpected error: the cause is logged, not shown.
    public static let internalError = APIProblem(
        status: 500, title: "Intern feil", detail: "Styr kunne ikke svare på forespørselen. Feilen er logget; prøv igjen om litt.")

    /// A problem of `status` with its Norwegian title.
    public init(status: Int, detail: String? = nil) {
        self.init(status: status, title: Self.title(status: status), detail: detail)
    }

    /// The Norwegian title of an HTTP status (its reason phrase).
    public static func title(status: Int) -> String {
        switch status {
        case 400: "Ugyldig forespørsel"
        case 401: "Ikke innlogget"
        case 403: "Ingen tilgang"
        case 404: "Fant ikke ressursen"
        case 405: "Metoden er ikke tillatt"
        case 406: "Kan ikke svare i formatet som ble bedt om"
        case 408: "Forespørselen tok for lang tid"
        case 409: "Konflikt"
        case 410: "Ressursen finnes ikke lenger"
        case 411: "Lengden mangler"
        case 413: "For stor forespørsel"
        case 414: "For lang adresse"
        case 415: "Innholdstypen støttes ikke"
        case 422: "Ugyldige data"
        case 429: "For mange forespørsler"
        case 431: "For store overskrifter"
        case 501: "Ikke støttet"
        case 503: "Tjenesten er ikke tilgjengelig"
        case 400..<500: "Ugyldig forespørsel"
        default: "Intern feil"
        }
    }

    /// The problem as `application/problem+json`.
    public var json: Data {
        var object: [String: Any] = ["type": "about:blank", "title": title, "status": status]
        if let detail { object["detail"] = detail }
        if let errors { object["errors"] = errors }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

/// The OpenAPI document, as served at `/api/openapi.json`.
public enum OpenAPIDocument {
    public static var json: Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url) else { return Data("{}".utf8) }
        return data
    }
}
