import Foundation
import Testing
@testable import StyrDomain
@testable import StyrLedgerFormats

/// Files as municipalities really export them (issue 17): each imports as it is, with the totals right to the øre.
@Suite struct LedgerRealFilesTests {
    @Test("a nynorsk 2011 file: rekneskap_2011 is the amount, the trailing and unnamed fields are ignored, period 13 is December")
    func nynorsk2011() throws {
        let imported = try importBytes(RealFileFixtures.nynorsk2011, year: 2011)
        #expect(imported.errors.isEmpty, "\(imported.errors.errors)")
        #expect(imported.summary.encoding != .utf8)
        #expect(imported.summary.controlSum == Money(ore: RealFileFixtures.nynorsk2011Actuals))
        #expect(imported.summary.sumByKind[.operating] == Money(ore: RealFileFixtures.nynorsk2011Operating))
        #expect(imported.summary.linesImported == 7)
        #expect(imported.summary.linesWithExtraFields == 1)
        #expect(imported.summary.skipped[.kontoklasse(2)] == 1)
        #expect(imported.summary.skipped[.sumRow] == 1)
        #expect(imported.lines.filter { $0.month == 12 }.count == 5)

        let budget = try importBytes(RealFileFixtures.nynorsk2011, year: 2011, measure: .budget)
        #expect(budget.summary.controlSum == Money(ore: RealFileFixtures.nynorsk2011Budget))
    }

    @Test("period 13 and 0 as the profile says: December, a period of its own, or an error")
    func closingPeriods() throws {
        var own = ImportProfile(name: "egen")
        own.closingPeriods = .own
        let kept = try importBytes(RealFileFixtures.nynorsk2011, profile: own, year: 2011)
        #expect(kept.lines.filter { $0.month == LedgerLine.closingMonth }.count == 3)
        #expect(LedgerLine.periodName(13) == "årsavslutning")

        var strict = ImportProfile(name: "streng")
        strict.closingPeriods = .error
        let refused = try importBytes(RealFileFixtures.nynorsk2011, profile: strict, year: 2011)
        #expect(refused.errors.count == 3)
        #expect(refused.errors.errors.first?.reason.contains("closingPeriods") == true)

        let parsed = try parseRows(["10201;13;100", "10201;0;100", "10201;201913;100", "10201;14;100"], header: "art;periode;beloep")
        #expect(parsed.prefix(3).map { $0.ledgerLine?.month } == [12, 12, 12])
        #expect(parsed[3].error?.reason == "er ikke en måned 1–12")
    }

    @Test("a column the profile ignores is never read: Konto, not the art's text, is the account")
    func ignoredColumns() throws {
        let standard = try importBytes(RealFileFixtures.bokmal2016, year: 2016)
        #expect(!standard.errors.isEmpty)
        var profile = ImportProfile(name: "konto")
        profile.ignoredColumns = ["Art"]
        let imported = try importBytes(RealFileFixtures.bokmal2016, profile: profile, year: 2016)
        #expect(imported.errors.isEmpty, "\(imported.errors.errors)")
        #expect(imported.summary.controlSum == Money(ore: 17_250_050))
        #expect(imported.lines.map(\.art) == [10, 150, 700])
        let budget = try importBytes(RealFileFixtures.bokmal2016, profile: profile, year: 2016, measure: .budget)
        #expect(budget.summary.controlSum == .kroner(2_380_000))
    }

    @Test("a local account plan: the profile maps the local kontoklasse and accounts to KOSTRA's")
    func localPlan() throws {
        let standard = try importBytes(RealFileFixtures.localPlan2019, year: 2019)
        #expect(standard.errors.errors.first?.reason.contains("accountRule.kontoklasser") == true)
        var profile = ImportProfile(name: "lokal")
        profile.accountRule.kontoklasser = ["3": 0]
        profile.artOverrides = ["11901": 195]
        let imported = try importBytes(RealFileFixtures.localPlan2019, profile: profile, year: 2019)
        #expect(imported.errors.isEmpty, "\(imported.errors.errors)")
        #expect(imported.lines.map(\.kind) == [.operating, .investment, .operating])
        #expect(imported.lines.map(\.art) == [10, 20, 195])
        #expect(imported.lines.map(\.month) == [1, 12, 12])
        #expect(imported.summary.controlSum == Money(ore: 80_000))
        #expect(imported.summary.skipped[.kontoklasse(2)] == 1)
        #expect(ImportProfile(name: "x", accountRule: AccountRule(kontoklasser: ["3": 5])).problems.count == 1)
    }

    @Test("the missing amount column names every header name, whole, and the names accepted")
    func missingAmount() throws {
        let header = "konto;ansvar;tjeneste;periode;" + (1...12).map { "kolonne_med_et_langt_navn_\($0)" }.joined(separator: ";")
        let error = try #require(thrownError { _ = try importText(header + "\n10100;1;12000;1;5\n", year: 2013) })
        #expect(error.value.isEmpty)
        #expect(error.reason.contains("«kolonne_med_et_langt_navn_12»"))
        #expect(error.reason.contains("rekneskap_2013"))
        #expect(error.reason.contains("en av: beloep"))
    }

    @Test("a structural error comes first, before a hundred codes outside the lists")
    func structuralFirst() throws {
        let text = "art;tjeneste_nr;beloep\n" + String(repeating: "10201;99900;1\n", count: 150) + "10201;12000\n"
        let imported = try importText(text)
        #expect(imported.errors.count == 151)
        #expect(imported.errors.errors.first?.reason.hasPrefix("linjen har 2 felt") == true)
        #expect(imported.errors.errors.count == 100)
    }

    @Test("the profile template reads back as the standard profile")
    func template() throws {
        let profile = try ImportProfile.decode(commented: Data(ImportProfileTemplate.text.utf8))
        #expect(profile == ImportProfile.standard)
        for key in ["accountNames", "ignoredColumns", "closingPeriods", "kontoklasser", "artOverrides", "functionOverrides", "invalidCodes", "delimiter"] {
            #expect(ImportProfileTemplate.text.contains("\"\(key)\""), "\(key)")
        }
    }

    @Test("KLASS's CSV export: the codes valid in the year, groups left out")
    func klassList() throws {
        let entries = try KlassCodeListReader.read(Array(RealFileFixtures.klassArts.utf8))
        #expect(entries.count == 4)
        #expect(KostraYearCodeList(year: 2015, kind: .arts, entries: entries).codes == [10, 75, 120])
        #expect(KostraYearCodeList(year: 2017, kind: .arts, entries: entries).codes == [10, 120])
        let codes = KostraYearCodeList.codes(
            arts: KostraYearCodeList(year: 2015, kind: .arts, entries: entries), functions: nil, shipped: Kostra2025.codes)
        #expect(codes.isValid(art: 75, kind: .investment))
        #expect(!codes.isValid(art: 20, kind: .operating))
        #expect(codes.isValid(function: 253))
        #expect(KostraYearCodeList.missingListWarning(year: 2013, arts: false, functions: false)?.contains("for 2013") == true)
        #expect(KostraYearCodeList.missingListWarning(year: 2025, arts: false, functions: false) == nil)
        let bad = #"code;name;validFrom"# + "\n010;Lønn;1. januar\n"
        #expect(throws: KlassCodeListReader.Failure.self) { try KlassCodeListReader.read(Array(bad.utf8)) }
    }
}
