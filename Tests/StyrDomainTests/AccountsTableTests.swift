import Testing
@testable import StyrDomain

/// The seed's chapter 3 figures, computed from the groups and revisions alone.
@Suite("Operating and investment tables")
struct AccountsTableTests {
    static let chapter = 125

    static func amounts(_ kind: AccountKind, _ year: Int, _ measure: BudgetMeasure, _ values: [(String, Int64)]) -> [BudgetAmount] {
        values.map { BudgetAmount(chapter: chapter, year: year, kind: kind, group: ObjectGroup(code: $0.0)!, measure: measure, amount: .kroner($0.1)) }
    }

    static let operatingAmounts =
        amounts(.operating, 2020, .actuals, [("000-099", 350_110_013), ("100-299", 643_136_895), ("400-499", 149_479_100),
                                             ("500-599", 15_687_255), ("600-699", -541_434_566), ("700-799", -181_385_180),
                                             ("900-999", -15_530_658)])
        + amounts(.operating, 2020, .originalBudget, [("000-099", 221_748_000), ("100-299", 605_791_000), ("300-399", 3_716_000),
                                                      ("400-499", 14_295_000), ("600-699", -413_124_000), ("700-799", -38_600_000)])

    static func revision(_ reference: String, _ lines: [(String, Int64)]) -> BudgetRevision {
        BudgetRevision(chapter: chapter, year: 2020, kind: .operating, reference: reference, decidedOn: nil, reason: "",
                       lines: lines.map { RevisionLine(group: ObjectGroup(code: $0.0)!, amount: .kroner($0.1)) })
    }

    static let revisions = [
        revision("byrådssak 90/20", [("000-099", -3_820_000), ("100-299", -15_725_835), ("600-699", 14_011_435), ("700-799", 4_754_400)]),
        revision("byrådssak 168/20", [("600-699", 2_138_000)]),
        revision("byrådssak 208/20", [("600-699", 32_737_000)]),
    ]

    @Test("sums, net result and avvik of the operating table")
    func operating() {
        let table = AccountsTable.build(chapter: Self.chapter, year: 2020, kind: .operating, amounts: Self.operatingAmounts, revisions: Self.revisions)
        #expect(table.expenseSum.actuals == .kroner(1_158_413_263))
        #expect(table.expenseSum.originalBudget == .kroner(845_550_000))
        #expect(table.expenseSum.revisedBudget == .kroner(826_004_165))
        #expect(table.revenueSum.actuals == .kroner(-738_350_404))
        #expect(table.net.actuals == .kroner(420_062_859))
        #expect(table.net.originalBudget == .kroner(393_826_000))
        #expect(table.net.revisedBudget == .kroner(427_921_000))
        #expect(table.hasBudget)
        #expect(table.net.budgetDeviation == .kroner(7_858_141))
        #expect(table.row(for: ObjectGroup(code: "000-099")!)?.budgetDeviation == .kroner(-132_182_013))
        #expect(table.row(for: ObjectGroup(code: "300-399")!)?.budgetDeviation == .kroner(3_716_000))
        #expect(table.rows.count == 12)
        #expect(table.label(of: table.net) == "Kapitlets nettoresultat")
    }

    @Test("revised budget = Dok. 3 + Σ revisions, and the summary splits the increase")
    func revisionIdentity() {
        let summary = RevisionRules.summary(originalNet: .kroner(393_826_000), revisions: Self.revisions)
        #expect(summary.totalChange == .kroner(34_095_000))
        #expect(summary.revisedNet == .kroner(427_921_000))
        #expect(summary.contributions.map(\.amount) == [.kroner(-780_000), .kroner(2_138_000), .kroner(32_737_000)])
        #expect(RevisionRules.revisedBudget(original: .kroner(-413_124_000), revisions: Self.revisions, group: ObjectGroup(code: "600-699")!)
                == .kroner(-364_237_565))
    }

    @Test("the investment table prints financing positive and nets it off the financing need")
    func investment() {
        let amounts = Self.amounts(.investment, 2020, .actuals, [("000-099", 3_148_181), ("300-399", 6_689_052), ("400-499", 1_619_027),
                                                                  ("600-699", -14_600), ("700-799", -1_619_027)])
        let revision = BudgetRevision(
            chapter: Self.chapter, year: 2020, kind: .investment, reference: "90/20", decidedOn: nil, reason: "",
            lines: [RevisionLine(group: ObjectGroup(code: "300-399")!, amount: .kroner(19_861_000)),
                    RevisionLine(group: ObjectGroup(code: "400-499")!, amount: .kroner(2_280_000)),
                    RevisionLine(group: ObjectGroup(code: "700-799")!, amount: .kroner(-6_428_000))])
        let table = AccountsTable.build(chapter: Self.chapter, year: 2020, kind: .investment, amounts: amounts, revisions: [revision])
        #expect(table.expenseSum.actuals == .kroner(11_456_260))
        #expect(table.revenueSum.actuals == .kroner(1_633_627))
        #expect(table.revenueSum.revisedBudget == .kroner(6_428_000))
        #expect(table.net.actuals == .kroner(9_822_633))
        #expect(table.net.revisedBudget == .kroner(15_713_000))
        #expect(table.hasBudget, "no Dok. 3, but a revision: a budget")
        #expect(table.revenueSum.budgetDeviation == .kroner(4_794_373))
        #expect(table.row(for: ObjectGroup(code: "000-099")!)?.budgetDeviation == .kroner(-3_148_181))
        #expect(table.label(of: table.net) == "Netto finansieringsbehov")
    }

    @Test("rows of other chapters, kinds and years are left out")
    func filtering() {
        let other = [BudgetAmount(chapter: 200, year: 2020, kind: .operating, group: ObjectGroup(code: "000-099")!, measure: .actuals, amount: .kroner(5)),
                     BudgetAmount(chapter: Self.chapter, year: 2021, kind: .operating, group: ObjectGroup(code: "000-099")!, measure: .actuals, amount: .kroner(7))]
        let table = AccountsTable.build(chapter: Self.chapter, year: 2020, kind: .operating, amounts: other, revisions: [])
        #expect(table.net.actuals == .zero)
    }

    @Test("a year without a budget has no budget columns and no avvik, not an overspend of the whole accounts")
    func withoutBudget() {
        // The seed's 2019: accounts, but neither Dok. 3 nor revisions.
        let amounts = Self.amounts(.operating, 2019, .actuals, [("000-099", 317_261_065), ("600-699", -480_752_607)]) + Self.operatingAmounts
        let table = AccountsTable.build(chapter: Self.chapter, year: 2019, kind: .operating, amounts: amounts, revisions: Self.revisions)
        #expect(!table.hasBudget)
        #expect(table.net.actuals == .kroner(-163_491_542))
        #expect(table.rows.allSatisfy { $0.budgetDeviation == nil && !$0.hasBudget })
        #expect(table.net.columns == [.kroner(-163_491_542), nil, nil, .zero, nil])
        #expect(table.rounded(toUnitOre: 100_000)[table.rows.count - 1] == [-163_492, nil, nil, 0, nil])
        // The investment table of a year with an operating budget has one (of nothing, unless revised).
        let investment = AccountsTable.build(
            chapter: Self.chapter, year: 2020, kind: .investment,
            amounts: Self.operatingAmounts + Self.amounts(.investment, 2020, .actuals, [("300-399", 6_689_052)]), revisions: [])
        #expect(investment.hasBudget && investment.net.budgetDeviation == .kroner(-6_689_052))
        // A revision alone is a budget; so is a Dok. 3 of another chapter not.
        #expect(AccountsTable.hasBudget(chapter: Self.chapter, year: 2020, amounts: [], revisions: Self.revisions))
        #expect(!AccountsTable.hasBudget(chapter: 200, year: 2020, amounts: Self.operatingAmounts, revisions: Self.revisions))
        #expect(!AccountsTable.hasBudget(chapter: Self.chapter, year: 2021, amounts: Self.operatingAmounts, revisions: Self.revisions))
    }

    @Test("investment projects: avvik per project and computed sums")
    func projects() {
        func project(_ number: String, _ revised: Int64, _ actuals: Int64) -> InvestmentProject {
            InvestmentProject(chapter: 125, year: 2020, number: number, name: number, groups: ObjectGroup(first: 0, last: 599),
                              councilCompletion: nil, expectedCompletion: nil, originalBudget: .zero, revisedBudget: .kroner(revised), actuals: .kroner(actuals))
        }
        let table = InvestmentProjectTable(projects: [project("112007", 7_759_000, 640_000), project("108006", 10_522_000, 0),
                                                      project("118082", 2_253_000, 1_724_098), project("120037", 17_125_000, 9_092_162)])
        #expect(table.projects.map(\.number) == ["108006", "112007", "118082", "120037"])
        #expect(table.revisedBudget == .kroner(37_659_000))
        #expect(table.actuals == .kroner(11_456_260))
        #expect(table.projects[1].deviation == .kroner(7_119_000))
        #expect(table.deviation == .kroner(26_202_740))
    }
}

@Suite("Totals-preserving rounding")
struct RoundingTests {
    @Test("parts add up to the rounded total, by largest remainder")
    func largestRemainder() {
        // 1,4 + 1,4 + 1,2 = 4,0: plain rounding shows 1 + 1 + 1 = 3.
        let parts = TotalsPreservingRounding.round([1_400, 1_400, 1_200], unit: 1_000)
        #expect(parts == [2, 1, 1])
        #expect(parts.reduce(0, +) == 4)
    }

    @Test("negative parts and a given total")
    func negatives() {
        let parts = TotalsPreservingRounding.round([-1_600, -1_600, 500], unit: 1_000, total: -3)
        #expect(parts.reduce(0, +) == -3)
        #expect(parts.allSatisfy { $0 >= -2 && $0 <= 1 })
    }

    @Test("in every column of the seed's operating table, groups add to sums and sums to net")
    func operatingTable() {
        let table = AccountsTable.build(chapter: 125, year: 2020, kind: .operating, amounts: AccountsTableTests.operatingAmounts,
                                        revisions: AccountsTableTests.revisions)
        let shown = table.rounded(toUnitOre: 100_000).map { $0.map { $0 ?? 0 } }
        #expect(table.rounded(toUnitOre: 100_000).allSatisfy { !$0.contains(nil) })
        let expenseRows = 0..<5, revenueRows = 6..<10
        for column in 0..<5 {
            #expect(expenseRows.map { shown[$0][column] }.reduce(0, +) == shown[5][column])
            #expect(revenueRows.map { shown[$0][column] }.reduce(0, +) == shown[10][column])
            #expect(shown[5][column] + shown[10][column] == shown[11][column])
        }
        #expect(shown[11][0] == 420_063)  // 420 062 859 kr
        #expect(shown[11][4] == 7_858)
    }

    @Test("half away from zero")
    func halfAway() {
        #expect(TotalsPreservingRounding.roundHalfAwayFromZero(1_500, unit: 1_000) == 2)
        #expect(TotalsPreservingRounding.roundHalfAwayFromZero(-1_500, unit: 1_000) == -2)
        #expect(TotalsPreservingRounding.roundHalfAwayFromZero(1_499, unit: 1_000) == 1)
    }
}
