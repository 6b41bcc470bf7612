import Foundation
import Testing
@testable import StyrDomain

/// The KOSTRA code lists of 2025 (Sources/StyrStorage/Resources), as the import checks them.
private enum Kostra2025 {
    static let artsInBoth: [Int] = [
        10, 20, 30, 40, 50, 75, 89, 90, 99, 100, 105, 115, 120, 130, 140, 150, 160, 165, 170, 180, 181, 182, 183, 184, 185, 190, 195,
        200, 209, 210, 220, 230, 250, 260, 271, 272, 285, 298, 300, 330, 350, 370, 379, 380, 400, 429, 430, 450, 470, 480, 500, 501,
        510, 511, 520, 530, 540, 550, 589, 620, 650, 660, 700, 710, 729, 730, 750, 770, 780, 798, 810, 830, 850, 880, 890, 900, 901,
        905, 920, 940, 950, 980, 989,
    ]
    static let operatingOnlyArts: [Int] = [
        70, 80, 110, 114, 240, 509, 570, 590, 600, 629, 630, 640, 800, 870, 871, 872, 873, 876, 877, 878, 879, 909, 990,
    ]
    static let investmentOnlyArts: [Int] = [280, 512, 521, 522, 529, 670, 910, 911, 912, 921, 922, 929, 970]
    static let functions: [Int] = [
        100, 110, 120, 121, 130, 170, 171, 172, 173, 180, 201, 202, 211, 213, 215, 221, 222, 223, 231, 232, 233, 234, 241, 242, 243,
        244, 251, 252, 253, 256, 257, 258, 261, 265, 273, 275, 276, 281, 283, 285, 290, 301, 302, 303, 315, 320, 321, 322, 325, 329,
        330, 332, 335, 338, 339, 340, 345, 350, 353, 354, 355, 360, 365, 370, 373, 375, 377, 380, 381, 383, 385, 386, 390, 392, 393,
        400, 410, 420, 421, 430, 460, 465, 470, 471, 472, 473, 480, 511, 515, 520, 521, 522, 523, 525, 526, 527, 528, 529, 530, 531,
        533, 534, 535, 536, 537, 553, 554, 559, 562, 563, 564, 570, 581, 590, 660, 665, 691, 692, 693, 694, 695, 696, 701, 710, 711,
        713, 714, 716, 722, 730, 731, 732, 733, 734, 735, 740, 750, 760, 771, 772, 775, 790, 800, 840, 841, 850, 860, 870, 880, 899,
    ]

    static let operatingArts: [Int] = (artsInBoth + operatingOnlyArts).sorted()
    static let investmentArts: [Int] = (artsInBoth + investmentOnlyArts).sorted()

    static let codes: KostraCodes = {
        var arts: [(art: Int, operating: Bool, investment: Bool)] = []
        for art in artsInBoth { arts.append((art: art, operating: true, investment: true)) }
        for art in operatingOnlyArts { arts.append((art: art, operating: true, investment: false)) }
        for art in investmentOnlyArts { arts.append((art: art, operating: false, investment: true)) }
        return KostraCodes(arts: arts, functions: Set(functions))
    }()
}

private typealias Imported = (lines: [LedgerLine], summary: ImportSummary, errors: ImportErrorLog, warnings: ImportErrorLog)

private func importBytes(
    _ bytes: [UInt8], profile: ImportProfile = .standard, year: Int = 2019, measure: LedgerImportMeasure = .actuals,
    codes: KostraCodes? = Kostra2025.codes, chunkSize: Int = 65_536
) throws -> Imported {
    try LedgerImporter.importAll(bytes, profile: profile, year: year, measure: measure, codes: codes, chunkSize: chunkSize)
}

private func importText(
    _ text: String, profile: ImportProfile = .standard, year: Int = 2019, measure: LedgerImportMeasure = .actuals,
    codes: KostraCodes? = Kostra2025.codes, chunkSize: Int = 65_536
) throws -> Imported {
    try importBytes(Array(text.utf8), profile: profile, year: year, measure: measure, codes: codes, chunkSize: chunkSize)
}

/// The error `body` throws, if it is a `LedgerLineError`.
private func thrownError(_ body: () throws -> Void) -> LedgerLineError? {
    do {
        try body()
        return nil
    } catch let error as LedgerLineError {
        return error
    } catch {
        return nil
    }
}

/// A 48-character KOSTRA record from its fields (orgnr and foretaksnr blank).
private func kostraRecord(
    skjema: String = "0A", year: String = "2019", quarter: String = " ", region: String = "040200", kontoklasse: String = "1",
    function: String = "120", art: String = "010", amount: String
) -> String {
    let paddedFunction = function + String(repeating: " ", count: max(0, 4 - function.count))
    let paddedAmount = String(repeating: " ", count: max(0, 9 - amount.count)) + amount
    return skjema + year + quarter + region + String(repeating: " ", count: 18) + kontoklasse + paddedFunction + art + paddedAmount
}

/// Text in Latin-1 (every character of it below U+0100).
private func latin1(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
}

private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
        let high = UInt8(truncatingIfNeeded: unit >> 8)
        let low = UInt8(truncatingIfNeeded: unit & 0xFF)
        bytes.append(contentsOf: bigEndian ? [high, low] : [low, high])
    }
    return bytes
}

/// Parses rows of an ERP file after `header`; the first row is line 2.
private func parseRows(
    _ rows: [String], header: String = "art;ansvar;tjeneste_nr;beloep", profile: ImportProfile = .standard,
    codes: KostraCodes? = Kostra2025.codes
) throws -> [ParsedLine] {
    var parser = LedgerLineParser(format: .erp, profile: profile, year: 2019, codes: codes)
    try parser.header(header)
    let ready = parser
    return rows.enumerated().map { index, row in ready.parse(row, number: index + 2) }
}

private let kostraExample = "0A20194040200                  1120 010    36328"

private let osloFile = """
    Avdelingskode;Avdelingsnavn;Kapittelkode;Kapittelnavn;Artgruppekode;Artsgruppenavn;Kostrafunksjonskode;Kostrafunksjonsnavn;Årsregnskap;Regulert budsjett;Opprinnelig budsjett
    BYR;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;0;Lønn og sosiale utgifter;120;Administrasjon og støtte;350110013;217928000;221748000
    BYR;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;100-299;Kjøp av varer og tjenester;120;Administrasjon og støtte;643136895,50;590065165;605791000
    BYR;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;6;Salgs- og leieinntekter;120;Administrasjon og støtte;-541434566;-;-413124000

    """

private let erpHeader = "virksomhetsomraade;art;art_tekst;ansvar;ansvar_tekst;tjeneste_nr;tjeneste_tekst;prosjekt;prosjekt_tekst;fri_dim;fri_dim_tekst;beloep"

private let erpFile = """
    \(erpHeader)
    1;10201;Lønn til vikarer;A101;Økonomi;25300;Tilbud til personer med rusproblemer;;;;;12345,67
    1;16200;Salgsinntekter;A101;Økonomi;25300;Tilbud til personer med rusproblemer;P1;Ny nettside;F1;Fri;-1 000,00
    2;02300;Lønn til ekstrahjelp;A102;Skole;20200;Grunnskole;P2;Nytt skolebygg;;;5000

    """

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

    // MARK: Encodings and line ends

    @Test("a UTF-8 byte order mark and CRLF line ends")
    func bomAndCRLF() throws {
        let text = "\u{FEFF}" + erpFile.replacingOccurrences(of: "\n", with: "\r\n")
        let decoded = try LedgerTextDecoder.lines(of: Array(text.utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.lines.first == erpHeader)
        #expect(decoded.lines.allSatisfy { !$0.contains("\r") })
        let imported = try importText(text)
        let plain = try importText(erpFile)
        #expect(imported.summary.hasByteOrderMark)
        #expect(imported.summary.encoding == .utf8)
        #expect(imported.lines == plain.lines)
    }

    @Test("Latin-1 (Windows-1252) bytes decode: Årsregnskap, Kostrafunksjonsnavn, en dash")
    func latin1Decoding() throws {
        let text = osloFile.replacingOccurrences(of: "Byrådsavdeling for finans", with: "Byrådsavdeling – finans")
        var bytes = latin1(text.replacingOccurrences(of: "–", with: "-"))
        // The en dash is 0x96 in Windows-1252 (it has no Latin-1 code).
        if let dash = bytes.firstIndex(of: UInt8(ascii: "-")) { bytes[dash] = 0x96 }
        let decoded = try LedgerTextDecoder.lines(of: bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.lines[0].hasSuffix("Årsregnskap;Regulert budsjett;Opprinnelig budsjett"))
        #expect(decoded.lines[1].contains("Administrasjon og støtte"))
        #expect(decoded.lines[1].contains("Byrådsavdeling – finans"))
        let imported = try importBytes(bytes)
        #expect(imported.summary.encoding == .windows1252)
        #expect(imported.summary.format == .osloAnnual)
        #expect(imported.lines.count == 3)
    }

    @Test("UTF-16 with a byte order mark, little and big endian, characters outside the BMP")
    func utf16Decoding() throws {
        let text = erpFile.replacingOccurrences(of: "Ny nettside", with: "Ny nettside 🚀").replacingOccurrences(of: "\n", with: "\r\n")
        let expected = try LedgerTextDecoder.lines(of: Array(text.utf8)).lines
        let little = try LedgerTextDecoder.lines(of: utf16(text, bigEndian: false))
        #expect(little.encoding == .utf16LittleEndian)
        #expect(little.lines == expected)
        let big = try LedgerTextDecoder.lines(of: utf16(text, bigEndian: true))
        #expect(big.encoding == .utf16BigEndian)
        #expect(big.lines == expected)
        let imported = try importBytes(utf16(text, bigEndian: false))
        let plain = try importText(erpFile)
        #expect(imported.summary.encoding == .utf16LittleEndian)
        #expect(imported.lines == plain.lines)
    }

    @Test("chunk boundaries anywhere give the same lines", arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundaries(chunkSize: Int) throws {
        let utf8Text = "\u{FEFF}" + erpFile.replacingOccurrences(of: "\n", with: "\r\n")
        let files: [[UInt8]] = [
            Array(utf8Text.utf8),
            Array(erpFile.utf8),
            latin1(osloFile),
            utf16(osloFile, bigEndian: false),
            Array((kostraExample + "\n" + kostraRecord(amount: "-5")).utf8),
        ]
        for bytes in files {
            let whole = try LedgerTextDecoder.lines(of: bytes, chunkSize: bytes.count)
            let pieces = try LedgerTextDecoder.lines(of: bytes, chunkSize: chunkSize)
            #expect(pieces.lines == whole.lines)
            #expect(pieces.encoding == whole.encoding)
            let importedWhole = try importBytes(bytes, chunkSize: bytes.count)
            let importedPieces = try importBytes(bytes, chunkSize: chunkSize)
            #expect(importedPieces.lines == importedWhole.lines)
            #expect(importedPieces.summary == importedWhole.summary)
        }
    }

    @Test("the decoder keeps only the unfinished line and hands out the last line at the end")
    func decoderStreaming() throws {
        func text(_ line: ArraySlice<UInt8>?) -> String? { line.map { String(decoding: $0, as: UTF8.self) } }
        var decoder = LedgerTextDecoder()
        var seen: [String?] = []
        decoder.append(Array("a;b\nc;".utf8))
        try seen.append(text(decoder.nextLine()))
        try seen.append(text(decoder.nextLine()))
        decoder.append(Array("d\n\ne".utf8))
        try seen.append(text(decoder.nextLine()))
        try seen.append(text(decoder.nextLine()))
        try seen.append(text(decoder.nextLine()))
        try seen.append(text(decoder.finish()))
        try seen.append(text(decoder.nextLine()))
        #expect(seen == ["a;b", nil, "c;d", "", nil, "e", nil])
        #expect(decoder.lastLineUnterminated)
        #expect(decoder.lineCount == 4)

        var short = LedgerTextDecoder(maximumLineLength: 10)
        short.append(Array(repeating: UInt8(ascii: "x"), count: 20))
        let tooLong = thrownError { _ = try short.nextLine() }
        #expect(tooLong?.line == 1)
    }

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
        let parsed = try parseRows(["10201;A101;25300;100;Kjøp av varer"])
        #expect(parsed.first?.error?.column == 5)
        #expect(parsed.first?.error?.value == "Kjøp av varer")
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
        #expect(error?.reason == "mangler kolonnen for beløp (en av: beloep, belop, beløp, rekneskap, regnskap, amount, årsregnskap, årsrekneskap)")
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
        #expect(try parseRows(["35900;A101;25300;100"]).first?.error?.reason == "har kontoklasse 3 (første siffer), verken 1 (drift) eller 0 (investering)")
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
        #expect(parsed[0] == .failure(LedgerLineError(line: 2, column: 2, field: "periode", value: "13", reason: "er ikke en måned 1–12")))
        #expect(parsed[1] == .failure(LedgerLineError(line: 3, column: 2, field: "periode", value: "201812", reason: "er en periode i 2018, ikke i importåret 2019")))
        #expect(parsed[2].error?.reason == "er ikke en måned 1–12")
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

    // MARK: Generator

    private static func generated(lines: Int, seed: UInt64, investment: Bool = false, chunkSize: Int = 4096) throws -> (bytes: [UInt8], chunks: Int) {
        var output: [UInt8] = []
        var chunks = 0
        try LedgerGenerator.generate(
            lines: lines, seed: seed, arts: Kostra2025.operatingArts, functions: Kostra2025.functions,
            investmentArts: investment ? Kostra2025.investmentArts : [], chunkSize: chunkSize
        ) { chunk in
            output.append(contentsOf: chunk)
            chunks += 1
        }
        return (output, chunks)
    }

    @Test("the generator is deterministic for a seed")
    func generatorDeterminism() throws {
        let first = try Self.generated(lines: 1_000, seed: 42)
        let again = try Self.generated(lines: 1_000, seed: 42, chunkSize: 10_000)
        let other = try Self.generated(lines: 1_000, seed: 43)
        #expect(first.bytes == again.bytes)
        #expect(first.bytes != other.bytes)
        #expect(first.chunks > 1)
        #expect(first.bytes.filter { $0 == LedgerBytes.lf }.count == 1_001)
        let header = try LedgerTextDecoder.lines(of: first.bytes).lines.first
        #expect(header == LedgerGenerator.header)
    }

    @Test("generated lines parse back: valid codes, revenues negative, 12 periods, 50 ansvar")
    func generatorParsesBack() throws {
        let generated = try Self.generated(lines: 3_000, seed: 7, investment: true)
        let imported = try importBytes(generated.bytes, year: 2025)
        #expect(imported.errors.isEmpty)
        #expect(imported.warnings.isEmpty)
        #expect(imported.lines.count == 3_000)
        #expect(imported.summary.format == .erp)
        #expect(imported.lines.allSatisfy { $0.art >= 600 ? $0.amount.ore < 0 : $0.amount.ore > 0 })
        #expect(imported.lines.contains(where: { $0.art >= 600 }))
        #expect(imported.lines.contains(where: { $0.kind == .investment }))
        #expect(Set(imported.lines.map(\.month)) == Set(1...12))
        let responsibilities = Set(imported.lines.map(\.responsibility))
        #expect(responsibilities.count == LedgerGenerator.responsibilityCount)
        #expect(responsibilities.contains("A101"))
        #expect(imported.lines.contains(where: { !$0.project.isEmpty }))
        #expect(imported.lines.contains(where: { $0.project.isEmpty }))
        #expect(imported.lines.contains(where: { $0.amount.ore % 100 != 0 }))
        #expect(throws: LedgerGeneratorError.self) {
            try LedgerGenerator.generate(lines: 1, seed: 1, arts: [], functions: [120]) { _ in }
        }
    }
}
