import Foundation
import Testing
@testable import StyrDomain
@testable import StyrLedgerFormats

@Suite("Ledger import: formats, encodings and errors")
struct LedgerImportTests {
    // MARK: Formats

    @Test("the KOSTRA example record: drift, funksjon 120, art 010, 36 328 000 kr")
    func kostraExampleRecord() {
        let parser = LedgerLineParser(format: .kostra, year: 2019, codes: Kostra2025.codes)
        let parsed = parser.parse(kostraExample, number: 1)
        let expected = LedgerLine(responsibility: "040200", kind: .operating, art: 10, function: 120, year: 2019, month: 12,
                                  amount: .kroner(36_328_000))
        #expect(parsed == .line(expected))
        #expect(kostraRecord(quarter: "4", amount: "36328") == kostraExample)
    }

    @Test("a KOSTRA file: revenues negative, investment lines, balance records skipped and counted")
    func kostraFile() throws {
        let text = [
            kostraExample,
            kostraRecord(art: "600", amount: "-1200"),
            kostraRecord(kontoklasse: "0", function: "120", art: "010", amount: "250"),
            kostraRecord(skjema: "0B", kontoklasse: "2", function: "10", art: "900", amount: "5000"),
        ].joined(separator: "\n") + "\n"
        let imported = try importText(text)
        #expect(imported.errors.isEmpty)
        #expect(imported.lines.count == 3)
        #expect(imported.lines[1].art == 600)
        #expect(imported.lines[1].amount == .kroner(-1_200_000))
        #expect(imported.lines[1].month == 0)
        #expect(imported.lines[2].kind == .investment)
        let summary = imported.summary
        #expect(summary.format == .kostra)
        #expect(summary.delimiter == nil)
        #expect(summary.linesRead == 4)
        #expect(summary.linesImported == 3)
        #expect(summary.linesSkipped == 1)
        #expect(summary.skipped[.skjema("0B")] == 1)
        #expect(summary.sumByKind[.operating] == .kroner(35_128_000))
        #expect(summary.sumByKind[.investment] == .kroner(250_000))
        #expect(summary.sumByGroup[ObjectGroup(first: 0, last: 99)] == .kroner(36_578_000))
        #expect(summary.sumByGroup[ObjectGroup(first: 600, last: 699)] == .kroner(-1_200_000))
        #expect(summary.controlSum == .kroner(35_378_000))
        #expect(!summary.isBalanced)
    }

    @Test("Oslo's annual file: one line per artsgruppe, the measure choosing the column")
    func osloAnnual() throws {
        let actuals = try importText(osloFile)
        #expect(actuals.summary.format == .osloAnnual)
        #expect(actuals.summary.delimiter == ";")
        #expect(actuals.errors.isEmpty)
        #expect(actuals.lines == [
            LedgerLine(responsibility: "BYR", chapter: 125, kind: .operating, art: 0, function: 120, year: 2019, amount: .kroner(350_110_013)),
            LedgerLine(responsibility: "BYR", chapter: 125, kind: .operating, art: 100, function: 120, year: 2019, amount: Money(ore: 64_313_689_550)),
            LedgerLine(responsibility: "BYR", chapter: 125, kind: .operating, art: 600, function: 120, year: 2019, amount: .kroner(-541_434_566)),
        ])
        #expect(actuals.lines.map(\.group) == [ObjectGroup(first: 0, last: 99), ObjectGroup(first: 100, last: 299), ObjectGroup(first: 600, last: 699)])

        let revised = try importText(osloFile, measure: .revisedBudget)
        #expect(revised.lines.map(\.amount) == [.kroner(217_928_000), .kroner(590_065_165), .zero])
        let budget = try importText(osloFile, measure: .budget)
        #expect(budget.lines.map(\.amount) == [.kroner(221_748_000), .kroner(605_791_000), .kroner(-413_124_000)])
        #expect(budget.summary.controlSum == .kroner(414_415_000))
        #expect(LedgerImportMeasure.revisedBudget.ledgerMeasure == .revisedBudget)
    }

    @Test("an Oslo file without the column of the measure asked for names it")
    func osloMissingColumn() {
        let header = "Avdelingskode;Avdelingsnavn;Kapittelkode;Kapittelnavn;Artgruppekode;Artsgruppenavn;Kostrafunksjonskode;Kostrafunksjonsnavn;Årsregnskap"
        let error = thrownError { _ = try importText(header + "\nBYR;B;125;K;0;L;120;A;100\n", measure: .budget) }
        #expect(error?.line == 1)
        #expect(error?.field == "beløp")
        #expect(error?.reason.contains("opprinnelig budsjett") == true)
    }

    @Test("an ERP export in the FORMATS.md shape: kontoklasse, art, funksjon, project and free dimension")
    func erpExport() throws {
        let imported = try importText(erpFile)
        #expect(imported.summary.format == .erp)
        #expect(imported.errors.isEmpty)
        #expect(imported.lines == [
            LedgerLine(responsibility: "A101", kind: .operating, art: 20, function: 253, year: 2019, amount: Money(ore: 1_234_567)),
            LedgerLine(responsibility: "A101", kind: .operating, art: 620, function: 253, project: "P1", freeDimension: "F1", year: 2019,
                       amount: .kroner(-1_000)),
            LedgerLine(responsibility: "A102", kind: .investment, art: 230, function: 202, project: "P2", year: 2019, amount: .kroner(5_000)),
        ])
        #expect(imported.summary.sumByKind == [.operating: Money(ore: 1_134_567), .investment: .kroner(5_000)])
        #expect(imported.summary.sumByGroup[ObjectGroup(first: 0, last: 99)] == Money(ore: 1_234_567))
        #expect(imported.summary.sumByGroup[ObjectGroup(first: 100, last: 299)] == .kroner(5_000))
        var parser = LedgerLineParser(format: .erp, year: 2019)
        try parser.header(erpHeader)
        #expect(parser.mappedColumns.map { $0.field } == ["art", "ansvar", "funksjon", "prosjekt", "fri dimensjon", "beløp"])
        #expect(parser.delimiterName == ";")
    }

    @Test("a budget file sums to 0")
    func balancedBudget() throws {
        let text = "art;ansvar;tjeneste_nr;beloep\n10100;A1;12000;1000000\n16200;A1;12000;-600000\n17000;A1;12000;-400000\n"
        let imported = try importText(text, measure: .budget)
        #expect(imported.summary.isBalanced)
        #expect(imported.summary.controlSum == .zero)
    }

    @Test("kontoklasse 2 (balance) accounts are skipped and counted")
    func erpBalanceAccounts() throws {
        let imported = try importText("art;beloep\n10100;100\n21000;5000\n")
        #expect(imported.lines.count == 1)
        #expect(imported.summary.skipped[.kontoklasse(2)] == 1)
        #expect(imported.summary.dataLines == 2)
    }

    @Test("Nynorsk and differently spelt headers, periods")
    func nynorskHeaders() throws {
        let nynorsk = try importText("konto;ansvar;teneste;prosjekt;månad;rekneskap\n10201;A101;25300;P1;3;100,50\n")
        #expect(nynorsk.lines == [
            LedgerLine(responsibility: "A101", kind: .operating, art: 20, function: 253, project: "P1", year: 2019, month: 3, amount: Money(ore: 10_050)),
        ])
        let shouting = try importText("KONTO;Ansvar;Tjeneste;Periode;Belop\n10201;A101;25300;201904;7\n10201;A101;25300;2019-05;8\n")
        #expect(shouting.lines.map(\.month) == [4, 5])
        #expect(shouting.lines.map(\.function) == [253, 253])
        let comma = try importText("art,tjeneste_nr,maaned,beløp\n10201,25300,12,\"1 000,00\"\n")
        #expect(comma.summary.delimiter == ",")
        #expect(comma.lines.map(\.amount) == [.kroner(1_000)])
    }

    @Test("art overrides: exact accounts and patterns, the most specific first")
    func artOverrides() throws {
        var profile = ImportProfile(name: "Sogndal")
        profile.artOverrides = ["1160x": 10, "11651": 20, "116xx": 50]
        #expect(profile.problems.isEmpty)
        let parsed = try parseRows(
            ["11601;A;12000;1", "11651;A;12000;1", "11659;A;12000;1", "11612;A;12000;1", "10100;A;12000;1"], profile: profile)
        #expect(parsed.map { $0.ledgerLine?.art } == [10, 20, 50, 50, 10])
        #expect(parsed.allSatisfy { $0.ledgerLine?.kind == .operating })

        var investment = ImportProfile(name: "tresifret")
        investment.accountRule.defaultKind = .investment
        let threeDigits = try parseRows(["230;A;12000;1"], profile: investment)
        #expect(threeDigits.first?.ledgerLine?.kind == .investment)
        #expect(threeDigits.first?.ledgerLine?.art == 230)

        var broken = ImportProfile(name: "feil")
        broken.artOverrides = ["11a01": 10]
        #expect(broken.problems.count == 1)
    }

    @Test("quoted fields may hold the delimiter and doubled quotes")
    func quotedFields() throws {
        let parsed = try parseRows(["10201;\"A;101 \"\"gamle\"\"\";25300;\"1 234,50\""])
        #expect(parsed.first?.ledgerLine?.responsibility == "A;101 \"gamle\"")
        #expect(parsed.first?.ledgerLine?.amount == Money(ore: 123_450))
    }

    @Test("a profile reads back from JSON with only a name")
    func profileCoding() throws {
        let decoded = try JSONDecoder().decode(ImportProfile.self, from: Data(#"{"name":"standard"}"#.utf8))
        #expect(decoded == ImportProfile.standard)
        var profile = ImportProfile(name: "Bergen", delimiter: "tab", invalidCodes: .warning)
        profile.artOverrides = ["1160x": 10]
        let roundTrip = try JSONDecoder().decode(ImportProfile.self, from: JSONEncoder().encode(profile))
        #expect(roundTrip == profile)
    }

    // MARK: Detection

    @Test("the format is told from the first line")
    func detection() {
        #expect(LedgerFormatDetector.detect(firstLine: kostraExample) == .kostra)
        #expect(LedgerFormatDetector.detect(firstLine: kostraRecord(skjema: "0B", amount: "1")) == .kostra)
        #expect(LedgerFormatDetector.detect(firstLine: String(kostraExample.prefix(40))) == .kostra)
        #expect(LedgerFormatDetector.detect(firstLine: LedgerFormatDetector.osloHeader) == .osloAnnual)
        #expect(LedgerFormatDetector.detect(firstLine: "\u{FEFF}" + LedgerFormatDetector.osloHeader) == .osloAnnual)
        #expect(LedgerFormatDetector.detect(firstLine: LedgerFormatDetector.osloHeader.uppercased()) == .osloAnnual)
        #expect(LedgerFormatDetector.detect(firstLine: erpHeader) == .erp)
        #expect(LedgerFormatDetector.detect(firstLine: "konto;ansvar;beløp") == .erp)
        #expect(LedgerFormatDetector.detect(firstLine: "0A2019;10201;100") == .erp)
    }
}
