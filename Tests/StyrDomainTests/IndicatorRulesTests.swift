import Testing
@testable import StyrDomain

@Suite("Indicator deviation and status")
struct IndicatorRulesTests {
    func q(_ text: String) -> Quantity { Quantity(parsing: text)! }

    @Test("percentage points: 81,7 % against 85 % is −3,3")
    func percentagePoints() {
        #expect(IndicatorRules.deviation(result: q("81,7"), target: q("85"), rule: .percentagePoints) == q("-3,3"))
    }

    @Test("relative percent: 562 864 against 552 000 is 1,968 %, shown 1,9 %")
    func relativePercent() throws {
        let deviation = try #require(IndicatorRules.deviation(result: Quantity(562_864), target: Quantity(552_000), rule: .relativePercent))
        #expect(deviation == Quantity(milli: 1_968))
        #expect(deviation.truncated(toDecimals: 1) == q("1,9"))
        #expect(deviation.rounded(toDecimals: 1) == q("2"))
    }

    @Test("relative deviation from a zero target is undefined")
    func relativeZeroTarget() {
        #expect(IndicatorRules.deviation(result: Quantity(5), target: .zero, rule: .relativePercent) == nil)
    }

    @Test("absolute: 11 against 7 is 4")
    func absolute() {
        #expect(IndicatorRules.deviation(result: Quantity(11), target: Quantity(7), rule: .absolute) == Quantity(4))
    }

    @Test("polarity decides whether a deviation is favourable", arguments: [
        (Polarity.higherIsBetter, "4", true), (.higherIsBetter, "-0,1", false), (.lowerIsBetter, "4", false),
        (.lowerIsBetter, "-2", true), (.targetRange, "0", true), (.targetRange, "1", false), (.higherIsBetter, "0", true),
    ])
    func favourable(polarity: Polarity, deviation: String, expected: Bool) {
        #expect(IndicatorRules.isFavourable(q(deviation), polarity: polarity) == expected)
    }

    @Test("status from tolerance: green up to yellow, yellow up to red, red beyond", arguments: [
        ("-0,1", IndicatorStatus.green), ("-2", .green), ("-3,3", .yellow), ("-5", .yellow), ("-5,001", .red), ("-19", .red),
        ("10", .green),
    ])
    func status(deviation: String, expected: IndicatorStatus) {
        let tolerance = Tolerance(yellow: Quantity(2), red: Quantity(5))
        #expect(IndicatorRules.status(deviation: q(deviation), polarity: .higherIsBetter, tolerance: tolerance) == expected)
    }

    @Test("lower is better: more agencies with their own IT than the target is red beyond tolerance")
    func lowerIsBetterStatus() throws {
        let indicator = Indicator(
            key: "it", name: "Antall virksomheter med egne IKT-driftsmiljøer", unit: .count, polarity: .lowerIsBetter,
            deviationRule: .absolute, tolerance: Tolerance(yellow: .zero, red: Quantity(2)))
        let value = IndicatorValue(year: 2020, target: .value(Quantity(7)), result: Quantity(11))
        let assessment = try #require(IndicatorRules.assess(value, of: indicator))
        #expect(assessment.deviation == Quantity(4))
        #expect(assessment.status == .red)
        #expect(assessment.needsExplanation)
        #expect(IndicatorRules.missingExplanations(value, of: indicator).count == 1)
        var explained = value
        explained.deviationComment = "Flere virksomheter venter på migrering."
        #expect(IndicatorRules.missingExplanations(explained, of: indicator).isEmpty)
    }

    @Test("a missing result is not measured and needs a reason")
    func notMeasured() throws {
        let indicator = Indicator(key: "k", name: "Kundetilfredshet", unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints)
        let value = IndicatorValue(year: 2020, target: .value(Quantity(90)))
        let assessment = try #require(IndicatorRules.assess(value, of: indicator))
        #expect(assessment.status == .notMeasured)
        #expect(IndicatorRules.missingExplanations(value, of: indicator) == ["Resultat mangler: oppgi hvorfor indikatoren ikke er målt."])
        var explained = value
        explained.notMeasuredReason = "Ingen undersøkelse i 2020."
        #expect(IndicatorRules.missingExplanations(explained, of: indicator).isEmpty)
    }

    @Test("target range: inside is green, outside measures from the nearest bound")
    func targetRange() throws {
        let indicator = Indicator(
            key: "dager", name: "Saksbehandlingstid", unit: .days, polarity: .targetRange, deviationRule: .absolute,
            tolerance: Tolerance(yellow: Quantity(1), red: Quantity(3)))
        let inside = try #require(IndicatorRules.assess(
            IndicatorValue(year: 2020, target: .range(low: Quantity(10), high: Quantity(20)), result: Quantity(15)), of: indicator))
        #expect(inside.deviation == .zero && inside.status == .green)
        let above = try #require(IndicatorRules.assess(
            IndicatorValue(year: 2020, target: .range(low: Quantity(10), high: Quantity(20)), result: Quantity(22)), of: indicator))
        #expect(above.deviation == Quantity(2) && above.status == .yellow)
        let below = try #require(IndicatorRules.assess(
            IndicatorValue(year: 2020, target: .range(low: Quantity(10), high: Quantity(20)), result: Quantity(5)), of: indicator))
        #expect(below.deviation == Quantity(-5) && below.status == .red)
    }

    @Test("no target, no assessment")
    func noTarget() {
        let indicator = Indicator(key: "k", name: "n", unit: .count, polarity: .higherIsBetter, deviationRule: .absolute)
        #expect(IndicatorRules.assess(IndicatorValue(year: 2019, result: Quantity(3)), of: indicator) == nil)
    }
}

@Suite("Values")
struct ValueTests {
    @Test("quantities parse Norwegian and plain decimals", arguments: [
        ("81,7", Int64(81_700)), ("81.7", 81_700), ("-3,3", -3_300), ("552 000", 552_000_000), ("0,125", 125), ("−19", -19_000),
        ("85 %", 85_000),
    ])
    func parse(text: String, milli: Int64) {
        #expect(Quantity(parsing: text) == Quantity(milli: milli))
    }

    @Test("bad quantities are refused", arguments: ["", "abc", "1,2345", "1,2,3", "--1", "1x"])
    func refuse(text: String) {
        #expect(Quantity(parsing: text) == nil)
    }

    @Test("money rounds øre to kroner half away from zero")
    func money() {
        #expect(Money(ore: 149).roundedKroner == 1)
        #expect(Money(ore: 150).roundedKroner == 2)
        #expect(Money(ore: -150).roundedKroner == -2)
        #expect([Money.kroner(2), Money.kroner(-5)].sum() == Money.kroner(-3))
    }

    @Test("calendar dates parse ISO and Norwegian forms and reject impossible dates")
    func dates() {
        #expect(CalendarDate("2024-03-22") == CalendarDate(year: 2024, month: 3, day: 22))
        #expect(CalendarDate("22.03.2024") == CalendarDate(year: 2024, month: 3, day: 22))
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2024-13-01") == nil)
        #expect(CalendarDate(year: 2020, month: 1, day: 1).iso == "2020-01-01")
    }

    @Test("artsgruppe codes parse and classify expense and revenue")
    func objectGroups() throws {
        let salaries = try #require(ObjectGroup(code: "000-099"))
        #expect(salaries.isExpense && salaries.code == "000-099")
        #expect(ObjectGroup(code: "600–699")?.isExpense == false)
        #expect(ObjectGroup(code: "699-600") == nil)
        #expect(ObjectGroup.standardGroup(ofArt: 290)?.code == "100-299")
    }

    @Test("organisation kinds allow only their parents")
    func hierarchy() {
        #expect(OrganisationKind.agency.allowedParents.contains(.department))
        #expect(!OrganisationKind.department.allowedParents.contains(.agency))
        #expect(OrganisationKind.municipality.allowedParents.isEmpty)
    }
}

@Suite("Indicator drafts")
struct IndicatorDraftTests {
    static func draft(yellow: String = "2", red: String = "5", target: String = "95", high: String = "", polarity: Polarity = .higherIsBetter,
                      decimals: String = "1", name: String = "Andel saker besvart") -> IndicatorDraft {
        IndicatorDraft(name: name, unit: .share, polarity: polarity, deviationRule: .percentagePoints, decimals: decimals,
                       toleranceYellow: yellow, toleranceRed: red, target: target, targetHigh: high, goalArea: "", notes: [" ", "Ny"])
    }

    @Test("a valid draft becomes an indicator and its target")
    func valid() throws {
        let (indicator, target) = try Self.draft().validated(key: "k", introducedIn: 2021)
        #expect(indicator.tolerance == Tolerance(yellow: Quantity(2), red: Quantity(5)))
        #expect(indicator.notes == ["Ny"] && indicator.introducedIn == 2021)
        #expect(target == .value(Quantity(95)))
        let (_, range) = try Self.draft(target: "10", high: "20", polarity: .targetRange).validated(key: "k", introducedIn: nil)
        #expect(range == .range(low: Quantity(10), high: Quantity(20)))
    }

    @Test("each bad field is named", arguments: [
        (draft(yellow: "6"), IndicatorDraft.Field.toleranceRed), (draft(target: "120"), .target), (draft(target: "x"), .target),
        (draft(decimals: "4"), .decimals), (draft(name: " "), .name), (draft(polarity: .targetRange), .targetHigh),
        (draft(target: "20", high: "10", polarity: .targetRange), .targetHigh), (draft(red: "-1"), .toleranceRed),
    ])
    func invalid(draft: IndicatorDraft, field: IndicatorDraft.Field) {
        do {
            _ = try draft.validated(key: "k", introducedIn: nil)
            Issue.record("expected a failure")
        } catch {
            #expect(error[field.rawValue] != nil, "\(error.summary)")
        }
    }

    @Test("errors come in the order of the fields, named by the domain")
    func order() {
        do {
            _ = try Self.draft(yellow: "x", target: "120", decimals: "9", name: "").validated(key: "k", introducedIn: nil)
            Issue.record("expected a failure")
        } catch {
            #expect(error.entries.map(\.field) == ["name", "target", "decimals", "toleranceYellow"])
        }
    }

    static func entry(_ key: String, _ name: String, introducedIn: Int? = 2016) -> IndicatorWithValues {
        IndicatorWithValues(
            indicator: Indicator(key: key, name: name, unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints,
                                 introducedIn: introducedIn),
            values: [IndicatorValue(year: 2020, target: .value(Quantity(90)))])
    }

    @Test("a definition keeps the year the indicator came, and no two indicators share a name")
    func defined() throws {
        let entries = [Self.entry("andel-saker-besvart", "Andel saker besvart"), Self.entry("annen", "Annen indikator")]
        let (kept, _) = try Self.draft().defined(as: "andel-saker-besvart", year: 2021, among: entries, isNew: false)
        #expect(kept.introducedIn == 2016)
        let (unknown, _) = try Self.draft(name: "Gammel").defined(
            as: "gammel", year: 2021, among: entries + [Self.entry("gammel", "Gammel", introducedIn: nil)], isNew: false)
        #expect(unknown.introducedIn == nil, "an indicator from before Styr does not become new with a new target")
        let (new, _) = try Self.draft(name: "Ny indikator").defined(as: "ny-indikator", year: 2021, among: entries, isNew: true)
        #expect(new.introducedIn == 2021 && new.key == "ny-indikator")
        let taken = InputErrors.single("name", IndicatorDraft.nameTakenMessage)
        #expect(throws: taken) { try Self.draft().defined(as: "andel-saker-besvart", year: 2021, among: entries, isNew: true) }
        #expect(throws: taken) { try Self.draft(name: "Annen indikator").defined(as: "tredje", year: 2021, among: entries, isNew: false) }
        #expect(throws: taken) {
            try Self.draft(name: "Annen indikator").defined(as: "andel-saker-besvart", year: 2021, among: entries, isNew: false)
        }
    }

    @Test("keys the department may choose")
    func chosenKeys() {
        #expect(IndicatorDraft.isValidKey("andel-saker-besvart"))
        #expect(!IndicatorDraft.isValidKey("Store-Bokstaver") && !IndicatorDraft.isValidKey("") && !IndicatorDraft.isValidKey("ny")
                && !IndicatorDraft.isValidKey("a--b"))
    }

    @Test("keys from names")
    func keys() {
        #expect(IndicatorDraft.key(for: "Andel leverandørfakturaer i EHF-format") == "andel-leverandorfakturaer-i-ehf-format")
        #expect(IndicatorDraft.key(for: "Æ Ø Å") == "ae-o-a")
    }
}

@Suite("Indicator result drafts")
struct IndicatorResultDraftTests {
    static let indicator = Indicator(
        key: "ehf", name: "Andel EHF", unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints,
        tolerance: Tolerance(yellow: Quantity(2), red: Quantity(5)), decimals: 1)
    static let value = IndicatorValue(year: 2020, target: .value(Quantity(93)))

    @Test("a favourable result is applied; an unfavourable one needs a comment; a missing one a reason")
    func rules() throws {
        let good = try IndicatorResultDraft(result: "93,5", notMeasuredReason: nil, deviationComment: nil)
            .applied(to: Self.value, of: Self.indicator)
        #expect(good.result == Quantity(parsing: "93,5"))
        do {
            _ = try IndicatorResultDraft(result: "80,5", notMeasuredReason: nil, deviationComment: " ").applied(to: Self.value, of: Self.indicator)
            Issue.record("expected a failure")
        } catch {
            #expect(error.entries.map(\.field) == ["deviationComment"])
            #expect(error["deviationComment"]?.hasPrefix("Avviket (-12,5) er ugunstig") == true)
        }
        do {
            _ = try IndicatorResultDraft(result: "", notMeasuredReason: nil, deviationComment: nil).applied(to: Self.value, of: Self.indicator)
            Issue.record("expected a failure")
        } catch {
            #expect(error.entries.map(\.field) == ["notMeasuredReason"])
        }
        let explained = try IndicatorResultDraft(result: "80,5", notMeasuredReason: nil, deviationComment: "Ny portal.")
            .applied(to: Self.value, of: Self.indicator)
        #expect(explained.deviationComment == "Ny portal.")
    }

    @Test("bad values are named", arguments: [("x", IndicatorResultDraft.Field.result), ("101", .result), ("-1", .result)])
    func invalid(text: String, field: IndicatorResultDraft.Field) {
        do {
            _ = try IndicatorResultDraft(result: text, notMeasuredReason: nil, deviationComment: "c").applied(to: Self.value, of: Self.indicator)
            Issue.record("expected a failure")
        } catch {
            #expect(error[field.rawValue] != nil)
        }
    }
}

@Suite("Input limits")
struct InputLimitTests {
    @Test("numbers with more than twelve digits before the decimal sign are refused, not overflowed")
    func bigNumbers() {
        #expect(Quantity(parsing: "999999999999") != nil)
        #expect(Quantity(parsing: "9999999999999") == nil)
        #expect(Quantity(parsing: "9999999999999999") == nil)
    }

    @Test("a relative deviation too large to hold is undefined rather than a crash")
    func hugeRelativeDeviation() {
        let deviation = IndicatorRules.deviation(
            result: Quantity(parsing: "999999999999")!, target: Quantity(parsing: "0,001")!, rule: .relativePercent)
        #expect(deviation == nil)
    }

    @Test("keys that would collide with addresses or be empty")
    func keys() {
        #expect(IndicatorDraft.key(for: "Ny") == "ny-indikator")
        #expect(throws: InputErrors.single("name", "Navnet må inneholde bokstaver eller tall (a–z, 0–9) som indikatoren kan få en adresse av.")) {
            try IndicatorResultDraftTests.indicatorDraft(name: "—").validated(key: IndicatorDraft.key(for: "—"), introducedIn: nil)
        }
    }
}

extension IndicatorResultDraftTests {
    static func indicatorDraft(name: String) -> IndicatorDraft {
        IndicatorDraft(name: name, unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, decimals: "1",
                       toleranceYellow: "2", toleranceRed: "5", target: "90", targetHigh: "", goalArea: "", notes: [])
    }
}
