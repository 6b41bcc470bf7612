import Foundation
import SQLKit
import StyrDomain

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

/// The KOSTRA funksjoner valid in 2025, for checking imported accounts.
struct CreateKostraFunctions: Migration {
    let name = "0007_kostra_functions"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "kostra_functions")
            .column("function", type: .text, .primaryKey(autoIncrement: false))
            .column("scope", type: .text, .notNull)
            .column("name", type: .text)
            .run()
        for function in try KostraCodeList.functions() {
            try await db.insert(into: "kostra_functions").columns("function", "scope", "name")
                .values(SQLBind(function.function), SQLBind(function.scope), SQLBind(function.name))
                .run()
        }
    }
}

/// The nine artsgrupper with the labels Oslo kommune prints in its operating and investment tables.
struct CreateKostraObjectGroups: Migration {
    let name = "0008_kostra_object_groups"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "kostra_object_groups")
            .column("group_first", type: .bigint, .primaryKey(autoIncrement: false))
            .column("group_last", type: .bigint, .notNull)
            .column("side", type: .text, .notNull)
            .column("operating_label", type: .text, .notNull)
            .column("investment_label", type: .text, .notNull)
            .run()
        for group in try KostraCodeList.objectGroups() {
            try await db.insert(into: "kostra_object_groups")
                .columns("group_first", "group_last", "side", "operating_label", "investment_label")
                .values(SQLBind(Int64(group.group.first)), SQLBind(Int64(group.group.last)), SQLBind(group.group.isExpense ? "expense" : "revenue"),
                        SQLBind(group.operatingLabel), SQLBind(group.investmentLabel))
                .run()
        }
    }
}

public struct KostraObjectGroup: Hashable, Sendable {
    public var group: ObjectGroup
    public var operatingLabel: String
    public var investmentLabel: String
}

public struct KostraFunction: Hashable, Sendable {
    public var function: String
    /// Where the funksjon may be used in 2025 (kommune, fylkeskommune, …).
    public var scope: String
    /// A name as used by a municipality; the code list has no official names.
    public var name: String?
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
        try rows(of: "kostra_arter_valid_codes_2025", minimumFields: 6).enumerated().map { index, fields in
            guard let digit = Int(fields[1]) else {
                throw StorageError.invalid("kostra_arter_valid_codes_2025, linje \(index + 2): ugyldig artsgruppesiffer «\(fields[1])»")
            }
            return KostraArt(
                art: fields[0], groupDigit: digit, validInOperating: fields[3] == "yes",
                validInInvestment: fields[4] == "yes", name: fields[5].isEmpty ? nil : fields[5]
            )
        }
    }

    public static func objectGroups() throws -> [KostraObjectGroup] {
        try rows(of: "kostra_artsgrupper_oslo_labels", minimumFields: 5).enumerated().map { index, fields in
            guard let first = Int(fields[0]), let last = Int(fields[1]), first <= last, last <= 999 else {
                throw StorageError.invalid("kostra_artsgrupper_oslo_labels, linje \(index + 2): ugyldig artsgruppe «\(fields[0])-\(fields[1])»")
            }
            // The source notes a misprint in parentheses after one label; the label itself stops before it.
            let operating = fields[3].components(separatedBy: " (printed").first ?? fields[3]
            return KostraObjectGroup(group: ObjectGroup(first: first, last: last), operatingLabel: operating, investmentLabel: fields[4])
        }
    }

    public static func functions() throws -> [KostraFunction] {
        try rows(of: "kostra_funksjoner_valid_codes_2025", minimumFields: 2).map { fields in
            KostraFunction(function: fields[0], scope: fields[1], name: fields.dropFirst(2).first { !$0.isEmpty })
        }
    }

    /// The data rows of a shipped code list, each checked to have enough fields.
    static func rows(of resource: String, minimumFields: Int) throws -> [[String]] {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "csv", subdirectory: "Resources") else {
            throw StorageError.notFound("kodelisten \(resource) i programpakken")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).dropFirst().enumerated().map { index, line in
            let fields = parseCSVLine(String(line))
            guard fields.count >= minimumFields else {
                throw StorageError.invalid("\(resource), linje \(index + 2): forventet minst \(minimumFields) felt")
            }
            return fields
        }
    }

    /// Splits one comma-separated line, honouring double quotes and `""` inside them.
    static func parseCSVLine(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        current.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.isEmpty {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        fields.append(current)
        return fields
    }
}
