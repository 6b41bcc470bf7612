import Testing
@testable import StyrDomain

/// Year-end forecasts, the explanation threshold, monthly budget profiles and the accounting
/// report with forecast, with worked numbers.
@Suite("Forecasts and the accounting report")
struct ForecastTests {
    static func kroner(_ value: Int64) -> Money { .kroner(value) }

    /// Last year: 1 000 000 kr a month January–April, 1 500 000 kr a month after: 16 mill. kr,
    /// of which January–April is 25 %.
    static let lastYear: [Money] = Array(repeating: kroner(1_000_000), count: 4) + Array(repeating: kroner(1_500_000), count: 8)

    // MARK: Methods

    @Test("run rate: 4 000 000,00 kr after four months gives 12 000 000,00 kr")
    func runRate() {
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Self.kroner(4_000_000), monthsElapsed: 4)
                == .success(Self.kroner(12_000_000)))
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Self.kroner(-1_000_000), monthsElapsed: 4)
                == .success(Self.kroner(-3_000_000)))
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Self.kroner(7), monthsElapsed: 12) == .success(Self.kroner(7)))
    }

    @Test("seasonal: last year's January–April share of 25 % gives 16 000 000 kr")
    func seasonal() {
        #expect(ForecastRules.compute(
            method: .seasonal, actualsToDate: Self.kroner(4_000_000), monthsElapsed: 4, lastYearMonthly: Self.lastYear)
                == .success(Self.kroner(16_000_000)))
        // Revenues (negative) against last year's revenues (negative): the share is still 25 %.
        #expect(ForecastRules.compute(
            method: .seasonal, actualsToDate: Self.kroner(-4_000_000), monthsElapsed: 4, lastYearMonthly: Self.lastYear.map { -$0 })
                == .success(Self.kroner(-16_000_000)))
        // After twelve months the forecast is the actuals.
        #expect(ForecastRules.compute(
            method: .seasonal, actualsToDate: Self.kroner(17_000_000), monthsElapsed: 12, lastYearMonthly: Self.lastYear)
                == .success(Self.kroner(17_000_000)))
    }

    @Test("øre are rounded half away from zero")
    func rounding() {
        // 1 øre × 12 / 8 = 1,5 øre → 2; 3 øre → 4,5 → 5; and the same away from zero for negatives.
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Money(ore: 1), monthsElapsed: 8) == .success(Money(ore: 2)))
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Money(ore: -1), monthsElapsed: 8) == .success(Money(ore: -2)))
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Money(ore: 3), monthsElapsed: 8) == .success(Money(ore: 5)))
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Money(ore: -3), monthsElapsed: 8) == .success(Money(ore: -5)))
        // 100,00 kr × 12 / 7 = 171,428571… kr → 171,43 kr.
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Self.kroner(100), monthsElapsed: 7)
                == .success(Money(ore: 17_143)))
        // Seasonal: 1 øre ÷ (2/3) = 1,5 øre → 2.
        let lastYear = [Money(ore: 2)] + Array(repeating: Money.zero, count: 10) + [Money(ore: 1)]
        #expect(ForecastRules.compute(method: .seasonal, actualsToDate: Money(ore: 1), monthsElapsed: 1, lastYearMonthly: lastYear)
                == .success(Money(ore: 2)))
        #expect(ForecastRules.compute(method: .seasonal, actualsToDate: Money(ore: -1), monthsElapsed: 1, lastYearMonthly: lastYear)
                == .success(Money(ore: -2)))
        #expect(ExactDivision.rounded(7, 2) == 4)
        #expect(ExactDivision.rounded(-7, 2) == -4)
        #expect(ExactDivision.rounded(7, -2) == -4)
        #expect(ExactDivision.rounded(5, 3) == 2)
        #expect(ExactDivision.rounded(4, 3) == 1)
        #expect(ExactDivision.rounded(-4, 3) == -1)
    }

    @Test("large amounts do not overflow the intermediate products")
    func largeAmounts() {
        // 5 mrd. kr to date against last year's 8 mrd. kr of 32 mrd. kr: 20 mrd. kr.
        let lastYear = Array(repeating: Self.kroner(2_000_000_000), count: 4) + Array(repeating: Self.kroner(3_000_000_000), count: 8)
        #expect(ForecastRules.compute(
            method: .seasonal, actualsToDate: Self.kroner(5_000_000_000), monthsElapsed: 4, lastYearMonthly: lastYear)
                == .success(Self.kroner(20_000_000_000)))
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: Money(ore: Int64.max / 2), monthsElapsed: 1) == .failure(.overflow))
    }

    @Test("seasonal without a usable share of last year fails, and forecast(…) falls back to the run rate with the reason")
    func seasonalFallback() {
        let actuals = Self.kroner(4_000_000)
        #expect(ForecastRules.compute(method: .seasonal, actualsToDate: actuals, monthsElapsed: 4) == .failure(.lastYearMissing))
        #expect(ForecastRules.compute(
            method: .seasonal, actualsToDate: actuals, monthsElapsed: 4, lastYearMonthly: Array(Self.lastYear.prefix(11)))
                == .failure(.lastYearMissing))
        let zeroStart = Array(repeating: Money.zero, count: 4) + Array(repeating: Self.kroner(1_000_000), count: 8)
        #expect(ForecastRules.compute(method: .seasonal, actualsToDate: actuals, monthsElapsed: 4, lastYearMonthly: zeroStart)
                == .failure(.lastYearShareZero(monthsElapsed: 4)))
        let oppositeSign = Array(repeating: Self.kroner(-1_000_000), count: 4) + Array(repeating: Self.kroner(1_000_000), count: 8)
        #expect(ForecastRules.compute(method: .seasonal, actualsToDate: actuals, monthsElapsed: 4, lastYearMonthly: oppositeSign)
                == .failure(.lastYearShareNotPositive(monthsElapsed: 4)))
        let wholeZero = Array(repeating: Self.kroner(1_000_000), count: 4) + Array(repeating: Self.kroner(-500_000), count: 8)
        #expect(ForecastRules.compute(method: .seasonal, actualsToDate: actuals, monthsElapsed: 4, lastYearMonthly: wholeZero)
                == .failure(.lastYearShareNotPositive(monthsElapsed: 4)))
        #expect(ForecastError.lastYearShareZero(monthsElapsed: 4).description
                == "Fjorårets regnskap for januar–april er null, så sesongandelen kan ikke beregnes.")

        let outcome = try? ForecastRules.forecast(method: .seasonal, actualsToDate: actuals, monthsElapsed: 4, lastYearMonthly: zeroStart).get()
        #expect(outcome?.value == Self.kroner(12_000_000))
        #expect(outcome?.requested == .seasonal)
        #expect(outcome?.used == .runRate)
        #expect(outcome?.fallbackReason
                == "Fjorårets regnskap for januar–april er null, så sesongandelen kan ikke beregnes. Lineær framskriving er brukt i stedet.")
        #expect(outcome?.methodName == "Lineær framskriving (i stedet for sesongjustert framskriving)")
        // A usable share: no fallback.
        let seasonal = try? ForecastRules.forecast(
            method: .seasonal, actualsToDate: actuals, monthsElapsed: 4, lastYearMonthly: Self.lastYear).get()
        #expect(seasonal?.used == .seasonal)
        #expect(seasonal?.fallbackReason == nil)
    }

    @Test("a manual forecast needs a comment; months outside 1–12 are refused")
    func manualAndMonths() {
        let refused = ForecastMethod.manual(value: Self.kroner(5_000_000), comment: "  \n ")
        #expect(ForecastRules.compute(method: refused, actualsToDate: .zero, monthsElapsed: 4) == .failure(.manualCommentMissing))
        #expect(ForecastRules.forecast(method: refused, actualsToDate: .zero, monthsElapsed: 4) == .failure(.manualCommentMissing))
        #expect(ForecastRules.validate(refused) == .manualCommentMissing)
        #expect(ForecastError.manualCommentMissing.description == "En manuell prognose må ha en kommentar som begrunner beløpet.")
        let accepted = ForecastMethod.manual(value: Self.kroner(5_000_000), comment: "Kontrakt signert i mai")
        #expect(ForecastRules.compute(method: accepted, actualsToDate: .zero, monthsElapsed: 4) == .success(Self.kroner(5_000_000)))
        #expect(ForecastRules.validate(accepted) == nil)
        #expect(accepted.norwegianName == "Manuell")
        #expect(ForecastRules.compute(method: .runRate, actualsToDate: .zero, monthsElapsed: 0) == .failure(.invalidMonthsElapsed(0)))
        #expect(ForecastRules.compute(method: .seasonal, actualsToDate: .zero, monthsElapsed: 13, lastYearMonthly: Self.lastYear)
                == .failure(.invalidMonthsElapsed(13)))
    }

    // MARK: Threshold

    @Test("the standard threshold: beyond 500 000 kr and beyond 5 %, on both sides of each limit")
    func threshold() {
        func needs(_ forecast: Money, _ revised: Money, _ threshold: ForecastThreshold = .standard) -> Bool {
            ForecastRules.needsExplanation(forecast: forecast, revisedBudget: revised, threshold: threshold)
        }
        // 20 mill. kr: 5 % is 1 000 000 kr, so the percentage limit binds.
        let large = Self.kroner(20_000_000)
        #expect(!needs(Self.kroner(21_000_000), large))
        #expect(needs(Self.kroner(21_000_000) + Money(ore: 1), large))
        #expect(!needs(Self.kroner(19_000_000), large))
        #expect(needs(Self.kroner(19_000_000) - Money(ore: 1), large))
        // 5 mill. kr: 5 % is 250 000 kr, so the amount limit binds.
        let small = Self.kroner(5_000_000)
        #expect(!needs(Self.kroner(5_500_000), small))
        #expect(needs(Self.kroner(5_500_000) + Money(ore: 1), small))
        #expect(!needs(Self.kroner(4_500_000), small))
        #expect(needs(Self.kroner(4_500_000) - Money(ore: 1), small))
        // 400 000 kr on 5 mill. kr is 8 %: beyond the percentage only, so no explanation by default …
        #expect(!needs(Self.kroner(5_400_000), small))
        // … but with the either-rule, yes; and 600 000 kr on 20 mill. kr (3 %) likewise.
        let either = ForecastThreshold(amount: Self.kroner(500_000), percentBasisPoints: 500, rule: .amountOrPercent)
        #expect(needs(Self.kroner(5_400_000), small, either))
        #expect(!needs(Self.kroner(20_600_000), large))
        #expect(needs(Self.kroner(20_600_000), large, either))
        #expect(!needs(Self.kroner(5_200_000), small, either))
        // A revised budget of zero: any deviation is beyond the percentage, so the amount decides.
        #expect(!needs(Self.kroner(500_000), .zero))
        #expect(needs(Self.kroner(500_000) + Money(ore: 1), .zero))
        #expect(!needs(.zero, .zero))
        // Revenues: the same in the KOSTRA sign.
        #expect(needs(Self.kroner(-21_000_001), Self.kroner(-20_000_000)))
        #expect(!needs(Self.kroner(-21_000_000), Self.kroner(-20_000_000)))
        // Configuration in percent.
        #expect(ForecastThreshold(amount: Self.kroner(500_000), percent: Quantity(5)) == .standard)
        #expect(ForecastThreshold.standard.percent == Quantity(5))
        #expect(ForecastThreshold.standard.norwegianDescription == "avvik over 500 000 kr og over 5 % av regulert budsjett")
    }

    @Test("missing explanations: beyond the threshold and no text")
    func missingExplanations() {
        let revised = Self.kroner(10_000_000)
        func line(_ post: String, _ forecast: Int64, _ explanation: String?) -> ForecastLine {
            ForecastLine(chapter: 125, kind: .operating, postCode: post, method: .runRate, value: Self.kroner(forecast), explanation: explanation)
        }
        let lines = [
            line("000-099", 11_000_000, nil), line("100-299", 11_000_000, "   "), line("300-399", 11_000_000, "Ny avtale"),
            line("400-499", 10_400_000, nil),
        ]
        let budgets = Dictionary(uniqueKeysWithValues: lines.map { ($0.key, revised) })
        #expect(ForecastRules.missingExplanations(lines, revisedBudgets: budgets).map(\.postCode) == ["000-099", "100-299"])
        // A post without a revised budget counts as budget zero.
        #expect(ForecastRules.missingExplanations([line("500-599", 600_000, nil)], revisedBudgets: [:]).count == 1)
    }

    // MARK: Profile

    @Test("the even profile: a twelfth a month, rounded so that the months add up to the year exactly")
    func evenProfile() {
        let profile = BudgetProfile.even
        #expect(profile.budgetToDate(annual: Self.kroner(12_000_000), throughMonth: 4) == Self.kroner(4_000_000))
        #expect(profile.budgetToDate(annual: Money(ore: 1_000_001), throughMonth: 4) == Money(ore: 333_334))
        #expect(profile.budgetToDate(annual: Money(ore: -1_000_001), throughMonth: 4) == Money(ore: -333_334))
        #expect(profile.budgetToDate(annual: Money(ore: 1_000_001), throughMonth: 0) == .zero)
        for annual in [Money(ore: 1_000_001), Money(ore: 7), Money(ore: -7), Money(ore: 123_456_789_011), Self.kroner(-364_237_565)] {
            #expect(profile.budgetToDate(annual: annual, throughMonth: 12) == annual)
            #expect(profile.monthly(annual: annual).sum() == annual)
            #expect(profile.monthly(annual: annual).count == 12)
        }
        #expect(profile.share(ofMonth: 1) == Quantity(milli: 8_333))
        #expect(profile.shareToDate(throughMonth: 8) == Quantity(milli: 66_667))
    }

    @Test("a profile in basis points must have twelve non-negative shares summing to 10 000")
    func basisPointProfile() throws {
        let summer = try BudgetProfile(basisPoints: [1_000, 1_000, 1_000, 1_000, 1_000, 500, 200, 500, 1_000, 1_000, 900, 900])
        #expect(summer.budgetToDate(annual: Self.kroner(10_000_000), throughMonth: 4) == Self.kroner(4_000_000))
        #expect(summer.budgetToDate(annual: Self.kroner(10_000_000), throughMonth: 7) == Self.kroner(5_700_000))
        #expect(summer.monthly(annual: Money(ore: 999_999)).sum() == Money(ore: 999_999))
        #expect(summer.share(ofMonth: 7) == Quantity(2))
        #expect(throws: BudgetProfileError.basisPointsSum(9_999)) {
            _ = try BudgetProfile(basisPoints: [1_000, 1_000, 1_000, 1_000, 1_000, 500, 200, 500, 1_000, 1_000, 900, 899])
        }
        #expect(throws: BudgetProfileError.notTwelveMonths(11)) {
            _ = try BudgetProfile(basisPoints: Array(repeating: 909, count: 11))
        }
        #expect(throws: BudgetProfileError.negativeShare(month: 2)) {
            _ = try BudgetProfile(weights: [2, -1] + Array(repeating: 1, count: 10))
        }
        #expect(throws: BudgetProfileError.zeroTotal) {
            _ = try BudgetProfile(weights: Array(repeating: 0, count: 12))
        }
    }

    // MARK: Posts

    @Test("the standard grouping puts each art in its artsgruppe; custom groupings are checked")
    func postGrouping() throws {
        let standard = PostGrouping.standard
        #expect(standard.posts.count == 9)
        #expect(standard.post(ofArt: 10)?.code == "000-099")
        #expect(standard.post(ofArt: 290)?.label == "100-299 Kjøp av varer og tjenester som inngår i komm. tjenesteproduksjon")
        #expect(standard.post(ofArt: 790)?.code == "700-799")
        #expect(standard.post(ofArt: 790)?.isExpense == false)
        #expect(standard.post(ofArt: 599)?.isExpense == true)
        #expect(standard.post(covering: ObjectGroup(code: "600-699")!)?.code == "600-699")

        let custom = try PostGrouping(posts: [
            BudgetPost(code: "1", name: "Lønn", arts: [0...99]),
            BudgetPost(code: "2", name: "Drift", arts: [100...299, 300...599]),
            BudgetPost(code: "9", name: "Inntekter", arts: [600...999]),
        ])
        #expect(custom.post(ofArt: 450)?.code == "2")
        #expect(custom.post(covering: ObjectGroup(code: "300-399")!)?.code == "2")
        #expect(custom.expensePosts.map(\.code) == ["1", "2"])
        #expect(custom.revenuePosts.map(\.code) == ["9"])

        let fine = try PostGrouping(posts: [BudgetPost(code: "1a", name: "Fast lønn", arts: [10...19])])
        #expect(fine.post(covering: ObjectGroup(code: "000-099")!) == nil)
        #expect(fine.post(ofArt: 20) == nil)

        #expect(throws: PostGroupingError.overlap("1", "2", art: 50)) {
            _ = try PostGrouping(posts: [BudgetPost(code: "1", name: "", arts: [0...99]), BudgetPost(code: "2", name: "", arts: [50...60])])
        }
        #expect(throws: PostGroupingError.mixesExpensesAndRevenues("X")) {
            _ = try PostGrouping(posts: [BudgetPost(code: "X", name: "", arts: [500...699])])
        }
        #expect(throws: PostGroupingError.duplicateCode("1")) {
            _ = try PostGrouping(posts: [BudgetPost(code: "1", name: "", arts: [0...9]), BudgetPost(code: "1", name: "", arts: [10...19])])
        }
        #expect(throws: PostGroupingError.artOutOfRange("1")) {
            _ = try PostGrouping(posts: [BudgetPost(code: "1", name: "", arts: [990...1000])])
        }
        #expect(PostGroupingError.overlap("1", "2", art: 50).description == "Art 050 ligger både i post «1» og i post «2».")

        let groupings = ChapterPostGroupings(byChapter: [130: custom])
        #expect(groupings.post(chapter: 130, art: 150)?.code == "2")
        #expect(groupings.post(chapter: 125, art: 150)?.code == "100-299")
    }

    // MARK: Report

    static let chapter = 125
    static func key(_ post: String, _ kind: AccountKind = .operating) -> PostKey {
        PostKey(chapter: chapter, kind: kind, postCode: post)
    }

    /// Kap. 125 after the first tertial: salaries on run rate, purchases seasonal, sales manual.
    static var input: AccountingReportInput {
        AccountingReportInput(
            year: 2020, period: .tertial(1), chapterNames: [125: "Utviklings- og kompetanseetaten"],
            originalBudget: [key("000-099"): kroner(12_000_000), key("100-299"): kroner(6_000_000), key("600-699"): kroner(-3_000_000)],
            revisions: [PostRevision(key: key("100-299"), reference: "byrådssak 90/20", amount: kroner(600_000))],
            actuals: [
                // May is booked already, but the report is per April: it is left out.
                key("000-099"): Array(repeating: kroner(1_100_000), count: 4) + [kroner(9_999_999)],
                key("100-299"): Array(repeating: kroner(500_000), count: 4),
                key("600-699"): Array(repeating: kroner(-250_000), count: 4),
            ],
            lastYearActuals: [key("100-299"): lastYear],
            methods: [
                key("100-299"): .seasonal,
                key("600-699"): .manual(value: kroner(-3_100_000), comment: "Avtalt salg til Bymiljøetaten"),
            ],
            explanations: [key("000-099"): "Flere ansatte enn budsjettert; tiltak: ansettelsesstopp."])
    }

    @Test("report rows: revised budget, budget to date, actuals to date, forecast and avvik, with sums and net")
    func report() throws {
        let report = try AccountingReport.build(Self.input)
        #expect(report.title == "Regnskapsrapport med prognose – 1. tertial 2020")
        #expect(report.subtitle == "Regnskap per 30.04.2020 og prognose for 2020")
        #expect(report.monthsElapsed == 4)
        #expect(report.sections.count == 1)
        let section = try #require(report.sections.first)
        #expect(section.caption == "Kap. 125 Utviklings- og kompetanseetaten – drift")
        #expect(section.rows.map(\.label) == [
            "000-099 Lønn og sosiale utgifter", "100-299 Kjøp av varer og tjenester som inngår i komm. tjenesteproduksjon",
            "Sum driftsutgifter", "600-699 Salgsinntekter", "Sum driftsinntekter", "Kapitlets nettoresultat",
        ])

        let salaries = section.expenseRows[0]
        #expect(salaries.revisedBudget == Self.kroner(12_000_000))
        #expect(salaries.budgetToDate == Self.kroner(4_000_000))
        #expect(salaries.actualsToDate == Self.kroner(4_400_000))
        #expect(salaries.forecast == Self.kroner(13_200_000))
        #expect(salaries.deviation == Self.kroner(-1_200_000))
        #expect(salaries.methodName == "Lineær framskriving")
        #expect(salaries.needsExplanation)
        #expect(!salaries.isExplanationMissing)

        let purchases = section.expenseRows[1]
        #expect(purchases.originalBudget == Self.kroner(6_000_000))
        #expect(purchases.revisedBudget == Self.kroner(6_600_000))
        #expect(purchases.budgetToDate == Self.kroner(2_200_000))
        #expect(purchases.forecast == Self.kroner(8_000_000))
        #expect(purchases.deviation == Self.kroner(-1_400_000))
        #expect(purchases.methodName == "Sesongjustert framskriving")
        #expect(purchases.isExplanationMissing)

        let sales = section.revenueRows[0]
        #expect(sales.revisedBudget == Self.kroner(-3_000_000))
        #expect(sales.budgetToDate == Self.kroner(-1_000_000))
        #expect(sales.forecast == Self.kroner(-3_100_000))
        // More revenue than budgeted: a positive (favourable) avvik.
        #expect(sales.deviation == Self.kroner(100_000))
        #expect(!sales.needsExplanation)
        #expect(sales.methodNote == "Avtalt salg til Bymiljøetaten")

        #expect(section.expenseSum.revisedBudget == Self.kroner(18_600_000))
        #expect(section.expenseSum.budgetToDate == Self.kroner(6_200_000))
        #expect(section.expenseSum.actualsToDate == Self.kroner(6_400_000))
        #expect(section.expenseSum.forecast == Self.kroner(21_200_000))
        #expect(section.expenseSum.deviation == Self.kroner(-2_600_000))
        #expect(section.revenueSum.forecast == Self.kroner(-3_100_000))
        #expect(section.revenueSum.deviation == Self.kroner(100_000))
        #expect(section.net.revisedBudget == Self.kroner(15_600_000))
        #expect(section.net.budgetToDate == Self.kroner(5_200_000))
        #expect(section.net.actualsToDate == Self.kroner(5_400_000))
        #expect(section.net.forecast == Self.kroner(18_100_000))
        #expect(section.net.deviation == Self.kroner(-2_500_000))
        #expect(section.net.deviation == section.expenseSum.deviation + section.revenueSum.deviation)
        #expect(!section.net.needsExplanation)

        #expect(report.missingExplanations == [Self.key("100-299")])
        #expect(!report.canBeSubmitted)
        #expect(report.forecastLines.map(\.value) == [Self.kroner(13_200_000), Self.kroner(8_000_000), Self.kroner(-3_100_000)])
        #expect(report.warnings.isEmpty)

        var explained = Self.input
        explained.explanations[Self.key("100-299")] = "Lisenser forskuttert for hele året."
        #expect(try AccountingReport.build(explained).canBeSubmitted)
    }

    @Test("sections per chapter and kind; unknown posts are named; a failed method falls back to the run rate")
    func reportSectionsAndFallbacks() throws {
        var input = Self.input
        input.originalBudget[PostKey(chapter: 120, kind: .operating, postCode: "000-099")] = Self.kroner(1_000)
        input.originalBudget[Self.key("000-599", .investment)] = Self.kroner(2_000)
        input.originalBudget[Self.key("100-299", .investment)] = Self.kroner(3_000)
        input.methods[Self.key("000-099")] = .manual(value: Self.kroner(1), comment: "")
        let report = try AccountingReport.build(input)
        #expect(report.sections.map { "\($0.chapter) \($0.kind.rawValue)" } == ["120 operating", "125 operating", "125 investment"])
        #expect(report.warnings == [
            "Kap. 125 investering: posten «000-599» finnes ikke i kapitlets postinndeling, og beløpene er utelatt."
        ])
        let investment = report.sections[2]
        #expect(investment.net.label == "Netto finansieringsbehov")
        #expect(investment.expenseSum.revisedBudget == Self.kroner(3_000))
        let salaries = report.sections[1].expenseRows[0]
        #expect(salaries.forecast == Self.kroner(13_200_000))
        #expect(salaries.outcome?.used == .runRate)
        #expect(salaries.methodName == "Lineær framskriving (i stedet for manuell)")
        #expect(salaries.methodNote
                == "En manuell prognose må ha en kommentar som begrunner beløpet. Lineær framskriving er brukt i stedet.")

        var invalid = Self.input
        invalid.period = .tertial(4)
        #expect(throws: ForecastError.invalidPeriod("4. tertial 2020")) { _ = try AccountingReport.build(invalid) }
    }

    @Test("periods: months elapsed and end dates")
    func periods() {
        #expect(AccountingPeriod.tertial(1).monthsElapsed == 4)
        #expect(AccountingPeriod.tertial(2).monthsElapsed == 8)
        #expect(AccountingPeriod.tertial(3).monthsElapsed == 12)
        #expect(AccountingPeriod.month(7).monthsElapsed == 7)
        #expect(!AccountingPeriod.month(0).isValid)
        #expect(!AccountingPeriod.month(13).isValid)
        #expect(AccountingPeriod.tertial(2).endDate(year: 2020) == CalendarDate(year: 2020, month: 8, day: 31))
        #expect(AccountingPeriod.month(2).endDate(year: 2020) == CalendarDate(year: 2020, month: 2, day: 29))
        #expect(AccountingPeriod.month(2).endDate(year: 2021) == CalendarDate(year: 2021, month: 2, day: 28))
        #expect(AccountingPeriod.month(4).title(year: 2020) == "april 2020")
    }

    @Test("Dok. 3 and revisions kept per artsgruppe are put on the posts that cover them")
    func mappingFromGroups() throws {
        let amounts = [
            BudgetAmount(chapter: 125, year: 2020, kind: .operating, group: ObjectGroup(code: "000-099")!, measure: .originalBudget,
                         amount: Self.kroner(221_748_000)),
            BudgetAmount(chapter: 125, year: 2020, kind: .operating, group: ObjectGroup(code: "600-699")!, measure: .originalBudget,
                         amount: Self.kroner(-413_124_000)),
            BudgetAmount(chapter: 125, year: 2020, kind: .operating, group: ObjectGroup(code: "600-699")!, measure: .actuals,
                         amount: Self.kroner(-541_434_566)),
            BudgetAmount(chapter: 125, year: 2019, kind: .operating, group: ObjectGroup(code: "000-099")!, measure: .originalBudget,
                         amount: Self.kroner(1)),
        ]
        let budget = try AccountingReportInput.postAmounts(amounts, year: 2020, measure: .originalBudget)
        #expect(budget == [Self.key("000-099"): Self.kroner(221_748_000), Self.key("600-699"): Self.kroner(-413_124_000)])

        let revisions = [
            BudgetRevision(chapter: 125, year: 2020, kind: .operating, reference: "byrådssak 208/20", decidedOn: nil, reason: "",
                           lines: [RevisionLine(group: ObjectGroup(code: "600-699")!, amount: Self.kroner(32_737_000))]),
        ]
        #expect(try PostRevision.from(revisions, year: 2020)
                == [PostRevision(key: Self.key("600-699"), reference: "byrådssak 208/20", amount: Self.kroner(32_737_000))])

        let fine = try PostGrouping(posts: [BudgetPost(code: "1a", name: "Fast lønn", arts: [10...19])])
        #expect(throws: PostMappingError.groupNotInOnePost(chapter: 125, group: ObjectGroup(code: "000-099")!)) {
            _ = try AccountingReportInput.postAmounts(
                amounts, year: 2020, measure: .originalBudget, groupings: ChapterPostGroupings(fallback: fine))
        }
    }

    // MARK: CSV

    @Test("CSV: semicolons, a header, whole kroner as plain integers, UTF-8 BOM")
    func csv() throws {
        let csv = AccountingReportCSV.csv(try AccountingReport.build(Self.input))
        let expected = "\u{FEFF}" + [
            "Kapittel;Kapittelnavn;Kontoklasse;Post;Tekst;Regulert budsjett;Budsjett hittil;Regnskap hittil;Prognose;Prognosemetode;Merknad til prognosen;Avvik (regulert budsjett - prognose);Forklaring kreves;Forklaring",
            "125;Utviklings- og kompetanseetaten;Drift;000-099;Lønn og sosiale utgifter;12000000;4000000;4400000;13200000;Lineær framskriving;;-1200000;ja;\"Flere ansatte enn budsjettert; tiltak: ansettelsesstopp.\"",
            "125;Utviklings- og kompetanseetaten;Drift;100-299;Kjøp av varer og tjenester som inngår i komm. tjenesteproduksjon;6600000;2200000;2000000;8000000;Sesongjustert framskriving;;-1400000;ja;",
            "125;Utviklings- og kompetanseetaten;Drift;;Sum driftsutgifter;18600000;6200000;6400000;21200000;;;-2600000;;",
            "125;Utviklings- og kompetanseetaten;Drift;600-699;Salgsinntekter;-3000000;-1000000;-1000000;-3100000;Manuell;Avtalt salg til Bymiljøetaten;100000;nei;",
            "125;Utviklings- og kompetanseetaten;Drift;;Sum driftsinntekter;-3000000;-1000000;-1000000;-3100000;;;100000;;",
            "125;Utviklings- og kompetanseetaten;Drift;;Kapitlets nettoresultat;15600000;5200000;5400000;18100000;;;-2500000;;",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(csv == expected)
    }

    @Test("CSV: øre rounded half away from zero, formulas defused")
    func csvRounding() throws {
        let input = AccountingReportInput(
            year: 2020, period: .month(7),
            methods: [Self.key("100-299"): .manual(value: Money(ore: 123_456_750), comment: "=SUM(A1:A9)")])
        let lines = AccountingReportCSV.csv(try AccountingReport.build(input)).split(separator: "\r\n").map(String.init)
        #expect(lines[1]
                == "125;;Drift;100-299;Kjøp av varer og tjenester som inngår i komm. tjenesteproduksjon;0;0;0;1234568;Manuell;'=SUM(A1:A9);-1234568;ja;")
        #expect(lines.count == 5)
    }
}

@Suite("The explanation threshold as typed")
struct ForecastThresholdInputTests {
    @Test("amounts in kroner, percentages with up to two decimals and the rule are read; each bad field is named")
    func read() {
        let read = ForecastThreshold.read(amount: "250 000", percent: "2,5 %", rule: "eller")
        #expect(read.threshold == ForecastThreshold(amount: .kroner(250_000), percentBasisPoints: 250, rule: .amountOrPercent))
        #expect(read.problems.isEmpty)
        #expect(ForecastThreshold.read(amount: "0", percent: "0", rule: "og").threshold == ForecastThreshold(amount: .zero, percentBasisPoints: 0))
        #expect(ForecastThreshold.read(amount: "1 000 000 000 000", percent: "100", rule: "OG").threshold?.percentBasisPoints == 10_000)
        #expect(ForecastThreshold.read(amount: "1", percent: "0.25", rule: "og").threshold?.percentBasisPoints == 25)

        let bad = ForecastThreshold.read(amount: "-5", percent: "100,01", rule: "kanskje")
        #expect(bad.threshold == nil)
        #expect(bad.problems.map(\.field) == [.amount, .percent, .rule])
        #expect(ForecastThreshold.read(amount: "500 000 kr", percent: "005", rule: "og").threshold == .standard)
        for percent in ["", "5,555", "abc", "1000", "5,", ",5", "-1", "1e2", "+5", "١٠"] {
            #expect(ForecastThreshold.read(amount: "1", percent: percent, rule: "og").problems.map(\.field) == [.percent], "\(percent)")
        }
        for amount in ["", "1 000 000 000 000,01", "fem"] {
            #expect(ForecastThreshold.read(amount: amount, percent: "5", rule: "og").problems.map(\.field) == [.amount], "\(amount)")
        }
    }

    @Test("the form shows a threshold as it reads it back")
    func roundTrip() {
        for threshold in [ForecastThreshold.standard, ForecastThreshold(amount: Money(ore: 1_234_550), percentBasisPoints: 1, rule: .amountOrPercent)] {
            let shown = threshold.formValues
            #expect(ForecastThreshold.read(amount: shown.amount, percent: shown.percent, rule: shown.rule).threshold == threshold)
        }
        #expect(ForecastThreshold.standard.formValues.amount == "500 000")
        #expect(ForecastThreshold.standard.formValues.percent == "5")
    }
}
