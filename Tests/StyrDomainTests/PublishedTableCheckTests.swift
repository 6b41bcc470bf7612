import Foundation
import Testing
@testable import StyrDomain

/// The essentials of a finding in kroner, so expectations read like the printed table.
private struct Found: Equatable, CustomStringConvertible {
    var line: Int
    var row: String
    var column: String
    var printed: Int64?
    var computed: Int64
    var rule: PublishedTableRule

    init(_ line: Int, _ row: String, _ column: String, printed: Int64?, computed: Int64, _ rule: PublishedTableRule) {
        (self.line, self.row, self.column, self.printed, self.computed, self.rule) =
            (line, row, column, printed, computed, rule)
    }

    init(_ finding: PublishedTableFinding) {
        self.init(
            finding.line, finding.row, finding.column, printed: finding.printed.map { $0.hundredths / 100 },
            computed: finding.computed.hundredths / 100, finding.rule)
    }

    var description: String { "linje \(line) \(row)/\(column): \(printed.map(String.init) ?? "tom") ≠ \(computed) (\(rule))" }
}

private func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
    return PublishedTableCheck.decode(try Data(contentsOf: url))
}

private func found(_ report: PublishedTableReport) -> [Found] { report.findings.map(Found.init) }

/// Runs `check` expecting an error and returns it.
private func checkError(_ text: String, _ kind: PublishedTableKind = .operating) -> PublishedTableError? {
    do {
        _ = try PublishedTableCheck.check(text: text, kind: kind)
        return nil
    } catch {
        return error
    }
}

/// The operating fixture made consistent: a group row is changed so that its groups add up to the
/// printed sum (changing the sum row instead would break the net row computed from it).
private func consistentOperating() throws -> String {
    try fixture("uke2020_drift").replacingOccurrences(of: "-480 752 607", with: "-480 752 606")
}

/// Negates every amount on the revenue rows, giving the same table with revenues printed positive.
private func withRevenuesPositive(_ text: String) throws -> String {
    try text.split(separator: "\n").map { line in
        var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard let first = fields.first?.first, "6789".contains(first) || fields[0] == "sum_inntekter" else {
            return String(line)
        }
        for index in fields.indices.dropFirst() {
            if let amount = try PrintedAmountParser.parse(fields[index]) {
                fields[index] = PrintedAmount(hundredths: -amount.hundredths).formatted
            }
        }
        return fields.joined(separator: ";")
    }.joined(separator: "\n")
}

@Suite struct PublishedTableFixtureTests {
    @Test func projectsTableHasThreeErrors() throws {
        let report = try PublishedTableCheck.check(text: fixture("uke2020_prosjekter"), kind: .projects)
        #expect(report.signConvention == nil)
        try #require(found(report) == [
            Found(3, "112007", "avvik", printed: 8_399_000, computed: 7_119_000, .deviation),
            Found(6, "sum", "regulert", printed: 22_141_000, computed: 37_659_000, .groupSum),
            Found(6, "sum", "avvik", printed: 10_684_740, computed: 26_202_740, .groupSum),
        ])
        #expect(report.findings[0].difference == .kroner(1_280_000))
        #expect(!report.isConsistent)
    }

    /// The sum row's printed avvik (10 684 740) is right: it is regulert − regnskap of the sum
    /// row, and the sum of the groups' correct avvik. Only the group row with the flipped sign
    /// is wrong, so it is reported once, there.
    @Test func investmentTableHasFourErrors() throws {
        let report = try PublishedTableCheck.check(text: fixture("uke2020_investering"), kind: .investment)
        #expect(report.signConvention == .revenuesPositive)
        try #require(found(report) == [
            Found(2, "000-099", "avvik", printed: 3_148_181, computed: -3_148_181, .deviation),
            Found(8, "600-699", "avvik", printed: nil, computed: -14_600, .missingDeviation),
            Found(12, "sum_finansiering", "avvik", printed: 4_808_973, computed: 4_794_373, .deviation),
            Found(13, "netto_finansieringsbehov", "avvik", printed: 5_875_767, computed: 5_890_367, .deviation),
        ])
        #expect(report.findings[0].explanation.contains("Fortegnet er snudd"))
        #expect(report.findings[1].difference == .kroner(14_600))
        #expect(report.findings[2].difference == .kroner(14_600))
    }

    @Test func operatingTableIsOffByOneKroneInOneCell() throws {
        let report = try PublishedTableCheck.check(text: fixture("uke2020_drift"), kind: .operating)
        #expect(report.signConvention == .revenuesNegative)
        try #require(found(report) == [
            Found(12, "sum_inntekter", "regnskap_forrige", printed: -690_533_345, computed: -690_533_346, .groupSum)
        ])
        #expect(report.findings[0].difference == .kroner(1))

        let tolerant = try PublishedTableCheck.check(text: fixture("uke2020_drift"), kind: .operating, tolerance: 1)
        #expect(tolerant.isConsistent)
        #expect(tolerant.signConvention == .revenuesNegative)
    }
}

@Suite struct PublishedTableIdentityTests {
    @Test func anAvvikWithoutValuesBesideItMustBeZero() throws {
        let report = try PublishedTableCheck.check(text: """
            prosjektnr;navn;dok3;regulert;regnskap;avvik
            1;A;0;100;40;60
            2;B;;-;-;5
            sum;Sum;0;100;40;65

            """, kind: .projects)
        // Row 2's avvik is wrong (nothing beside it); the sum's avvik 65 is wrong too, since the
        // projects' correct avvik add up to 60 and regulert − regnskap is 60.
        try #require(found(report) == [
            Found(3, "2", "avvik", printed: 5, computed: 0, .deviation),
            Found(4, "sum", "avvik", printed: 65, computed: 60, .deviation),
        ])
    }

    @Test func consistentTableHasNoFindings() throws {
        let report = try PublishedTableCheck.check(text: consistentOperating(), kind: .operating)
        #expect(report.isConsistent)
        #expect(report.findings.isEmpty)
    }

    @Test func revenuesPrintedPositiveAreRecognised() throws {
        let positive = try withRevenuesPositive(consistentOperating())
        #expect(positive.contains("600-699;541 434 566;413 124 000;364 237 565;480 752 606;-177 197 001"))
        let report = try PublishedTableCheck.check(text: positive, kind: .operating)
        #expect(report.signConvention == .revenuesPositive)
        #expect(report.findings.isEmpty)
    }

    @Test func netRowIsCheckedAgainstTheSumRowsAsPrinted() throws {
        let text = try withRevenuesPositive(consistentOperating())
            .replacingOccurrences(of: "netto;420 062 859", with: "netto;420 062 860")
        let report = try PublishedTableCheck.check(text: text, kind: .operating)
        try #require(found(report) == [
            Found(13, "netto", "regnskap", printed: 420_062_860, computed: 420_062_859, .netResult),
            Found(13, "netto", "avvik", printed: 7_858_141, computed: 7_858_140, .deviation),
        ])
        #expect(report.findings[0].explanation.contains("sum_utgifter - sum_inntekter = 1 158 413 263 - 738 350 404"))
    }

    @Test func withoutRevenueValuesTheConventionThatFitsTheNetRowWins() throws {
        let header = "rad;regnskap;dok3;regulert;regnskap_forrige;avvik"
        let expensesOnly = [header, "000-099;100;-;150;-;50", "sum_utgifter;100;-;150;-;50", "netto;100;-;150;-;50"]
        let plain = try PublishedTableCheck.check(text: expensesOnly.joined(separator: "\n"), kind: .operating)
        #expect(plain.signConvention == .revenuesNegative)
        #expect(plain.isConsistent)

        // Only avvik has revenue values and avvik does not vote; net avvik 30 = 50 - 20 fits revenuesPositive.
        let avvikOnly = [
            header, "000-099;100;-;150;-;50", "sum_utgifter;100;-;150;-;50",
            "600-699;-;-;-;-;20", "sum_inntekter;-;-;-;-;20", "netto;100;-;150;-;30",
        ]
        let report = try PublishedTableCheck.check(text: avvikOnly.joined(separator: "\n"), kind: .operating)
        #expect(report.signConvention == .revenuesPositive)
        // An avvik with nothing beside it must be 0, so the revenue rows' avvik are findings too.
        #expect(found(report) == [
            Found(4, "600-699", "avvik", printed: 20, computed: 0, .deviation),
            Found(5, "sum_inntekter", "avvik", printed: 20, computed: 0, .deviation),
            Found(6, "netto", "avvik", printed: 30, computed: 50, .deviation),
        ])
    }

    @Test func revenuesNegativeNeedsAMajority() throws {
        // Two negative and two positive revenue values: not "most are negative".
        let text = """
            rad;regnskap;dok3;regulert;regnskap_forrige;avvik
            000-099;100;-;100;-;0
            sum_utgifter;100;-;100;-;0
            600-699;-10;-;10;-;20
            sum_inntekter;-10;-;10;-;20
            netto;110;-;90;-;-20
            """
        let report = try PublishedTableCheck.check(text: text, kind: .operating)
        #expect(report.signConvention == .revenuesPositive)
        #expect(report.isConsistent)
    }

    @Test func toleranceIsInclusiveAndNeverNegative() throws {
        let offByTwo = try fixture("uke2020_drift").replacingOccurrences(of: "-690 533 345", with: "-690 533 344")
        #expect(try PublishedTableCheck.check(text: offByTwo, kind: .operating, tolerance: 1).findings.count == 1)
        #expect(try PublishedTableCheck.check(text: offByTwo, kind: .operating, tolerance: 2).isConsistent)
        #expect(try PublishedTableCheck.check(text: fixture("uke2020_drift"), kind: .operating, tolerance: -5)
            .findings.count == 1)
    }

    @Test func projectWithOnlyDok3NeedsNoAvvikAndSumpIsNotASum() throws {
        let text = """
            prosjektnr;navn;dok3;regulert;regnskap;avvik
            1;Planlagt;500;-;-;-
            ;Sumpområde;0;100;40;60
            ;Sum kap. 1;500;100;40;60
            """
        let report = try PublishedTableCheck.check(text: text, kind: .projects)
        #expect(report.isConsistent)
    }

    @Test func budgetWithoutActualsNeedsAnAvvik() throws {
        let text = """
            prosjektnr;navn;dok3;regulert;regnskap;avvik
            3;Nytt bygg;0;200;-;-
            4;Gammelt bygg;0;-;50;-50
            """
        let report = try PublishedTableCheck.check(text: text, kind: .projects)
        try #require(found(report) == [Found(2, "3", "avvik", printed: nil, computed: 200, .missingDeviation)])
        #expect(report.findings[0].difference == .kroner(-200))
    }
}

@Suite struct PublishedTableLeniencyTests {
    /// The consistent operating table with one extra error in sum_inntekter avvik, which breaks
    /// its group sum and its own avvik (one wrong cell, reported once) and the net row's avvik.
    private func twoColumnErrors() throws -> String {
        try consistentOperating().replacingOccurrences(of: "340 267 239", with: "340 267 240")
    }

    @Test func findingsFollowLineThenHeaderOrder() throws {
        let report = try PublishedTableCheck.check(text: twoColumnErrors(), kind: .operating)
        #expect(found(report) == [
            Found(12, "sum_inntekter", "avvik", printed: 340_267_240, computed: 340_267_239, .deviation),
            Found(13, "netto", "avvik", printed: 7_858_141, computed: 7_858_142, .netResult),
        ])
        let broken = try twoColumnErrors().replacingOccurrences(of: "-480 752 606", with: "-480 752 607")
        let columns = try PublishedTableCheck.check(text: broken, kind: .operating).findings.map(\.column)
        #expect(columns == ["regnskap_forrige", "avvik", "avvik"])
    }

    @Test func columnsInAnyOrderWithLabelsDashesAndOddSpaces() throws {
        // Reorder to avvik;rad;regulert;regnskap;dok3;regnskap_forrige, decorate labels and spacing.
        let lines = try twoColumnErrors().replacingOccurrences(of: "-480 752 606", with: "-480 752 607")
            .split(separator: "\n").map { line -> String in
                let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                return [f[5], f[0], f[3], f[1], f[2], f[4]].joined(separator: ";")
            }
        var text = lines.joined(separator: "\n")
            .replacingOccurrences(of: "avvik;rad;regulert;regnskap;dok3;regnskap_forrige",
                                  with: " AVVIK ;Rad;Regulert;REGNSKAP ;Dok3;Regnskap forrige")
            .replacingOccurrences(of: "000-099", with: "000-099 Lønn og sosiale utgifter")
            .replacingOccurrences(of: "600-699", with: "600–699")
            .replacingOccurrences(of: "-541 434 566", with: "\u{2212}541\u{00A0}434\u{202F}566")
            .replacingOccurrences(of: ";-;", with: ";–;")
        text += "\n\n"
        let report = try PublishedTableCheck.check(text: text, kind: .operating)
        #expect(report.signConvention == .revenuesNegative)
        #expect(report.findings.map(\.column) == ["avvik", "regnskap_forrige", "avvik"])
        #expect(report.findings.map(\.line) == [12, 12, 13])
        #expect(report.findings.map(\.rule) == [.deviation, .groupSum, .netResult])
    }

    @Test func rangeLabelsArePrintedWithoutTheirText() throws {
        let text = """
            rad;regnskap;dok3;regulert;regnskap_forrige;avvik
            000-099 Lønn og sosiale utgifter;100;-;150;-;40
            600 – 699 Salgsinntekter;-10;-;-10;-;-
            """
        let report = try PublishedTableCheck.check(text: text, kind: .operating)
        #expect(found(report) == [Found(2, "000-099", "avvik", printed: 40, computed: 50, .deviation)])
    }

    @Test func trailingSeparatorsAndBlankLinesAreIgnored() throws {
        let text = "\n" + (try fixture("uke2020_prosjekter")).replacingOccurrences(of: "\n", with: ";;\n\n")
        let report = try PublishedTableCheck.check(text: text, kind: .projects)
        #expect(report.findings.map(\.line) == [6, 12, 12])
    }

    @Test func amountsAsPrinted() throws {
        #expect(try PrintedAmountParser.parse("1\u{00A0}158\u{202F}413 263") == .kroner(1_158_413_263))
        #expect(try PrintedAmountParser.parse("\u{2212}12,50") == PrintedAmount(hundredths: -1250))
        #expect(try PrintedAmountParser.parse(" 12,5 ") == PrintedAmount(hundredths: 1250))
        for noValue in ["", " ", "-", "–", "\u{00A0}"] {
            #expect(try PrintedAmountParser.parse(noValue) == nil)
        }
        for bad in ["12x", "1,234", "1.000", "--5", ","] {
            #expect(throws: PublishedTableError.self) { try PrintedAmountParser.parse(bad) }
        }
        #expect(PrintedAmount.kroner(-1_158_413_263).formatted == "-1 158 413 263")
        #expect(PrintedAmount(hundredths: 1250).formatted == "12,50")
        #expect(PrintedAmount(hundredths: -5).formatted == "-0,05")
        #expect(PrintedAmount.kroner(999).formatted == "999")
        #expect(PrintedAmount.kroner(1000).formatted == "1 000")
    }
}

@Suite struct PublishedTableInputErrorTests {
    private let header = "rad;regnskap;dok3;regulert;regnskap_forrige;avvik"

    @Test func wrongFieldCountNamesTheLine() throws {
        let text = [header, "000-099;1;1;1;1;0", "100-299;1;1;1;0"].joined(separator: "\n")
        let failure = try #require(checkError(text))
        #expect(failure.line == 3)
        #expect(failure.column == nil)
        #expect(failure.message == "linje 3: linjen har 5 felt, men overskriften har 6")
    }

    @Test func nonNumericAmountNamesLineAndColumn() throws {
        let text = [header, "000-099;1;1;1;1;0", "100-299;1;1;1;1;0", "300-399;1;1;12x;1;0"].joined(separator: "\n")
        let failure = try #require(checkError(text))
        #expect(failure == PublishedTableError(line: 4, column: "regulert", reason: "«12x» er ikke et beløp"))
        #expect(failure.message == "linje 4, kolonne «regulert»: «12x» er ikke et beløp")
    }

    @Test func unknownRowNamesLineAndColumn() throws {
        let operating = try #require(checkError([header, "000-099;1;1;1;1;0", "sum_diverse;1;1;1;1;0"].joined(separator: "\n")))
        #expect(operating.line == 3)
        #expect(operating.column == "rad")
        #expect(operating.reason.hasPrefix("ukjent rad «sum_diverse»"))
        // The investment sum names do not belong in an operating table.
        #expect(checkError([header, "sum_finansiering;1;1;1;1;0"].joined(separator: "\n"))?.line == 2)
        #expect(checkError([header, "500-699;1;1;1;1;0"].joined(separator: "\n"))?.column == "rad")
    }

    @Test func emptyAndHeaderOnlyFiles() throws {
        let empty = try #require(checkError(PublishedTableCheck.decode(Data())))
        #expect(empty == PublishedTableError(line: 1, reason: "filen er tom"))
        #expect(checkError("\n  \n;;\n")?.reason == "filen er tom")
        let headerOnly = try #require(checkError("\n" + header + "\n\n"))
        #expect(headerOnly.line == 2)
        #expect(headerOnly.reason.contains("ingen datarader"))
    }

    @Test func missingOrDoubledColumnIsNamed() throws {
        let missing = try #require(checkError("rad;regnskap;dok3;regnskap_forrige;avvik\n000-099;1;1;1;0"))
        #expect(missing.line == 1)
        #expect(missing.column == "regulert")
        let projects = try #require(checkError("prosjektnr;dok3;regulert;regnskap;avvik\n1;0;1;1;0", .projects))
        #expect(projects.column == "navn")
        let doubled = try #require(checkError(header + ";avvik\n000-099;1;1;1;1;0;0"))
        #expect(doubled.column == "avvik")
    }

    @Test func doubledSumRowNamesBothLines() throws {
        let text = [header, "000-099;1;1;1;1;0", "sum_utgifter;1;1;1;1;0", "sum_utgifter;1;1;1;1;0"]
        let failure = try #require(checkError(text.joined(separator: "\n")))
        #expect(failure.line == 4)
        #expect(failure.reason.contains("linje 3"))
    }
}

@Suite struct PublishedTableDecodingTests {
    @Test func latin1AndWindows1252Bytes() throws {
        let latin1 = try #require("rad;regnskap;dok3;regulert;regnskap_forrige;avvik\n000-099 Lønn;1;-;1;-;0\n"
            .data(using: .isoLatin1))
        #expect(String(data: latin1, encoding: .utf8) == nil)
        let text = PublishedTableCheck.decode(latin1)
        #expect(text.contains("000-099 Lønn;"))
        #expect(try PublishedTableCheck.check(text: text, kind: .operating).isConsistent)
        // 0x96 is the en dash in Windows-1252, used for "no value".
        #expect(PublishedTableCheck.decode(Data([0x4C, 0xF8, 0x6E, 0x6E, 0x3B, 0x96])) == "Lønn;–")
    }

    @Test func byteOrderMarksAreStripped() throws {
        let plain = try fixture("uke2020_drift")
        let withBOM = PublishedTableCheck.decode(Data([0xEF, 0xBB, 0xBF]) + Data(plain.utf8))
        #expect(withBOM == plain)
        let utf16 = PublishedTableCheck.decode(Data([0xFF, 0xFE]) + plain.data(using: .utf16LittleEndian)!)
        #expect(utf16 == plain)
        // A BOM left in the text by another reader must not hide the `rad` column.
        let report = try PublishedTableCheck.check(text: "\u{FEFF}" + plain, kind: .operating)
        #expect(report.findings.map(\.line) == [12])
    }

    @Test func lineEndingsAreNormalised() throws {
        let plain = try fixture("uke2020_drift")
        let crlf = plain.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(PublishedTableCheck.decode(Data(crlf.utf8)) == plain)
        #expect(PublishedTableCheck.decode(Data("a\rb\r\nc".utf8)) == "a\nb\nc")
        let report = try PublishedTableCheck.check(text: crlf, kind: .operating)
        #expect(found(report) == [
            Found(12, "sum_inntekter", "regnskap_forrige", printed: -690_533_345, computed: -690_533_346, .groupSum)
        ])
    }
}

@Suite struct PublishedTableRenderingTests {
    @Test func textReport() throws {
        let report = try PublishedTableCheck.check(text: fixture("uke2020_drift"), kind: .operating)
        let lines = report.renderText(fileName: "uke2020_drift.csv")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 4)
        #expect(lines[3].isEmpty)
        #expect(lines[0] == "Kontroll av publisert tabell «uke2020_drift.csv» (drift), "
            + "inntekter med negativt fortegn (netto = utgifter + inntekter), toleranse: 0 kr.")
        #expect(lines[1] == "linje 12, rad sum_inntekter, kolonne regnskap_forrige: trykt -690 533 345, "
            + "beregnet -690 533 346, differanse 1. Summen av artsgruppene 600-999 (inntekter) i kolonnen "
            + "«regnskap_forrige» er -690 533 346, men det står -690 533 345.")
        #expect(lines[2] == "1 celle stemmer ikke.")

        let consistent = try PublishedTableCheck.check(text: consistentOperating(), kind: .operating)
        #expect(consistent.renderText(fileName: "x.csv").hasSuffix("\nAlle identiteter stemmer.\n"))
    }

    @Test func textReportShowsBlankCellsAndOmitsConventionForProjects() throws {
        let investment = try PublishedTableCheck.check(text: fixture("uke2020_investering"), kind: .investment)
        let text = investment.renderText(fileName: "inv.csv")
        #expect(text.contains("(investering), finansiering med positivt fortegn (netto = finansieringsbehov - finansiering)"))
        #expect(text.contains("linje 8, rad 600-699, kolonne avvik: trykt (tomt), beregnet -14 600, differanse 14 600."))
        #expect(text.hasSuffix("\n4 celler stemmer ikke.\n"))
        let projects = try PublishedTableCheck.check(text: fixture("uke2020_prosjekter"), kind: .projects)
        #expect(!projects.renderText(fileName: "p.csv").contains("fortegn"))
    }

    @Test func csvReport() throws {
        let investment = try PublishedTableCheck.check(text: fixture("uke2020_investering"), kind: .investment)
        let rows = investment.renderCSV().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows.count == 6)
        #expect(rows[0] == "linje;rad;kolonne;trykt;beregnet;differanse;regel;forklaring")
        #expect(rows[2] == "8;600-699;avvik;;-14600;14600;missingDeviation;"
            + "Avviket mangler, men regulert - regnskap = 0 - 14 600 = -14 600.")
        #expect(rows[5].isEmpty)
    }
}
