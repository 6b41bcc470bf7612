import Foundation
import StyrDomain
import StyrReports

/// The year file as an .xlsx workbook with a sheet per table and Norwegian headers
/// (`YearFileTables`): what `styr export year --format xlsx` writes and `styr import year
/// FILE.xlsx` reads, the template an agency fills in Excel. Reading gives the same `YearFile` as
/// the JSON, so `YearFileService.importFile` applies the same rules to it.
public enum YearFileWorkbook {
    public static func data(_ file: YearFile) throws -> Data {
        let sheets = try YearFileTables.tables(file).map { table in
            let amounts = Set(table.header.indices.filter { table.header[$0].contains("(øre)") })
            let rows = table.rows.map { row in
                row.enumerated().map { column, value -> XLSXCell in
                    switch value {
                    case .empty: .empty
                    case .text(let text): .text(text)
                    case .integer(let number): amounts.contains(column) ? .amount(number) : .integer(number)
                    }
                }
            }
            let widths = table.header.indices.map { column in
                min(60, max(10, ([table.header[column].count] + table.rows.prefix(50).map { row in
                    column < row.count ? width(row[column]) : 0
                }).max() ?? 10))
            }
            return XLSXSheet(name: table.name, header: table.header, rows: rows, columnWidths: widths)
        }
        return try XLSXWriter.data(sheets)
    }

    private static func width(_ value: YearFileTable.Value) -> Int {
        switch value {
        case .empty: 0
        case .text(let text): text.count + 2
        case .integer(let number): String(number).count + 4
        }
    }

    /// Reads a workbook written by `data` (or filled in from it). Refuses, as `InputErrors`, a file
    /// that is not a workbook («$») and what `YearFileTables.file` refuses.
    public static func read(_ data: Data) throws -> YearFile {
        let sheets: [XLSXReader.Sheet]
        do {
            sheets = try XLSXReader.sheets(data)
        } catch let error as XLSXReader.ReadError {
            throw InputErrors.single("$", error.description)
        } catch {
            throw InputErrors.single("$", "Fila er ikke et regneark (.xlsx) som kan leses.")
        }
        let tables = sheets.map { sheet -> YearFileTable in
            let header = (sheet.rows.first ?? []).map { cell -> String in
                switch cell {
                case .empty: ""
                case .text(let text), .number(let text): text
                }
            }
            let rows = sheet.rows.dropFirst().map { row in row.map(value) }
            return YearFileTable(name: sheet.name, header: header, rows: Array(rows))
        }
        // «Årsfil» has a header row too (Felt, Verdi), so its rows start at the second.
        return try YearFileTables.file(tables)
    }

    private static func value(_ cell: XLSXReader.Cell) -> YearFileTable.Value {
        switch cell {
        case .empty: return .empty
        case .text(let text): return .text(text)
        case .number(let text):
            if let integer = Int64(text) { return .integer(integer) }
            if let number = Double(text), let integer = Int64(exactly: number) { return .integer(integer) }
            return .text(text)
        }
    }
}
