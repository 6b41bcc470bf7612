package import Foundation

/// An RFC 9457 problem, in Norwegian, for an API error.
package struct APIProblem: Error, Sendable {
    package var status: Int
    package var title: String
    package var detail: String?

    package init(status: Int, title: String, detail: String? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
    }

    package static func notFound(_ detail: String) -> APIProblem { APIProblem(status: 404, title: "Fant ikke ressursen", detail: detail) }
    package static func forbidden(_ detail: String) -> APIProblem { APIProblem(status: 403, title: "Ingen tilgang", detail: detail) }
    package static let unauthorized = APIProblem(
        status: 401, title: "Ikke innlogget", detail: "Bruk en API-nøkkel (Authorization: Bearer …) eller logg inn.")
    package static func invalid(_ detail: String) -> APIProblem { APIProblem(status: 422, title: "Ugyldige data", detail: detail) }

    /// The problem as `application/problem+json`.
    package var json: Data {
        var object: [String: Any] = ["type": "about:blank", "title": title, "status": status]
        if let detail { object["detail"] = detail }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

/// The OpenAPI document, as served at `/api/openapi.json`.
package enum OpenAPIDocument {
    package static var json: Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url) else { return Data("{}".utf8) }
        return data
    }
}
