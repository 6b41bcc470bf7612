import Foundation

extension YearFile {
    /// Pretty-printed JSON with sorted keys and ISO 8601 instants: the same file for the same data.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads a year file. Refuses, as `InputErrors` keyed by JSON path (`chapters[0].number`), a
    /// document that is not JSON, a schema version this build does not know, and a field that is
    /// missing or of the wrong type.
    public static func decode(_ data: Data) throws -> YearFile {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        struct Header: Decodable { var schemaVersion: Int? }
        do {
            let header = try decoder.decode(Header.self, from: data)
            guard let version = header.schemaVersion else {
                throw InputErrors.single("schemaVersion", "Mangler. En årsfil oppgir skjemaversjonen (\(currentSchemaVersion)).")
            }
            try YearFileRules.checkVersion(version)
            return try decoder.decode(YearFile.self, from: data)
        } catch let error as DecodingError {
            throw InputErrors.single(Self.path(of: error), Self.reason(of: error))
        }
    }

    /// The JSON path a decoding error is about (`budgetAmounts[3].amount.ore`), or `$` for the document.
    static func path(of error: DecodingError) -> String {
        var keys: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): keys = context.codingPath
        case .keyNotFound(let key, let context): keys = context.codingPath + [key]
        @unknown default: keys = []
        }
        var path = ""
        for key in keys {
            if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return path.isEmpty ? "$" : path
    }

    /// Why a decoding error happened, in Norwegian.
    static func reason(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound: return "Mangler."
        case .valueNotFound(let type, _): return "Mangler en verdi (\(typeName(type)))."
        case .typeMismatch(let type, _): return "Har feil type; ventet \(typeName(type))."
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "Fila er ikke gyldig JSON (avkortet eller skadet)." }
            return "Ugyldig verdi."
        @unknown default: return "Kan ikke leses."
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "tekst"
        case is Int.Type, is Int64.Type: "et heltall"
        case is Double.Type: "et tall"
        case is Bool.Type: "true eller false"
        case is Date.Type: "et tidspunkt (ISO 8601)"
        default: type is any Collection.Type ? "en liste" : "et objekt"
        }
    }
}
