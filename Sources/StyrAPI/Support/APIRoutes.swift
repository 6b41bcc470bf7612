import Foundation

/// The API's paths, methods and parameters, read from the OpenAPI document the routes are generated
/// from: to tell an unknown address (404) from a known one asked with a method it does not have
/// (405, with `Allow`), and to name the parameter a request got wrong.
public struct APIRoutes: Sendable {
    struct Route: Sendable {
        /// The path's segments; nil stands for a parameter (`{code}`).
        var segments: [String?]
        var methods: [String]
    }

    /// A path or query parameter of an operation, and what its value must be.
    struct Parameter: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            case integer, boolean, text, list
            case oneOf([String])
        }

        var name: String
        var location: String
        var required: Bool
        var kind: Kind
    }

    let prefix: String
    let routes: [Route]
    /// The parameters of each operation, by its id.
    let parameters: [String: [Parameter]]

    /// The routes of the API's own document (`/api/openapi.json`).
    public static let styr = APIRoutes(document: OpenAPIDocument.json)

    init(document: Data) {
        let object = (try? JSONSerialization.jsonObject(with: document)) as? [String: Any] ?? [:]
        let servers = object["servers"] as? [[String: Any]] ?? []
        prefix = servers.first?["url"] as? String ?? ""
        let components = object["components"] as? [String: Any] ?? [:]
        func resolve(_ value: Any?, in section: String) -> [String: Any] {
            guard let value = value as? [String: Any] else { return [:] }
            guard let reference = value["$ref"] as? String else { return value }
            let name = String(reference.split(separator: "/").last ?? "")
            return (components[section] as? [String: Any])?[name] as? [String: Any] ?? [:]
        }
        let paths = object["paths"] as? [String: [String: Any]] ?? [:]
        let methods = ["get", "put", "post", "delete", "patch", "head", "options"]
        var parameters: [String: [Parameter]] = [:]
        for (_, operations) in paths {
            for method in methods {
                guard let operation = operations[method] as? [String: Any], let id = operation["operationId"] as? String else { continue }
                let shared = operations["parameters"] as? [Any] ?? []
                parameters[id] = (shared + (operation["parameters"] as? [Any] ?? [])).map { resolve($0, in: "parameters") }.map { parameter in
                    let schema = resolve(parameter["schema"], in: "schemas")
                    let kind: Parameter.Kind = switch schema["type"] as? String {
                    case "integer": .integer
                    case "boolean": .boolean
                    case "array": .list
                    default: (schema["enum"] as? [String]).map { .oneOf($0) } ?? .text
                    }
                    return Parameter(
                        name: parameter["name"] as? String ?? "", location: parameter["in"] as? String ?? "",
                        required: parameter["required"] as? Bool ?? false, kind: kind)
                }
            }
        }
        self.parameters = parameters
        routes = paths.map { path, operations in
            Route(
                segments: path.split(separator: "/").map { $0.hasPrefix("{") && $0.hasSuffix("}") ? nil : String($0) },
                methods: methods.filter { operations[$0] != nil }.map { $0.uppercased() })
        }
    }

    /// The methods of the API path `path` (with the server's prefix, `/api/v1/…`); nil when the
    /// API has no such path.
    public func methods(ofPath path: String) -> [String]? {
        guard path.hasPrefix(prefix + "/") else { return nil }
        // As the router reads a path: repeated and trailing slashes count for nothing.
        let segments = path.dropFirst(prefix.count).split(separator: "/")
        let found = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { pattern, segment in pattern == nil || pattern! == segment }
        }
        guard !found.isEmpty else { return nil }
        return Array(Set(found.flatMap(\.methods))).sorted()
    }

    /// What is wrong with the first parameter of `operation` that a request got wrong, in
    /// Norwegian: a required one missing, or a value not of its type. `query` is the request's
    /// query string; `path` the values taken from its path.
    func parameterProblem(operation: String, path: [String: Substring], query: String?) -> String? {
        let items = URLComponents(string: "/?" + (query ?? ""))?.queryItems ?? []
        for parameter in parameters[operation] ?? [] {
            let values: [String] = switch parameter.location {
            case "path": path[parameter.name].map { [String($0)] } ?? []
            case "query": items.filter { $0.name == parameter.name }.map { $0.value ?? "" }
            default: []
            }
            if values.isEmpty {
                if parameter.required && parameter.location == "query" {
                    return "Parameteren «\(parameter.name)» mangler i adressen (?\(parameter.name)=…)."
                }
                continue
            }
            for value in values {
                switch parameter.kind {
                case .integer where Int64(value) == nil:
                    return "Parameteren «\(parameter.name)» skal være et heltall, ikke «\(value)»."
                case .boolean where value != "true" && value != "false":
                    return "Parameteren «\(parameter.name)» skal være true eller false, ikke «\(value)»."
                case .oneOf(let allowed) where !allowed.contains(value):
                    return "Parameteren «\(parameter.name)» skal være én av \(allowed.joined(separator: ", ")), ikke «\(value)»."
                default: continue
                }
            }
        }
        return nil
    }
}
