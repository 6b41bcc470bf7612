import Foundation

/// One check of published tables, from bytes to report: each file read by its definition (named,
/// given as a file, or the shipped one that fits it best), then every identity checked together.
public enum TableCheckRun {
    public struct File: Sendable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// `definitions`: none (each file gets the shipped definition that names most of its rows),
    /// one (for every file) or one per file, in order. Throws for input that cannot be checked:
    /// an unusable definition (a cycle, an unknown row), a file that fits no definition, a missing
    /// column, a number that cannot be read.
    public static func check(_ files: [File], definitions: [TableDefinition], tolerance: Double? = nil) throws(TableCheckError) -> TableCheckReport {
        guard !files.isEmpty else { throw TableCheckError(reason: "ingen tabell å kontrollere") }
        guard definitions.count <= 1 || definitions.count == files.count else {
            throw TableCheckError(reason: "\(definitions.count) definisjoner for \(files.count) filer: gi én definisjon for alle, eller én per fil i samme rekkefølge")
        }
        for definition in definitions {
            let problems = definition.problems
            guard problems.isEmpty else {
                throw TableCheckError(file: "definisjonen «\(definition.name)»", reason: problems.joined(separator: "; "))
            }
        }
        if let tolerance, tolerance < 0 { throw TableCheckError(reason: "toleransen kan ikke være negativ") }
        var tables: [DefinedTable] = []
        for (index, file) in files.enumerated() {
            let text = TableLines(PublishedTableTextDecoder.decode(file.data))
            let names: TableDefinitionNames
            if definitions.isEmpty {
                let fits = ShippedTableDefinitions.allNames.map { (names: $0, rows: DefinedTable.fit(text, names: $0)) }
                guard let best = fits.max(by: { $0.rows < $1.rows }), best.rows > 0 else {
                    throw TableCheckError(file: file.name, reason: "tabellen passer ingen kjent definisjon (" + ShippedTableDefinitions.all.map(\.name).joined(separator: ", ")
                        + "): ingen av dem finner både kolonnene og radene sine. Oppgi en definisjon (--definition NAVN eller FIL)")
                }
                names = best.names
            } else {
                names = TableDefinitionNames(definitions.count == 1 ? definitions[0] : definitions[index])
            }
            tables.append(try DefinedTable.read(text, fileName: file.name, names: names))
        }
        return TableDefinitionCheck.check(tables, tolerance: tolerance)
    }

    /// A definition from JSON, checked; errors name the file.
    public static func definition(json data: Data, fileName: String) throws(TableCheckError) -> TableDefinition {
        let definition: TableDefinition
        do {
            definition = try JSONDecoder().decode(TableDefinition.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw TableCheckError(file: fileName, reason: "nøkkelen «\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))» mangler")
        } catch let DecodingError.typeMismatch(_, context) {
            throw TableCheckError(file: fileName, reason: "feil type ved «\(context.codingPath.map(\.stringValue).joined(separator: "."))»")
        } catch {
            throw TableCheckError(file: fileName, reason: "er ikke en tabelldefinisjon i JSON (\(error.localizedDescription))")
        }
        let problems = definition.problems
        guard problems.isEmpty else { throw TableCheckError(file: fileName, reason: problems.joined(separator: "; ")) }
        return definition
    }

    /// The definition as JSON, keys sorted, for `--show-definition`.
    public static func json(_ definition: TableDefinition) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(definition)) ?? Data(), as: UTF8.self)
    }
}
