import Foundation
import StyrDemo
import StyrDomain
import StyrReports
import StyrServices
import Testing

/// The year file as an .xlsx workbook (a sheet per table, Norwegian headers): written and read
/// back it is the same year file; refusals name the sheet, row and column.
@Suite("Year file workbook")
struct YearFileWorkbookTests {
    @Test("UKE 2020 and 2021 as workbooks read back as the same year files")
    func roundTrip() throws {
        for file in DemoData.yearFiles {
            let data = try YearFileWorkbook.data(file)
            #expect(try YearFileWorkbook.read(data) == file, "UKE \(file.year)")
        }
    }

    @Test("a sheet per table with Norwegian headers")
    func sheets() throws {
        let sheets = try XLSXReader.sheets(try YearFileWorkbook.data(DemoData.yearFiles[0]))
        #expect(sheets.map(\.name).prefix(4) == ["Årsfil", "Overordnede", "Kapitler", "Budsjett og regnskap"])
        let budget = try #require(sheets.first { $0.name == "Budsjett og regnskap" })
        for header in ["Kapittel", "År", "Type", "Artsgruppe fra", "Måltype", "Beløp (øre)"] {
            #expect(budget.rows[0].contains(.text(header)), "missing \(header)")
        }
        #expect(budget.rows.count == 1 + DemoData.yearFiles[0].budgetAmounts.count)
        let staffing = try #require(sheets.first { $0.name == "Bemanning" })
        #expect(staffing.rows[0].contains(.text("Per (dato)")) && staffing.rows[1].contains(.text("01.01.2020")))
    }

    @Test("a cell that cannot be read, and a missing field, are named by sheet, row and column")
    func refusals() throws {
        var tables = try YearFileTables.tables(DemoData.yearFiles[0])
        let staffing = try #require(tables.firstIndex { $0.name == "Bemanning" })
        let date = try #require(tables[staffing].header.firstIndex(of: "Per (dato)"))
        tables[staffing].rows[0][date] = .text("1. januar")
        do {
            _ = try YearFileTables.file(tables)
            Issue.record("expected a refusal")
        } catch let errors as InputErrors {
            #expect(errors["Bemanning, rad 2, Per (dato)"] == "Ugyldig dato; skriv dd.mm.åååå.")
        }
        tables = try YearFileTables.tables(DemoData.yearFiles[0])
        let budget = try #require(tables.firstIndex { $0.name == "Budsjett og regnskap" })
        let amount = try #require(tables[budget].header.firstIndex(of: "Beløp (øre)"))
        tables[budget].rows[2][amount] = .empty
        do {
            _ = try YearFileTables.file(tables)
            Issue.record("expected a refusal")
        } catch let errors as InputErrors {
            #expect(errors["Budsjett og regnskap, rad 4, Beløp (øre)"] == "Mangler.", "\(errors.summary)")
        }
    }

    @Test("a file that is not a workbook is refused")
    func notAWorkbook() {
        #expect(throws: InputErrors.self) { try YearFileWorkbook.read(Data("PK not really".utf8)) }
    }
}
