import Foundation
import Testing
@testable import StyrDomain

/// The rules of the budget data: amounts typed in kroner, chapters, Dok. 3 from a budget file,
/// revisions that overflow, and project times.
@Suite("Budget data rules")
struct BudgetDataRulesTests {
    static let chapter = Chapter(number: 901, name: "Ny", organisationCode: "NYE", kind: .operating)
    static let salaries = ObjectGroup(first: 0, last: 99)

    @Test("amounts in kroner, Norwegian style; an ambiguous full stop and three decimals are refused")
    func kroner() {
        #expect(AmountEntry.kroner("1 234 567") == .kroner(1_234_567))
        #expect(AmountEntry.kroner("-12 500,50") == Money(ore: -1_250_050))
        #expect(AmountEntry.kroner("") == .zero)
        #expect(AmountEntry.kroner("562.864") == nil)
        #expect(AmountEntry.kroner("1,125") == nil)
        #expect(AmountEntry.kroner("abc") == nil)
    }

    @Test("a chapter's kind changes only away from kinds it holds no amounts of; a clash names the number")
    func chapters() throws {
        #expect(throws: InputErrors.self) { try ChapterRules.edit(Self.chapter, name: "Ny", kind: .investment, heldKinds: [.operating]) }
        #expect(try ChapterRules.edit(Self.chapter, name: "Ny", kind: .both, heldKinds: [.operating]).kind == .both)
        #expect(try ChapterRules.edit(Self.chapter, name: "Ny", kind: .investment, heldKinds: []).kind == .investment)
        do {
            _ = try ChapterRules.create(ChapterDraft(number: 125, name: "X", kind: .both), organisationCode: "NYE",
                                        clash: Chapter(number: 125, name: "UKE", organisationCode: "UKE"))
            Issue.record("refused")
        } catch let errors as InputErrors {
            #expect(errors.entries.map(\.field) == ["number"])
        }
        // A chapter of both kinds is written without `kind`, and read back as both.
        let data = try JSONEncoder().encode(Chapter(number: 1, name: "A", organisationCode: "X"))
        #expect(!String(decoding: data, as: UTF8.self).contains("kind"))
        #expect(try JSONDecoder().decode(Chapter.self, from: data).kind == .both)
    }

    @Test("Dok. 3 from budget file totals: lines without a chapter go to the only chapter of their kind")
    func fromImport() throws {
        let totals = [LedgerImportTotal(chapter: 0, kind: .operating, group: "000-099", amount: .kroner(10)),
                      LedgerImportTotal(chapter: 901, kind: .operating, group: "000-099", amount: .kroner(5))]
        let amounts = try OriginalBudgetRules.fromImport(totals, year: 2021, chapters: [Self.chapter])
        #expect(amounts.map(\.amount) == [.kroner(15)])
        do {
            _ = try OriginalBudgetRules.fromImport([LedgerImportTotal(chapter: 0, kind: .investment, group: "000-099", amount: .kroner(1))],
                                                   year: 2021, chapters: [Self.chapter])
            Issue.record("refused")
        } catch let errors as InputErrors {
            #expect(errors.entries.map(\.field) == ["budgetFile"])
        }
    }

    @Test("a revision line that overflows Int64 or leaves ±10^15 øre is refused naming the line")
    func overflow() throws {
        let original = [BudgetAmount(chapter: 901, year: 2020, kind: .operating, group: Self.salaries, measure: .originalBudget,
                                     amount: Money(ore: 900_000_000_000_000))]
        for amount in [Money(ore: .max), Money(ore: 100_000_000_000_001)] {
            let draft = RevisionDraft(chapter: 901, kind: .operating, reference: "bs 1/20", decidedOn: CalendarDate("2020-03-01"), reason: "x",
                                      lines: [RevisionLineDraft(group: Self.salaries, amount: .exact(amount))])
            do {
                _ = try RevisionRules.validate(draft, year: 2020, chapters: [Self.chapter], original: original, others: [])
                Issue.record("refused")
            } catch let errors as InputErrors {
                #expect(errors.entries.map(\.field) == ["lines[0].amount"])
            }
        }
    }

    @Test("project times: a completion before the decision is refused")
    func projectTimes() throws {
        #expect(CompletionTime.bounds("4. kv 2021")?.latest == CalendarDate("2021-12-31"))
        #expect(CompletionTime.bounds("Avsluttes 2020")?.earliest == CalendarDate("2020-01-01"))
        #expect(CompletionTime.bounds("Løpende") == nil)
        let chapter = Chapter(number: 901, name: "Ny", organisationCode: "NYE", kind: .investment)
        var draft = InvestmentProjectDraft(chapter: 901, number: "P1", name: "Prosjekt", groups: ObjectGroup(first: 0, last: 599), decided: "15.03.2020",
                                           expectedCompletion: "2019", originalBudget: .typed("1"), revisedBudget: .typed("1"))
        #expect(throws: InputErrors.self) { try InvestmentProjectRules.validate(draft, year: 2020, chapters: [chapter], existingNumbers: []) }
        draft.expectedCompletion = "1. kv 2020"
        #expect(try InvestmentProjectRules.validate(draft, year: 2020, chapters: [chapter], existingNumbers: []).decided == "15.03.2020")
    }
}
