import Foundation
import Testing
@testable import StyrDomain
@testable import StyrLedgerFormats

extension LedgerImportTests {
    // MARK: Bad input

    @Test("a truncated last KOSTRA record: line, character position and field")
    func truncatedKostraRecord() throws {
        let text = kostraExample + "\n" + String(kostraRecord(amount: "36328").prefix(45))
        let imported = try importText(text)
        #expect(imported.lines.count == 1)
        #expect(imported.summary.lastLineUnterminated)
        let error = try #require(imported.errors.errors.first)
        #expect(error == LedgerLineError(line: 2, column: 46, field: "beløp", value: "36", reason: "posten er avkortet: 45 tegn, en KOSTRA-post har 48"))
        #expect(error.description == "linje 2, kolonne 46 (beløp): «36» posten er avkortet: 45 tegn, en KOSTRA-post har 48")
    }

    @Test("KOSTRA records of another year, a wrong kontoklasse, codes outside the lists")
    func badKostraRecords() {
        let parser = LedgerLineParser(format: .kostra, year: 2019, codes: Kostra2025.codes)
        #expect(parser.parse(kostraRecord(year: "2018", amount: "1"), number: 3)
            == .failure(LedgerLineError(line: 3, column: 3, field: "årgang", value: "2018", reason: "er ikke importåret 2019")))
        #expect(parser.parse(kostraRecord(kontoklasse: "5", amount: "1"), number: 4).error?.column == 32)
        #expect(parser.parse(kostraRecord(kontoklasse: "0", art: "590", amount: "1"), number: 5)
            == .failure(LedgerLineError(line: 5, column: 37, field: "art", value: "590", reason: "art 590 er ikke gyldig i investering etter KOSTRA-kodelisten")))
        #expect(parser.parse(kostraRecord(function: "999", amount: "1"), number: 6)
            == .failure(LedgerLineError(line: 6, column: 33, field: "funksjon", value: "999", reason: "funksjon 999 finnes ikke i KOSTRA-kodelisten")))
        #expect(parser.parse(kostraRecord(amount: "36x28"), number: 7).error?.column == 40)
        #expect(parser.parse(kostraExample + "  ", number: 8).ledgerLine != nil)
        #expect(parser.parse(kostraExample + "99", number: 9).error?.column == 49)
    }

    @Test("a CSV row with too few fields (a cut last line)")
    func truncatedRow() throws {
        let text = erpFile + "1;10201;Lønn til vikarer;A101;Økonomi;25300;Rus;P1;Prosj"
        let imported = try importText(text)
        #expect(imported.lines.count == 3)
        let error = try #require(imported.errors.errors.first)
        #expect(error.line == 5)
        #expect(error.column == 10)
        #expect(error.field == "fri dimensjon")
        #expect(error.description == "linje 5, kolonne 10 (fri dimensjon): linjen har 9 felt, overskriften har 12 – er linjen avkortet?")
    }

    @Test("a row with more fields than the header")
    func extraFields() throws {
        // Read and ignored (an id without a column name), the line imported and counted.
        let parsed = try parseRows(["10201;A101;25300;100;Kjøp av varer"])
        #expect(parsed.first == .extraFields(LedgerLine(responsibility: "A101", kind: .operating, art: 20, function: 253, year: 2019, month: 0, amount: .kroner(100))))
        #expect(try parseRows(["10201;A101;25300;100;"]).first?.ledgerLine != nil)
    }

    @Test("the wrong delimiter: in the profile, and in a row")
    func wrongDelimiter() throws {
        let profile = ImportProfile(name: "semikolon", delimiter: ";")
        let error = try #require(thrownError { _ = try importText("art,ansvar,tjeneste_nr,beloep\n10201,A101,25300,100\n", profile: profile) })
        #expect(error.line == 1)
        #expect(error.field == "art")
        #expect(error.reason.contains("mangler kolonnen for art (en av: art, konto)"))
        #expect(error.reason.contains("kolonnen for beløp"))
        #expect(error.reason.contains("skilletegnet er trolig feil"))

        let row = try parseRows(["10201,A101,25300,100"])
        #expect(row.first?.error?.column == 2)
        #expect(row.first?.error?.field == "ansvar")
        #expect(row.first?.error?.reason == "linjen har 1 felt, overskriften har 4 – er skilletegnet «;» riktig?")
    }

    @Test("a missing required column names the names looked for")
    func missingColumn() {
        var parser = LedgerLineParser(format: .erp, year: 2019)
        let error = thrownError { try parser.header("art;ansvar;tjeneste_nr;sum") }
        #expect(error?.field == "beløp")
        #expect(error?.reason.hasPrefix("mangler kolonnen for beløp (en av: beloep, belop, beløp, rekneskap, regnskap, amount, årsregnskap, årsrekneskap)") == true)
        #expect(error?.reason.hasSuffix("overskriften har 4 kolonner: «art», «ansvar», «tjeneste_nr», «sum»") == true)
    }

    @Test("amounts: accepted forms and errors", arguments: [
        ("1234", "123400"), ("-1234", "-123400"), ("+1234", "123400"), ("1234,56", "123456"), ("1234.56", "123456"),
        ("1 234,56", "123456"), ("\u{2212}1 234", "-123400"), ("1\u{00A0}234,5", "123450"), ("0,05", "5"), (" 12 ", "1200"),
        ("12,3,4", "er ikke et beløp"), ("(1234)", "-123400"), ("1e5", "er ikke et beløp"), ("12,", "er ikke et beløp"),
        (",5", "er ikke et beløp"), ("1  234", "er ikke et beløp"), ("100,5 200", "er ikke et beløp"), ("1 234 567,5", "123456750"),
        ("1234 567", "er ikke et beløp"), ("12 34", "er ikke et beløp"), ("1 2 3", "er ikke et beløp"), ("100 5", "er ikke et beløp"),
        ("(-1)", "er ikke et beløp"), ("(1-)", "er ikke et beløp"), ("--1", "er ikke et beløp"), ("\u{00A0}1 234\u{00A0}", "123400"), ("abc", "er ikke et beløp"), ("1234,567", "har mer enn to desimaler"),
        ("1.234.567,89", "123456789"), ("1,234,567.89", "123456789"), ("1.234.567", "123456700"), ("-1.234,5", "-123450"),
        ("1234-", "-123400"), ("(1 234,50)", "-123450"), ("1234.5600", "123456"), ("1'234.50", "123450"), ("12.000,00", "1200000"),
        ("1.000", LedgerLineParser.ambiguousAmountReason), ("1,500", LedgerLineParser.ambiguousAmountReason), ("1.000,00", "100000"), ("1.23.456", "er ikke et beløp"),
        ("1,234.5,6", "er ikke et beløp"), ("12.34,56", "er ikke et beløp"), ("1234.5601", "har mer enn to desimaler"), ("-", "er ikke et beløp"),
        ("92233720368547758", "9223372036854775800"), ("92233720368547759", "er for stort"), ("99999999999999999999", "er for stort"),
        ("", "feltet er tomt"),
    ])
    func amounts(input: String, expected: String) throws {
        let parsed = try #require(try parseRows(["10201;" + input], header: "art;beloep").first)
        if let ore = Int64(expected) {
            #expect(parsed.ledgerLine?.amount == Money(ore: ore))
        } else {
            #expect(parsed == .failure(LedgerLineError(line: 2, column: 2, field: "beløp", value: input.trimmingCharacters(in: .whitespaces), reason: expected)))
        }
    }

    @Test("a non-numeric amount: line, column and field")
    func nonNumericAmount() throws {
        let parsed = try parseRows(["10201;A101;25300;P1;100", "10201;A101;25300;P1;12,3,4"], header: "art;ansvar;tjeneste_nr;prosjekt;beloep")
        #expect(parsed[0].ledgerLine != nil)
        #expect(parsed[1].error?.description == "linje 3, kolonne 5 (beløp): «12,3,4» er ikke et beløp")
    }

    @Test("an art not valid in the kontoklasse: an error, or a warning by profile")
    func invalidArt() throws {
        let expected = LedgerLineError(line: 2, column: 1, field: "art", value: "05900", reason: "art 590 er ikke gyldig i investering etter KOSTRA-kodelisten")
        #expect(try parseRows(["05900;A101;25300;100"]) == [.failure(expected)])
        let lenient = ImportProfile(name: "mild", invalidCodes: .warning)
        let warned = try parseRows(["05900;A101;25300;100"], profile: lenient)
        #expect(warned.first?.error == expected)
        #expect(warned.first?.ledgerLine?.art == 590)
        #expect(warned.first?.ledgerLine?.kind == .investment)
        let imported = try importText("art;ansvar;tjeneste_nr;beloep\n05900;A101;25300;100\n10100;A101;25300;100\n", profile: lenient)
        #expect(imported.lines.count == 2)
        #expect(imported.summary.warnings == 1)
        #expect(imported.warnings.errors == [expected])
        #expect(try parseRows(["35900;A101;25300;100"]).first?.error?.reason.hasPrefix("har kontoklasse 3 (første siffer), verken 1 (drift) eller 0 (investering)") == true)
        #expect(try parseRows(["10201;A101;25300;100"], codes: nil).first?.ledgerLine != nil)
    }

    @Test("a funksjon not in the list, a missing one, a short one")
    func invalidFunction() throws {
        let parsed = try parseRows(["10201;A101;99900;100", "10201;A101;;100", "10201;A101;25;100", "10201;A101;25x00;100"])
        #expect(parsed[0] == .failure(LedgerLineError(line: 2, column: 3, field: "funksjon", value: "99900", reason: "funksjon 999 finnes ikke i KOSTRA-kodelisten")))
        #expect(parsed[1].error?.reason == "funksjon mangler")
        #expect(parsed[2].error?.reason == "har færre enn 3 siffer; funksjonen er de 3 første")
        #expect(parsed[3].error?.reason == "er ikke en funksjon (bare siffer)")
    }

    @Test("a budget import reads the budget column even when the file also has actuals")
    func budgetColumn() throws {
        var parser = LedgerLineParser(format: .erp, year: 2019, measure: .budget)
        try parser.header("art;ansvar;regnskap;budsjett")
        #expect(parser.parse("10201;A1;100;250", number: 2).ledgerLine?.amount == .kroner(250))
        var revised = LedgerLineParser(format: .erp, year: 2019, measure: .revisedBudget)
        try revised.header("art;ansvar;regnskap;opprinnelig budsjett;justert budsjett")
        #expect(revised.parse("10201;A1;100;250;300", number: 2).ledgerLine?.amount == .kroner(300))
        var actuals = LedgerLineParser(format: .erp, year: 2019)
        try actuals.header("art;ansvar;budsjett;Rekneskap")
        #expect(actuals.parse("10201;A1;250;100", number: 2).ledgerLine?.amount == .kroner(100))
    }

    @Test("spreadsheet leftovers: rows of delimiters are blank, total rows without an account are skipped and counted")
    func spreadsheetLeftovers() throws {
        let text = "art;ansvar;tjeneste_nr;beloep\n10201;A101;25300;100\n;;;\n\"\";;;\nSum;;;100\nTotalt drift;;;100\nSUM;A101;25300;5\nTotal;;;x\n"
        let imported = try importText(text)
        #expect(imported.lines.map(\.amount) == [.kroner(100)])
        #expect(imported.errors.isEmpty)
        #expect(imported.summary.skipped[.blank] == 2)
        #expect(imported.summary.skipped[.sumRow] == 4)
        // A row with an account is a line, whatever its label says.
        let labelled = try importText("navn;art;beloep\nSum lønn;10201;100\nSum;;250\nTotalrenovering;10201 Fastlønn;500\nSummer;;7\nTotal renovering;1O201;9\n")
        #expect(labelled.lines.map(\.amount) == [.kroner(100), .kroner(500)])
        #expect(labelled.summary.skipped[.sumRow] == 1)
        #expect(labelled.errors.errors.map(\.line) == [5, 6], "«Summer» is no total row, and a mistyped account is an error")
        #expect(labelled.summary.skippedDescription == "1 sumlinje uten konto (Sum, Totalt)")
        #expect(imported.summary.skippedDescription == "4 sumlinjer uten konto (Sum, Totalt), 2 tomme linjer")
        let onlyTotals = thrownError { _ = try importText("art;ansvar;tjeneste_nr;beloep\nSum;;;100\n") }
        #expect(onlyTotals?.reason == "Filen er tom: den har bare overskriften og ingen linjer med beløp")
    }

    @Test("column names with a year: the import year's column, never another year's")
    func columnsWithYears() throws {
        var parser = LedgerLineParser(format: .erp, year: 2019, measure: .budget)
        try parser.header("Art;Ansvar;Regnskap 2018;Budsjett 2018;Budsjett 2019")
        #expect(parser.parse("10201;A1;1;2;3", number: 2).ledgerLine?.amount == .kroner(3))
        var actuals = LedgerLineParser(format: .erp, year: 2019)
        try actuals.header("Art;Ansvar;Regnskap 2019;Budsjett 2019")
        #expect(actuals.parse("10201;A1;7;8", number: 2).ledgerLine?.amount == .kroner(7))
        var otherYear = LedgerLineParser(format: .erp, year: 2019)
        #expect(thrownError { try otherYear.header("Art;Regnskap 2018;Budsjett 2019") }?.field == "beløp", "2018's actuals are not 2019's")
        var named = LedgerLineParser(format: .erp, year: 2019, measure: .budget)
        try named.header("Art;Opprinnelig budsjett 2018;Budsjett 2019")
        #expect(named.parse("10201;1;2", number: 2).ledgerLine?.amount == .kroner(2))
    }

    @Test("a title and notes above the header are passed over; without a header within ten lines the first line's error stands")
    func preamble() throws {
        let text = "Regnskap 2019 – Eksempel kommune\n\nUttrekk 15.01.2020;;\nart;ansvar;tjeneste_nr;beloep\n10201;A101;25300;100\n"
        let imported = try importText(text)
        #expect(imported.lines.map(\.amount) == [.kroner(100)])
        #expect(imported.summary.skipped[.preamble] == 2)
        #expect(imported.summary.skipped[.blank] == 1)
        let noHeader = String(repeating: "tittel;uten;kolonner\n", count: 12)
        let error = thrownError { _ = try importText(noHeader) }
        #expect(error?.line == 1)
        #expect(error?.reason.hasPrefix("mangler kolonnen for art") == true, "\(error?.reason ?? "")")
        let short = thrownError { _ = try importText("bare en tittel\n") }
        #expect(short?.line == 1)
        // Data above the header is not a title: the file is refused rather than its first lines dropped.
        let dataFirst = thrownError { _ = try importText("10201;A101;25300;100\nart;ansvar;tjeneste_nr;beloep\n10201;A101;25300;100\n") }
        #expect(dataFirst?.line == 1)
        #expect(dataFirst?.reason.hasPrefix("linjen står før overskriften på linje 2, men er en linje med beløp") == true)
        // A title block with several filled cells is still a title.
        let titled = try importText("Rapport;Hovedbok;Periode;2019\nart;ansvar;tjeneste_nr;beloep\n10201;A101;25300;100\n")
        #expect(titled.lines.count == 1)
        #expect(titled.summary.skipped[.preamble] == 1)
        // A misnamed column under a title: the error is the header's, not the title's.
        let misnamed = "Regnskap 2019\nart;ansvar;tjeneste_nr;sum\n" + String(repeating: "10201;A101;25300;100\n", count: 10)
        let headerError = thrownError { _ = try importText(misnamed) }
        #expect(headerError?.line == 2)
        #expect(headerError?.field == "beløp")
    }

    @Test("a file without a header (an export of amounts only) is refused as having no header, at its first line of amounts")
    func noHeaderAtAll() throws {
        let titled = "Regnskap 2019 for UKE\nUtskrevet 01.02.2020\n\n10101;A101;12000;;1;1000,50\n10200;A101;12001;P1;01;250.25\n"
        let error = thrownError { _ = try importText(titled) }
        #expect(error?.line == 4)
        #expect(error?.reason.hasPrefix("filen har ingen overskrift: dette er en linje med beløp") == true, "\(error?.reason ?? "")")
        // Eleven lines of amounts: refused at the eleventh, pointing at the first.
        let bare = thrownError { _ = try importText(String(repeating: "10201;A101;25300;100\n", count: 11)) }
        #expect(bare?.line == 1)
        #expect(bare?.reason.hasPrefix("filen har ingen overskrift") == true)
        // Text columns beside the numbers (a typical ERP export without names): an amount with øre tells.
        let wide = thrownError { _ = try importText("1;10201;Fastlønn;A101;Ansvar;12000;Tjeneste;P1;Prosjekt;F1;Fri;1;1000,50\n") }
        #expect(wide?.reason.hasPrefix("filen har ingen overskrift") == true)
        // A header of names with a year or two among them is still a header with a column missing.
        let years = thrownError { _ = try importText("Kapittel;Navn;2018;2019\n125;UKE;1;2\n") }
        #expect(years?.line == 1)
        #expect(years?.field == "art")
        #expect(LedgerImporter.readsAsData(Array("10201;A101;25300;100".utf8)[...]))
        #expect(!LedgerImporter.readsAsData(Array("art;ansvar;tjeneste_nr;beloep".utf8)[...]))
        #expect(!LedgerImporter.readsAsData(Array("Utskrevet 01.02.2020".utf8)[...]))
        #expect(!LedgerImporter.readsAsData(Array("Rapport;Hovedbok;Periode;2019".utf8)[...]))
    }

    @Test("codes exported with their names: the leading code is read")
    func codesWithNames() throws {
        let parsed = try parseRows(["10201 Fastlønn;A101;25300 - Bistand;100", "10201 10202;A101;25300;100", "10201;A101;253: Bistand;100"])
        #expect(parsed[0].ledgerLine?.art == 20)
        #expect(parsed[0].ledgerLine?.function == 253)
        #expect(parsed[1].error?.reason == "er ikke et kontonummer (bare siffer)")
        #expect(parsed[2].ledgerLine?.function == 253)
    }

    @Test("periods outside 1–12 and periods of another year")
    func badPeriods() throws {
        let parsed = try parseRows(
            ["10201;13;100", "10201;201812;100", "10201;0;100", "10201;201903;100", "10201;mars;100"], header: "art;periode;beloep")
        // 13 and 0 (year-end entries) go to December under the standard profile (LedgerRealFilesTests.closingPeriods).
        #expect(parsed[0].ledgerLine?.month == 12)
        #expect(parsed[1] == .failure(LedgerLineError(line: 3, column: 2, field: "periode", value: "201812", reason: "er en periode i 2018, ikke i importåret 2019")))
        #expect(parsed[2].ledgerLine?.month == 12)
        #expect(parsed[3].ledgerLine?.month == 3)
        #expect(parsed[4].error?.field == "periode")
    }

    @Test("an empty file, a file of blank lines, a file with only a header")
    func emptyFiles() {
        #expect(thrownError { _ = try importBytes([]) }?.description == "Filen er tom")
        #expect(thrownError { _ = try importText("\n\r\n  \n") }?.description == "Filen er tom")
        let headerOnly = thrownError { _ = try importText(erpHeader + "\n") }
        #expect(headerOnly?.description.hasPrefix("Filen er tom") == true)
        #expect(LedgerLineError.emptyFile.line == 0)
    }

    // MARK: Error log

    @Test("the error log keeps 100 errors and counts 250")
    func errorLog() throws {
        var log = ImportErrorLog()
        for line in 1...250 { log.record(LedgerLineError(line: line, reason: "feil")) }
        #expect(log.errors.count == 100)
        #expect(log.count == 250)
        #expect(log.omitted == 150)
        #expect(log.errors.last?.line == 100)

        let text = "art;beloep\n" + String(repeating: "10201;x\n", count: 250) + "10201;1\n"
        let imported = try importText(text)
        #expect(imported.errors.count == 250)
        #expect(imported.errors.errors.count == 100)
        #expect(imported.summary.errors == 250)
        #expect(imported.lines.count == 1)
    }
}
