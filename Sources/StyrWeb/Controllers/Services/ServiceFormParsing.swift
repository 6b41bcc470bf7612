import StyrDomain

/// Reading the service pages' form fields into domain values. A value that is not a number is
/// refused here, under the domain field it was meant for, before any use case runs.
enum ServiceFormParsing {
    /// Kroner with at most two decimals (`1 254,50`).
    static func money(_ text: String, field: String, _ errors: inout InputErrors) -> Money {
        guard let quantity = Quantity(parsing: text), quantity.milli % 10 == 0 else {
            errors.add(field, "Skriv et beløp i kroner, f.eks. 1 254,50.")
            return .zero
        }
        return Money(ore: quantity.milli / 10)
    }

    static func quantity(_ text: String, field: String, _ errors: inout InputErrors) -> Quantity? {
        if text.isEmpty { return nil }
        guard let quantity = Quantity(parsing: text) else {
            errors.add(field, "Skriv et tall, f.eks. 1 200 eller 99,5.")
            return nil
        }
        return quantity
    }

    static func integer(_ text: String, field: String, _ errors: inout InputErrors) -> Int? {
        if text.isEmpty { return nil }
        guard let value = Int(text.filter { !$0.isWhitespace }) else {
            errors.add(field, "Skriv et helt tall.")
            return nil
        }
        return value
    }

    /// One service level a line: `Tilgjengelighet; 99,5; %; høyere` (higher or lower is better).
    static func levels(_ text: String, _ errors: inout InputErrors) -> [ServiceLevel] {
        text.split(whereSeparator: \.isNewline).compactMap { line -> ServiceLevel? in
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 4, let target = Quantity(parsing: parts[1]), ["høyere", "lavere"].contains(parts[3].lowercased()) else {
                errors.add("serviceLevels", "Skriv ett tjenestenivå per linje: navn; mål; enhet; høyere eller lavere (er bedre). F.eks. «Tilgjengelighet; 99,5; %; høyere».")
                return nil
            }
            return ServiceLevel(name: parts[0], target: target, unit: parts[2], higherIsBetter: parts[3].lowercased() == "høyere")
        }
    }

    static func levelsText(_ levels: [ServiceLevel]) -> String {
        levels.map { "\($0.name); \(NorwegianFormat.quantity($0.target, decimals: 3)); \($0.unit); \($0.higherIsBetter ? "høyere" : "lavere")" }
            .joined(separator: "\n")
    }
}
