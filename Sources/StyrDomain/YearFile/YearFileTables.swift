import Foundation

/// One table of the year file as a spreadsheet sheet: a name, a header row, rows of cells.
public struct YearFileTable: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case empty
        case text(String)
        case integer(Int64)
    }

    public var name: String
    public var header: [String]
    public var rows: [[Value]]

    public init(name: String, header: [String], rows: [[Value]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

/// The year file as tables with Norwegian headers (the spreadsheet template agencies fill in:
/// `styr export year --format xlsx`, `styr import year FILE.xlsx`). A sheet «Årsfil» holds the
/// file's own fields (one per row); every list of records is a sheet of its own, one record a row.
/// A record's fields are columns (`amount.ore` → «Beløp (øre)»); a list inside a record (revision
/// lines, goals, notes, a letter's assignments) is JSON text in one cell, marked «(JSON)»; a calendar
/// date is `dd.mm.åååå`, marked «(dato)»; yes/no is `ja`/`nei`, marked «(ja/nei)». Reading the
/// tables gives the JSON document back, which is read as any year file, so the same rules and the
/// same refusals apply. Headers that are not Norwegian labels are the field's JSON path.
public enum YearFileTables {
    /// The sheet of the file's own fields.
    public static let infoSheet = "Årsfil"

    /// The sheets of the lists, in order, with the JSON path of the list each holds.
    public static let listSheets: [(name: String, path: [String])] = [
        ("Overordnede", ["parents"]), ("Kapitler", ["chapters"]), ("Budsjett og regnskap", ["budgetAmounts"]),
        ("Fjorårets regnskap", ["previousYearActuals"]), ("Budsjettreguleringer", ["budgetRevisions"]),
        ("Investeringsprosjekter", ["investmentProjects"]), ("Bemanning", ["staffing"]), ("Målområder", ["goalAreas"]),
        ("Indikatorer", ["indicators"]), ("Samfunnsoppdrag", ["missionStatements"]), ("Tekster", ["narratives"]),
        ("Tildelingsbrev", ["dialogue", "letters"]), ("Statusrapporter", ["dialogue", "assignmentUpdates"]),
        ("Møter", ["dialogue", "meetings"]), ("Styringssignaler", ["dialogue", "signals"]), ("Meldinger", ["dialogue", "notices"]),
    ]

    /// Norwegian headers of the common fields, by JSON path within a record. Each label is used once.
    static let labels: [String: String] = [
        "schemaVersion": "Skjemaversjon", "year": "År", "organisation.code": "Organisasjonskode",
        "organisation.name": "Organisasjonsnavn", "organisation.kind": "Organisasjonstype",
        "organisation.parentCode": "Overordnet organisasjon", "organisation.closedOn": "Organisasjon nedlagt",
        "code": "Kode", "name": "Navn", "kind": "Type", "parentCode": "Overordnet", "closedOn": "Nedlagt",
        "number": "Nummer", "organisationCode": "Organisasjon", "chapter": "Kapittel",
        "group.first": "Artsgruppe fra", "group.last": "Artsgruppe til", "measure": "Måltype", "amount.ore": "Beløp (øre)",
        "reference": "Referanse", "decidedOn": "Vedtatt", "reason": "Begrunnelse", "lines": "Linjer",
        "groups.first": "Artsgrupper fra", "groups.last": "Artsgrupper til", "councilCompletion": "Ferdig etter bystyrets vedtak",
        "expectedCompletion": "Forventet ferdig", "originalBudget.ore": "Opprinnelig budsjett (øre)",
        "revisedBudget.ore": "Regulert budsjett (øre)", "actuals.ore": "Regnskap (øre)", "decided": "Vedtak",
        "asOf": "Per", "headcount": "Antall ansatte", "fullTimeEquivalents.milli": "Årsverk (tusendeler)", "comment": "Kommentar",
        "goals": "Mål", "narrative": "Omtale", "indicator.key": "Indikatornøkkel", "indicator.name": "Indikator",
        "indicator.unit": "Enhet", "indicator.polarity": "Retning", "indicator.deviationRule": "Avviksregel",
        "indicator.tolerance.yellow.milli": "Gul grense (tusendeler)", "indicator.tolerance.red.milli": "Rød grense (tusendeler)",
        "indicator.decimals": "Desimaler", "indicator.introducedIn": "Innført", "indicator.notes": "Merknader",
        "indicator.goalArea": "Målområde", "value.year": "Verdi år", "value.result.milli": "Resultat (tusendeler)",
        "value.target.value._0.milli": "Mål (tusendeler)", "value.target.range.low.milli": "Mål fra (tusendeler)",
        "value.target.range.high.milli": "Mål til (tusendeler)", "value.notMeasuredReason": "Ikke målt fordi",
        "value.deviationComment": "Avvikskommentar", "history": "Tidligere år", "key": "Nøkkel", "title": "Tittel", "body": "Tekst",
        "version": "Versjon", "fixedOn": "Fastsatt", "fixedByCode": "Fastsatt av", "sections": "Avsnitt", "coreTasks": "Kjerneoppgaver",
        "targetGroups": "Målgrupper", "authorities": "Fullmakter", "fundingSources": "Finansieringskilder",
        "revisionTriggers": "Revisjonsgrunner", "status": "Status", "issuedOn": "Utstedt", "issuedByCode": "Utstedt av",
        "introduction": "Innledning", "amendments": "Endringer", "assignmentKey": "Oppdrag", "date": "Dato",
        "recordedBy": "Registrert av", "id": "Id", "chairedByCode": "Ledet av", "participants": "Deltakere", "topics": "Tema",
        "otherTopics": "Andre tema", "agenda": "Dagsorden", "minutes": "Referat", "items": "Punkter", "text": "Signal",
        "givenBy": "Gitt av", "givenOn": "Gitt", "origin": "Kanal", "meetingID": "Møte", "place": "Sted",
        "confirmedOn": "Bekreftet", "createdBy": "Skrevet av", "createdAt": "Skrevet", "submittedAt": "Sendt",
    ]

    static let dateMark = " (dato)", jsonMark = " (JSON)", boolMark = " (ja/nei)"

    // MARK: Writing

    /// The tables of a year file: «Årsfil», then one sheet per list (an empty list has no columns).
    public static func tables(_ file: YearFile) throws -> [YearFileTable] {
        guard case .object(var info) = try JSONDecoder().decode(JSONValue.self, from: try file.encoded()) else { return [] }
        var dialogue: [String: JSONValue] = [:]
        if case .object(let stored)? = info.removeValue(forKey: "dialogue") { dialogue = stored }
        var lists: [[JSONValue]] = []
        for sheet in listSheets {
            let value = sheet.path.count == 1 ? info.removeValue(forKey: sheet.path[0]) : dialogue.removeValue(forKey: sheet.path[1])
            if case .array(let records)? = value { lists.append(records) } else { lists.append([]) }
        }
        if !dialogue.isEmpty { info["dialogue"] = .object(dialogue) }
        var tables = [YearFileTable(
            name: infoSheet, header: ["Felt", "Verdi"],
            rows: flatten(info, prefix: "").map { [.text(header($0.path, $0.mark)), $0.value] })]
        for (sheet, records) in zip(listSheets, lists) {
            let flattened = records.map { record -> [Leaf] in
                if case .object(let fields) = record { return flatten(fields, prefix: "") }
                return []
            }
            var columns: [(path: String, mark: String)] = []
            for leaves in flattened {
                for leaf in leaves where !columns.contains(where: { $0.path == leaf.path }) { columns.append((leaf.path, leaf.mark)) }
            }
            let rows = flattened.map { leaves in columns.map { column in leaves.first { $0.path == column.path }?.value ?? .empty } }
            tables.append(YearFileTable(name: sheet.name, header: columns.map { header($0.path, $0.mark) }, rows: rows))
        }
        return tables
    }

    static func header(_ path: String, _ mark: String) -> String { (labels[path] ?? path) + mark }

    typealias Leaf = (path: String, value: YearFileTable.Value, mark: String)

    /// A record's leaves: nested objects by dotted path; lists as JSON; dates as `dd.mm.åååå`.
    static func flatten(_ object: [String: JSONValue], prefix: String) -> [Leaf] {
        var leaves: [Leaf] = []
        for key in object.keys.sorted() {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            guard let value = object[key] else { continue }
            switch value {
            case .object(let nested):
                if let date = dateText(nested) {
                    leaves.append((path, .text(date), dateMark))
                } else if nested.isEmpty {
                    leaves.append((path, .text("{}"), jsonMark))
                } else {
                    leaves += flatten(nested, prefix: path)
                }
            case .array(let list): leaves.append((path, .text(JSONValue.array(list).text), jsonMark))
            case .bool(let flag): leaves.append((path, .text(flag ? "ja" : "nei"), boolMark))
            case .integer(let number): leaves.append((path, .integer(number), ""))
            case .number(let number): leaves.append((path, .text(String(number)), ""))
            case .string(let text): leaves.append((path, .text(text), ""))
            case .null: continue
            }
        }
        return leaves
    }

    static func dateText(_ object: [String: JSONValue]) -> String? {
        guard Set(object.keys) == ["year", "month", "day"], case .integer(let year)? = object["year"],
              case .integer(let month)? = object["month"], case .integer(let day)? = object["day"] else { return nil }
        return String(format: "%02d.%02d.%04d", Int(day), Int(month), Int(year))
    }
}

/// Any JSON value, with whole numbers kept exact (money in øre does not pass through a Double).
enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([JSONValue].self) {
            self = .array(list)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .integer(let integer): try container.encode(integer)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let list): try container.encode(list)
        case .object(let object): try container.encode(object)
        }
    }

    /// Compact JSON with sorted keys.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
