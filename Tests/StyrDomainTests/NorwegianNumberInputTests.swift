import StyrDomain
import Testing

/// Numbers typed the Norwegian way (issue 12, item 7): a full stop before three digits is a
/// thousands separator in Norwegian and a decimal point elsewhere, so it is refused, never read as
/// a decimal point; and the accounting report's period codes are read strictly.
@Suite("Norwegian number input")
struct NorwegianNumberInputTests {
    @Test("a full stop before exactly three digits is refused as ambiguous", arguments: ["562.864", "1.000", "-12.500", "562.864 %"])
    func ambiguous(text: String) {
        #expect(Quantity(parsing: text) == nil, "\(text)")
    }

    @Test("other quantities keep their meaning", arguments: [
        ("562 864", Int64(562_864_000)), ("562,864", 562_864), ("81.7", 81_700), ("81.75", 81_750), ("0.125", 125), ("0,125", 125),
    ])
    func unambiguous(text: String, milli: Int64) {
        #expect(Quantity(parsing: text) == Quantity(milli: milli), "\(text)")
    }

    @Test("amounts in kroner and shares in the economy forms refuse 562.864 too")
    func amounts() {
        #expect(LetterText.kroner("562.864") == nil)
        #expect(LetterText.kroner("562 864") == .kroner(562_864))
        #expect(ForecastThreshold.read(amount: "562.864", percent: "5", rule: "og").problems.map(\.field) == [.amount])
        guard case .failure(let errors) = BudgetSetupText.profiles("alle: 562.864;1;1;1;1;1;1;1;1;1;1;1", postsByChapter: [:]) else {
            Issue.record("a weight of 562.864 must not be read")
            return
        }
        #expect(errors.entries.first?.message.contains("«562.864» er ikke en vekt") == true)
    }

    @Test("the accounting report's period codes are read strictly", arguments: ["-1", "t9", "t0", "m13", "m0", "x1", "t", "", "T2", " t2", "t02", "t+1", "m-1"])
    func badPeriods(code: String) {
        #expect(AccountingPeriod(code: code) == nil, "\(code)")
    }

    @Test("every listed period reads back from its code")
    func periods() {
        for period in AccountingPeriod.all { #expect(AccountingPeriod(code: period.code) == period) }
        #expect(AccountingPeriod(code: "t2") == .tertial(2))
        #expect(AccountingPeriod(code: "m12") == .month(12))
        #expect(AccountingPeriod.all.count == 15)
    }
}
