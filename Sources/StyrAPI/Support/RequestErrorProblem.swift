public import OpenAPIRuntime
import Foundation
import StyrDomain
import StyrServices

extension APIProblem {
    /// The API's one mapping of an error from the OpenAPI runtime: a problem a handler threw stays
    /// as it is; a request the runtime could not read (JSON, a parameter, the content type) is
    /// described in Norwegian, naming the field or parameter where it can; anything else is an
    /// internal error (500), logged by the caller. `bodyIsEmpty`: the request came without a body
    /// (the runtime's error does not tell an empty body from broken JSON).
    public init(_ error: ServerError, bodyIsEmpty: Bool = false) {
        if let problem = error.underlyingError as? APIProblem {
            self = problem
        } else if let refusal = error.underlyingError as? ServiceError {
            self = APIProblem(refusal)
        } else if let conflict = error.underlyingError as? WriteConflict {
            self = APIProblem(conflict)
        } else {
            let status = Int(error.httpStatus.code)
            self = status >= 500 ? .internalError : APIProblem(status: status, detail: RequestError.detail(of: error, bodyIsEmpty: bodyIsEmpty))
        }
    }
}

/// Norwegian descriptions of what the OpenAPI runtime could not read in a request.
enum RequestError {
    static func detail(of error: ServerError, bodyIsEmpty: Bool) -> String {
        // The runtime reads the path, the query and then the body: a parameter it could not read
        // is named from the API's description (its own error does not name it).
        if error.operationInput == nil, error.underlyingError is DecodingError {
            let query = error.request.path.flatMap { path in path.firstIndex(of: "?").map { String(path[path.index(after: $0)...]) } }
            if let problem = APIRoutes.styr.parameterProblem(
                operation: error.operationID, path: error.requestMetadata.pathParameters, query: query) {
                return problem
            }
            if bodyIsEmpty || error.requestBody?.length == .known(0) { return missingBody }
        }
        return detail(of: error.underlyingError)
    }

    static let missingBody = "Forespørselen mangler innhold; send JSON som beskrevet i API-beskrivelsen."

    static func detail(of error: any Error) -> String {
        if let decoding = error as? DecodingError { return detail(of: decoding) }
        // The runtime's own errors are internal to it; each case's name and values are read by reflection.
        guard let child = Mirror(reflecting: error).children.first, let name = child.label else { return generic }
        let values = Mirror(reflecting: child.value).children.map { String(describing: $0.value) }
        let value = values.first ?? String(describing: child.value)
        switch name {
        case "missingRequiredQueryParameter": return "Parameteren «\(value)» mangler i adressen (?\(value)=…)."
        case "missingRequiredPathParameter": return "Adressen mangler «\(value)»."
        case "missingRequiredHeaderField": return "Overskriften «\(value)» mangler."
        case "missingRequiredRequestBody": return missingBody
        case "unexpectedContentTypeHeader":
            let (expected, received) = values.count == 2 ? (values[0], values[1]) : ("application/json", "")
            return received.isEmpty
                ? "Forespørselen mangler Content-Type; send «\(expected)»."
                : "Innholdstypen «\(received)» kan ikke brukes her; send «\(expected)»."
        case "invalidExpectedContentType": return "Innholdstypen «\(value)» er ugyldig."
        case "failedToDecodeStringConvertibleValue":
            return "En verdi i adressen eller en overskrift kunne ikke leses som \(typeName(value))."
        case "malformedAcceptHeader", "invalidAcceptSubstring": return "Accept-overskriften «\(value)» er ugyldig."
        case "responseContentTypeNotAcceptable":
            return "Svaret kan bare sendes som «\(value)», og det godtar ikke Accept-overskriften."
        case "missingRequiredMultipartFormDataContentType", "missingMultipartBoundaryContentTypeParameter", "multipartBoundaryTooLong",
             "missingOrMalformedContentDispositionName":
            return "Innholdet skal være multipart/form-data med en gyldig boundary og et navn på hver del."
        case "invalidBase64String": return "En verdi er ikke gyldig base64."
        default: return generic
        }
    }

    static let generic = "Forespørselen kunne ikke leses. Se API-beskrivelsen på /api/openapi.json."

    static func detail(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "Feltet «\(path(context.codingPath + [key]))» mangler."
        case .valueNotFound(let type, let context):
            return context.codingPath.isEmpty
                ? missingBody
                : "Feltet «\(path(context.codingPath))» mangler en verdi (\(typeName(String(describing: type))))."
        case .typeMismatch(let type, let context):
            return context.codingPath.isEmpty
                ? "Innholdet skal være \(typeName(String(describing: type)))."
                : "Feltet «\(path(context.codingPath))» skal være \(typeName(String(describing: type)))."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "Innholdet er ikke gyldig JSON."
                : "Feltet «\(path(context.codingPath))» har en verdi som ikke er tillatt. Se API-beskrivelsen på /api/openapi.json."
        @unknown default:
            return generic
        }
    }

    /// `lines[0].amount`: the JSON field's place in the body, or a parameter's name.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// What a Swift type is called in JSON, in Norwegian.
    static func typeName(_ type: String) -> String {
        switch type {
        case "String", "Substring": "tekst"
        case "Int", "Int64", "Int32", "Int16", "Int8", "UInt", "UInt64", "UInt32": "et heltall"
        case "Double", "Float", "Decimal": "et tall"
        case "Bool": "true eller false"
        case "Date": "en dato og tid (ISO 8601)"
        case _ where type.hasPrefix("Array") || type.hasPrefix("["): "en liste"
        case _ where type.hasPrefix("Dictionary") || type.contains(":"): "et objekt"
        default: "en verdi av riktig type"
        }
    }
}
