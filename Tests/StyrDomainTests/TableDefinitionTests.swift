import Foundation
import Testing
@testable import StyrDomain

/// Table definitions (issue 17): published tables checked as they are, findings and their likely causes, bad input.
@Suite struct TableDefinitionTests {
    typealias Fixtures = TableDefinitionFixtures

    func check(_ files: [(String, Data)], _ definitions: [TableDefinition] = [], tolerance: Double? = nil) throws -> TableCheckReport {
        try TableCheckRun.check(files.map { TableCheckRun.File(name: $0.0, data: $0.1) }, definitions: definitions, tolerance: tolerance)
    }

    @Test("every shipped definition can be used, and a consistent økonomisk oversikt is found consistent")
    func consistent() throws {
        for definition in ShippedTableDefinitions.all { #expect(definition.problems.isEmpty, "\(definition.name): \(definition.problems)") }
        let report = try check([("drift.csv", Fixtures.drift())])
        #expect(report.tables.first?.definition == "okonomisk-oversikt-drift")
        #expect(report.tables.first?.year == 2023)
        #expect(report.tables.first?.rows == 24)
        #expect(report.findings.isEmpty, "\(report.renderText())")
        #expect(report.checked == 34)
    }

    @Test("a sign flip: one cell explains the sum and the deviation")
    func signFlip() throws {
        let report = try check([("drift.csv", Fixtures.drift([("\"250 000\",\"245 000\"", "\"-250 000\",\"245 000\"")]))])
        #expect(report.findings.count == 2, "\(report.renderText())")
        let sum = try #require(report.findings.first { $0.row == "15 Sum driftsutgifter" })
        #expect(sum.printed == .kroner(1_020_000))
        #expect(sum.computed == .kroner(520_000))
        #expect(sum.difference == .kroner(500_000))
        #expect(sum.column == "Regnskap 2023")
        #expect(sum.line == 17)
        #expect(report.causes.count == 1)
        #expect(report.causes.first?.hasPrefix("fortegnsfeil i «12 Kjøp av varer og tjenester», kolonne «Regnskap 2023»") == true, "\(report.causes)")
    }

    @Test("one mistyped digit")
    func mistypedDigit() throws {
        let report = try check([("drift.csv", Fixtures.drift([("\"40 000\",\"41 000\"", "\"46 000\",\"41 000\"")]))])
        #expect(report.findings.count == 2)
        #expect(report.causes.first?.hasPrefix("feiltastet siffer i «7 Brukerbetalinger»") == true, "\(report.causes)")
        #expect(report.causes.first?.contains("skulle trolig vært 40 000") == true)
    }

    @Test("two rows swapped in one column")
    func swappedRows() throws {
        let report = try check([("drift.csv", Fixtures.drift([
            ("\"18 Utbytter\",\"2 000\"", "\"18 Utbytter\",\"20 000\""), ("\"20 Renteutgifter\",\"20 000\"", "\"20 Renteutgifter\",\"2 000\""),
        ]))])
        #expect(report.findings.count == 3, "\(report.renderText())")
        #expect(report.causes.count == 1)
        #expect(report.causes.first?.hasPrefix("radene «18 Utbytter» og «20 Renteutgifter» er trolig byttet om") == true, "\(report.causes)")
    }

    @Test("rounding: a difference within the tolerance is no finding")
    func tolerance() throws {
        let data = Fixtures.drift([("\"1 051 000\",\"1 047 000\"", "\"1 051 001\",\"1 047 000\"")])
        #expect(try check([("drift.csv", data)]).findings.count == 3)
        #expect(try check([("drift.csv", data)], tolerance: 1).findings.isEmpty)
    }

    @Test("1A against 1B, and 1B against last year's 1B")
    func crossTables() throws {
        let together = try check([("1a.csv", Fixtures.skjema1A), ("1b.csv", Fixtures.skjema1B())])
        #expect(together.tables.map(\.definition) == ["regnskapsskjema-1a", "regnskapsskjema-1b"])
        #expect(together.findings.isEmpty, "\(together.renderText())")

        let apart = try check([("1a.csv", Fixtures.skjema1A), ("1b.csv", Fixtures.skjema1B(teknisk: "50", sum: "700"))])
        #expect(apart.findings.map(\.rule) == [.crossTable])
        #expect(apart.findings.first?.file == "1a.csv")
        #expect(apart.findings.first?.explanation.contains("1b.csv") == true)

        let years = try check([("1b-2018.csv", Fixtures.skjema1B(lastYear: true)), ("1b-2017.csv", Fixtures.skjema1B2017)],
                              [ShippedTableDefinitions.regnskapsskjema1B])
        #expect(years.findings.map(\.rule) == [.previousYear, .previousYear], "\(years.renderText())")
        #expect(years.findings.map(\.row) == ["Helse og omsorg", "Sum fordelt til drift"])
    }

    @Test("bad input: a cycle, a missing column, an unreadable number, no definition that fits")
    func badInput() throws {
        var cyclic = ShippedTableDefinitions.regnskapsskjema2A
        cyclic.rows[0].sum = ["udekket"]
        let cycle = try #require(cyclic.problems.first { $0.contains("går i ring") })
        #expect(cycle.contains("«investeringer» → «udekket» → «finansieringsbehov» → «investeringer»") || cycle.contains("→"), "\(cycle)")
        #expect(throws: TableCheckError.self) { try check([("2a.csv", Data())], [cyclic]) }

        do {
            _ = try check([("1b.csv", Data("Enhet;Budsjett 2018\nOppvekst;1\nSum;1\n".utf8))], [ShippedTableDefinitions.regnskapsskjema1B])
            Issue.record("a missing column must be refused")
        } catch let error as TableCheckError {
            #expect(error.description.hasPrefix("1b.csv"), "\(error)")
            #expect(error.description.contains("linje 1, kolonne «regnskap»"), "\(error)")
        }
        do {
            _ = try check([("1b.csv", Data("Enhet;Regnskap 2018\nOppvekst;1x0\nSum;1\n".utf8))], [ShippedTableDefinitions.regnskapsskjema1B])
            Issue.record("an unreadable number must be refused")
        } catch let error as TableCheckError {
            #expect(error.description == "1b.csv, linje 2, kolonne «Regnskap 2018»: «1x0» er ikke et beløp", "\(error)")
        }
        do {
            _ = try check([("x.csv", Data("Navn;Antall\nA;1\n".utf8))])
            Issue.record("a table no definition fits must be refused")
        } catch let error as TableCheckError {
            #expect(error.description.contains("passer ingen kjent definisjon"), "\(error)")
        }
        let json = Data(TableCheckRun.json(ShippedTableDefinitions.regnskapsskjema1B).utf8)
        #expect(try TableCheckRun.definition(json: json, fileName: "1b.json") == ShippedTableDefinitions.regnskapsskjema1B)
        #expect(throws: TableCheckError.self) { try TableCheckRun.definition(json: Data("{\"name\": \"x\"}".utf8), fileName: "x.json") }
    }
}
