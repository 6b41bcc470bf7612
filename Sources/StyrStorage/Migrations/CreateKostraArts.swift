import Foundation
import SQLKit

/// The KOSTRA arts valid in 2025 (Statistics Norway's code list, `Resources/`), so that imported
/// accounts can be checked against them.
struct CreateKostraArts: Migration {
    let name = "0005_kostra_arts"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "kostra_arts")
            .column("art", type: .text, .primaryKey(autoIncrement: false))
            .column("group_digit", type: .bigint, .notNull)
            .column("valid_in_operating", type: .bigint, .notNull)
            .column("valid_in_investment", type: .bigint, .notNull)
            .column("name", type: .text)
            .run()
        for art in try KostraCodeList.arts() {
            try await db.insert(into: "kostra_arts")
                .columns("art", "group_digit", "valid_in_operating", "valid_in_investment", "name")
                .values(
                    SQLBind(art.art), SQLBind(art.groupDigit), SQLBind(art.validInOperating ? 1 : 0),
                    SQLBind(art.validInInvestment ? 1 : 0), SQLBind(art.name)
                )
                .run()
        }
    }
}

public struct KostraArt: Hashable, Sendable {
    public var art: String
    public var groupDigit: Int
    public var validInOperating: Bool
    public var validInInvestment: Bool
    public var name: String?
}

/// Reads the KOSTRA code lists shipped with Styr.
public enum KostraCodeList {
    public static func arts() throws -> [KostraArt] {
        guard let url = Bundle.module.url(forResource: "kostra_arter_valid_codes_2025", withExtension: "csv", subdirectory: "Resources")
        else { throw StorageError.notFound("KOSTRA-artslisten i programpakken") }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).dropFirst().enumerated().map { index, line in
            let fields = parseCSVLine(String(line))
            guard fields.count >= 6, let digit = Int(fields[1]) else {
                throw StorageError.invalid("KOSTRA-artslisten, linje \(index + 2): forventet minst 6 felt")
            }
            return KostraArt(
                art: fields[0], groupDigit: digit, validInOperating: fields[3] == "yes",
                validInInvestment: fields[4] == "yes", name: fields[5].isEmpty ? nil : fields[5]
            )
        }
    }

    /// Splits one comma-separated line, honouring double quotes.
    static func parseCSVLine(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\"" where quoted:
                quoted = false
            case "\"" where current.isEmpty:
                quoted = true
            case "," where !quoted:
                fields.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
