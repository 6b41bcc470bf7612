import Foundation
import SQLKit
import StyrDomain

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

extension KostraCodeList {
    /// The 2025 code lists as the importer checks them.
    public static func codes() throws -> KostraCodes {
        KostraCodes(
            arts: try arts().compactMap { art in Int(art.art).map { (art: $0, operating: art.validInOperating, investment: art.validInInvestment) } },
            functions: Set(try functions().filter { !$0.scope.hasPrefix("NOT") }.compactMap { Int($0.function) }))
    }
}
