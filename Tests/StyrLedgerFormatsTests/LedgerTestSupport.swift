import Foundation
import Testing
@testable import StyrDomain
@testable import StyrLedgerFormats

/// The KOSTRA code lists of 2025 (Sources/StyrStorage/Resources), as the import checks them.
enum Kostra2025 {
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

typealias Imported = (lines: [LedgerLine], summary: ImportSummary, errors: ImportErrorLog, warnings: ImportErrorLog)

func importBytes(
    _ bytes: [UInt8], profile: ImportProfile = .standard, year: Int = 2019, measure: LedgerImportMeasure = .actuals,
    codes: KostraCodes? = Kostra2025.codes, chunkSize: Int = 65_536
) throws -> Imported {
    try LedgerImporter.importAll(bytes, profile: profile, year: year, measure: measure, codes: codes, chunkSize: chunkSize)
}

func importText(
    _ text: String, profile: ImportProfile = .standard, year: Int = 2019, measure: LedgerImportMeasure = .actuals,
    codes: KostraCodes? = Kostra2025.codes, chunkSize: Int = 65_536
) throws -> Imported {
    try importBytes(Array(text.utf8), profile: profile, year: year, measure: measure, codes: codes, chunkSize: chunkSize)
}

/// The error `body` throws, if it is a `LedgerLineError`.
func thrownError(_ body: () throws -> Void) -> LedgerLineError? {
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
func kostraRecord(
    skjema: String = "0A", year: String = "2019", quarter: String = " ", region: String = "040200", kontoklasse: String = "1",
    function: String = "120", art: String = "010", amount: String
) -> String {
    let paddedFunction = function + String(repeating: " ", count: max(0, 4 - function.count))
    let paddedAmount = String(repeating: " ", count: max(0, 9 - amount.count)) + amount
    return skjema + year + quarter + region + String(repeating: " ", count: 18) + kontoklasse + paddedFunction + art + paddedAmount
}

/// Text in Latin-1 (every character of it below U+0100).
func latin1(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
}

func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
        let high = UInt8(truncatingIfNeeded: unit >> 8)
        let low = UInt8(truncatingIfNeeded: unit & 0xFF)
        bytes.append(contentsOf: bigEndian ? [high, low] : [low, high])
    }
    return bytes
}

/// Parses rows of an ERP file after `header`; the first row is line 2.
func parseRows(
    _ rows: [String], header: String = "art;ansvar;tjeneste_nr;beloep", profile: ImportProfile = .standard,
    codes: KostraCodes? = Kostra2025.codes
) throws -> [ParsedLine] {
    var parser = LedgerLineParser(format: .erp, profile: profile, year: 2019, codes: codes)
    try parser.header(header)
    let ready = parser
    return rows.enumerated().map { index, row in ready.parse(row, number: index + 2) }
}

let kostraExample = "0A20194040200                  1120 010    36328"

let osloFile = """
    Avdelingskode;Avdelingsnavn;Kapittelkode;Kapittelnavn;Artgruppekode;Artsgruppenavn;Kostrafunksjonskode;Kostrafunksjonsnavn;Årsregnskap;Regulert budsjett;Opprinnelig budsjett
    BYR;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;0;Lønn og sosiale utgifter;120;Administrasjon og støtte;350110013;217928000;221748000
    BYR;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;100-299;Kjøp av varer og tjenester;120;Administrasjon og støtte;643136895,50;590065165;605791000
    BYR;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;6;Salgs- og leieinntekter;120;Administrasjon og støtte;-541434566;-;-413124000

    """

let erpHeader = "virksomhetsomraade;art;art_tekst;ansvar;ansvar_tekst;tjeneste_nr;tjeneste_tekst;prosjekt;prosjekt_tekst;fri_dim;fri_dim_tekst;beloep"

let erpFile = """
    \(erpHeader)
    1;10201;Lønn til vikarer;A101;Økonomi;25300;Tilbud til personer med rusproblemer;;;;;12345,67
    1;16200;Salgsinntekter;A101;Økonomi;25300;Tilbud til personer med rusproblemer;P1;Ny nettside;F1;Fri;-1 000,00
    2;02300;Lønn til ekstrahjelp;A102;Skole;20200;Grunnskole;P2;Nytt skolebygg;;;5000

    """
