import Foundation

extension YearFileTables {
    /// The year file the tables hold (sheets named as `tables` names them; a missing list sheet is
    /// an empty list). Refuses, as `InputErrors`, a cell that cannot be read («Bemanning, rad 3,
    /// Per (dato)») and what any year file's reading refuses, named by sheet, row and column where
    /// the JSON path is a list's record.
    public static func file(_ tables: [YearFileTable]) throws -> YearFile {
        var errors = InputErrors()
        var document: [String: JSONValue] = [:]
        var dialogue: [String: JSONValue] = [:]
        for sheet in listSheets {
            if sheet.path.count == 1 { document[sheet.path[0]] = .array([]) } else { dialogue[sheet.path[1]] = .array([]) }
        }
        if let info = tables.first(where: { $0.name == infoSheet }) {
            for (index, row) in info.rows.enumerated() {
                guard case .text(let title)? = row.first, row.count > 1 else { continue }
                let (path, mark) = parsedHeader(title)
                do {
                    if let value = try value(row[1], mark) { set(value, at: path.split(separator: ".").map(String.init), in: &document) }
                } catch let error as CellError {
                    errors.add("\(infoSheet), rad \(index + 2), \(title)", error.message)
                }
            }
        }
        for sheet in listSheets {
            guard let table = tables.first(where: { $0.name == sheet.name }) else { continue }
            let columns = table.header.map(parsedHeader)
            var records: [JSONValue] = []
            for (index, row) in table.rows.enumerated() {
                var record: [String: JSONValue] = [:]
                for (position, cell) in row.enumerated() where position < columns.count {
                    do {
                        if let value = try value(cell, columns[position].mark) {
                            set(value, at: columns[position].path.split(separator: ".").map(String.init), in: &record)
                        }
                    } catch let error as CellError {
                        errors.add("\(sheet.name), rad \(index + 2), \(table.header[position])", error.message)
                    }
                }
                if !record.isEmpty { records.append(.object(record)) }
            }
            if sheet.path.count == 1 { document[sheet.path[0]] = .array(records) } else { dialogue[sheet.path[1]] = .array(records) }
        }
        if case .object(let extra)? = document["dialogue"] { dialogue.merge(extra) { listed, _ in listed } }
        document["dialogue"] = .object(dialogue)
        try errors.check()
        do {
            return try YearFile.decode(try JSONEncoder().encode(JSONValue.object(document)))
        } catch let decoding as InputErrors {
            var located = InputErrors()
            for entry in decoding.entries { located.add(location(of: entry.field, in: tables), entry.message) }
            throw located
        }
    }

    struct CellError: Error {
        var message: String
    }

    static let labelPaths: [String: String] = Dictionary(labels.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })

    /// A header's JSON path and mark: «Beløp (øre)» → `amount.ore`; «Per (dato)» → `asOf`, date.
    static func parsedHeader(_ header: String) -> (path: String, mark: String) {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        for mark in [dateMark, jsonMark, boolMark] where trimmed.hasSuffix(mark) {
            let label = String(trimmed.dropLast(mark.count))
            return (labelPaths[label] ?? label, mark)
        }
        return (labelPaths[trimmed] ?? trimmed, "")
    }

    static func value(_ cell: YearFileTable.Value, _ mark: String) throws -> JSONValue? {
        switch (cell, mark) {
        case (.empty, _): return nil
        case (.text(let text), _) where text.trimmingCharacters(in: .whitespaces).isEmpty && mark != "": return nil
        case (.text(let text), dateMark):
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".").compactMap { Int64($0) }
            guard parts.count == 3 else { throw CellError(message: "Ugyldig dato; skriv dd.mm.åååå.") }
            return .object(["day": .integer(parts[0]), "month": .integer(parts[1]), "year": .integer(parts[2])])
        case (.integer(let serial), dateMark):
            // A date the spreadsheet stored as a day number (days since 30.12.1899).
            let date = Date(timeIntervalSince1970: Double(serial - 25_569) * 86_400)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return .object(["day": .integer(Int64(parts.day ?? 1)), "month": .integer(Int64(parts.month ?? 1)),
                            "year": .integer(Int64(parts.year ?? 1900))])
        case (.text(let text), jsonMark):
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                throw CellError(message: "Er ikke gyldig JSON.")
            }
            return value
        case (.text(let text), boolMark):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "ja", "true", "sann": return .bool(true)
            case "nei", "false", "usann": return .bool(false)
            default: throw CellError(message: "Skriv «ja» eller «nei».")
            }
        case (.integer(let number), boolMark): return .bool(number != 0)
        case (.integer(let number), _): return .integer(number)
        case (.text(let text), _): return .string(text)
        }
    }

    static func set(_ value: JSONValue, at path: [String], in object: inout [String: JSONValue]) {
        guard let key = path.first else { return }
        if path.count == 1 {
            object[key] = value
            return
        }
        var nested: [String: JSONValue] = [:]
        if case .object(let stored)? = object[key] { nested = stored }
        set(value, at: Array(path.dropFirst()), in: &nested)
        object[key] = .object(nested)
    }

    /// A JSON path of the document as the sheet, row and column it came from, where it is a list's
    /// record (`budgetAmounts[3].amount.ore` → «Budsjett og regnskap, rad 5, Beløp (øre)»).
    static func location(of path: String, in tables: [YearFileTable]) -> String {
        for sheet in listSheets {
            let prefix = sheet.path.joined(separator: ".") + "["
            guard path.hasPrefix(prefix), let close = path.firstIndex(of: "]"),
                  let index = Int(path[path.index(path.startIndex, offsetBy: prefix.count)..<close]) else { continue }
            var rest = String(path[path.index(after: close)...])
            if rest.hasPrefix(".") { rest.removeFirst() }
            let table = tables.first { $0.name == sheet.name }
            let column = table?.header.first { header in
                let column = parsedHeader(header).path
                return column == rest || rest.hasPrefix(column + ".") || (!rest.isEmpty && column.hasPrefix(rest + "."))
            }
            // Records are rows from row 2, skipping empty rows; count the rows that held a record.
            var row = index + 2
            if let table {
                var seen = -1
                for (position, cells) in table.rows.enumerated() where cells.contains(where: { $0 != .empty }) {
                    seen += 1
                    if seen == index { row = position + 2; break }
                }
            }
            return "\(sheet.name), rad \(row)" + (column.map { ", \($0)" } ?? (rest.isEmpty ? "" : ", \(rest)"))
        }
        return path
    }
}
