import StyrDomain
import Testing

/// Chapters 4–6: shares from counts, women's pay as a share of men's, deviations, refusals and findings.
@Suite("Special reporting rules")
struct SpecialReportRulesTests {
    static let empty = SpecialReport(organisationCode: "UKE", year: 2020)

    @Test("shares, pay ratio and sick-leave deviation are computed as the seed prints them")
    func figures() {
        let total = GenderPayRow(category: "Totalt i virksomheten", year: 2020, count: SexCount(men: 153, women: 229),
                                 menPay: Money(ore: 70_673_000), womenPay: Money(ore: 66_039_100))
        #expect(total.count.total == 382)
        #expect(NorwegianFormat.percent(SpecialReportFigures.share(153, of: 382)!, decimals: 0) == "40 %")
        #expect(NorwegianFormat.percent(SpecialReportFigures.share(229, of: 382)!, decimals: 0) == "60 %")
        #expect(NorwegianFormat.percent(SpecialReportFigures.womenPayShare(total)!, decimals: 1) == "93,4 %")
        #expect(SpecialReportFigures.share(1, of: 0) == nil)
        let sick = SickLeaveRow(group: .total, previousResult: Quantity(parsing: "7,5"), target: Quantity(parsing: "6,7"), result: Quantity(parsing: "5,2"))
        #expect(SpecialReportFigures.deviation(sick) == Quantity(parsing: "-1,5"))
        #expect(SpecialReportFigures.deviation(SickLeaveRow(group: .men, previousResult: nil, target: nil, result: Quantity(2))) == nil)
    }

    @Test("a share above 100 % and negative counts are refused for their fields")
    func refusals() throws {
        let sick = [SickLeaveRow(group: .total, previousResult: nil, target: Quantity(6), result: Quantity(parsing: "105"))]
        #expect(throws: InputErrors.self) { try SpecialReportRules.applying(.sickLeave(sick), to: Self.empty) }
        do {
            _ = try SpecialReportRules.applying(.sickLeave(sick), to: Self.empty)
        } catch let errors as InputErrors {
            #expect(errors["sickLeave"]?.contains("over 100 %") == true)
        }
        do {
            _ = try SpecialReportRules.applying(.hse(HSEChecklist(workingTimeBreaches: -1)), to: Self.empty)
            Issue.record("refused")
        } catch let errors as InputErrors {
            #expect(errors.entries.map(\.field) == ["workingTimeBreaches"])
        }
        let ok = try SpecialReportRules.applying(.hse(HSEChecklist(workingTimeBreaches: 764)), to: Self.empty)
        #expect(ok.hse.workingTimeBreaches == 764)
    }

    @Test("counts that do not add up are kept and shown as findings with the difference")
    func findings() throws {
        let row = WorkforceRow(year: 2020, total: 363, fullTime: SexCount(men: 130, women: 195), partTime: SexCount(men: 12, women: 20),
                               involuntaryPartTime: nil, temporary: SexCount(men: 1, women: 2))
        let report = try SpecialReportRules.applying(.workforce([row]), to: Self.empty)
        let withPay = try SpecialReportRules.applying(.genderPay([
            GenderPayRow(category: "Totalt i virksomheten", year: 2020, count: SexCount(men: 153, women: 229), menPay: .zero, womenPay: .zero),
        ]), to: report)
        let findings = SpecialReportFigures.findings(withPay, staffingAtYearEnd: 371)
        #expect(findings.map(\.kind) == [.workforceSum, .headcounts])
        #expect(findings[0].difference == -6 && findings[0].message.contains("357"))
        #expect(findings[1].difference == 19)
        for figure in ["371", "382", "363"] { #expect(findings[1].message.contains(figure)) }
        #expect(findings[1].request != nil)
        let explained = try SpecialReportRules.applying(.headcountExplanation("Ulike tidspunkt."), to: withPay)
        #expect(SpecialReportFigures.findings(explained, staffingAtYearEnd: 371)[1].request == nil)
    }

    @Test("a tracked item is closed only with a reference, and lists by year")
    func trackedItems() throws {
        let draft = TrackedItemDraft(source: .municipalAuditor, title: "Rapport 06/2020", date: CalendarDate(year: 2020, month: 6, day: 1),
                                     text: "Anskaffelser.", responsible: "", measures: "")
        let item = try TrackedItemRules.write(draft, organisationCode: "UKE")
        do {
            _ = try TrackedItemRules.close(item, reference: "  ", on: CalendarDate(year: 2020, month: 7, day: 1))
            Issue.record("refused")
        } catch let errors as InputErrors {
            #expect(errors.entries.map(\.field) == ["closedReference"])
        }
        let closed = try TrackedItemRules.close(item, reference: "Brev 20/1", on: CalendarDate(year: 2021, month: 1, day: 10))
        #expect(item.isOpen(atEndOf: 2020) && closed.isOpen(atEndOf: 2020) && !closed.isOpen(atEndOf: 2021))
        #expect(closed.isClosed(in: 2021) && !closed.isClosed(in: 2020))
        #expect(throws: InputErrors.self) { try TrackedItemRules.write(draft, organisationCode: "UKE", existing: closed) }
        #expect(ConsultantUse.choose(ledgerYear: nil, ledgerPreviousYear: nil, entered: []).source == .entered)
        #expect(ConsultantUse.choose(ledgerYear: Money(ore: 100), ledgerPreviousYear: nil, entered: []).source == .ledger)
    }
}
