import Foundation
import StyrDomain

/// One generated agency's years (see `NationGenerator`): the rows and documents the pages read,
/// shaped as the repositories store them (documents are the domain types as `storedJSON` writes).
struct AgencyData {
    let code: String
    let id: Int64
    let departmentCode: String
    let chapter: Int
    let name: String
    let years: Range<Int>

    static let goalAreas = ["Gode tjenester til innbyggerne", "Effektiv drift", "Grønn omstilling"]
    static let indicators: [(key: String, name: String, unit: IndicatorUnit, polarity: Polarity, target: Int64)] = [
        ("brukertilfredshet", "Andel brukere som er godt fornøyd", .share, .higherIsBetter, 80_000),
        ("sykefravaer", "Sykefravær", .share, .lowerIsBetter, 6_500),
        ("saksbehandlingstid", "Gjennomsnittlig saksbehandlingstid", .days, .lowerIsBetter, 21_000),
        ("digitale-tjenester", "Andel tjenester som kan søkes digitalt", .share, .higherIsBetter, 90_000),
        ("klimagass", "Utslipp av klimagasser (tonn CO₂)", .count, .lowerIsBetter, 1_200_000),
    ]
    /// Operating artsgrupper with a budget: wages, goods and services, transfers, revenue (negative).
    static let groups: [(first: Int, last: Int, kroner: ClosedRange<Int64>)] = [
        (0, 99, 40_000_000...400_000_000), (100, 299, 10_000_000...150_000_000),
        (300, 399, 1_000_000...30_000_000), (600, 699, -80_000_000 ... -2_000_000),
    ]

    func write(into writer: BulkTableWriter, random: inout SplitMix64) async throws {
        let chapterID = try await writer.nextID("chapters")
        try await writer.append("chapters", ["id", "organisation_id", "number", "name", "kind"],
                                [.int(chapterID), .int(id), .int(chapter), .text(name), .text("both")])
        var indicatorIDs: [Int64] = []
        for (position, indicator) in Self.indicators.enumerated() {
            let indicatorID = try await writer.nextID("indicators")
            indicatorIDs.append(indicatorID)
            try await writer.append(
                "indicators",
                ["id", "organisation_id", "key", "position", "name", "unit", "polarity", "deviation_rule", "tolerance_yellow_milli",
                 "tolerance_red_milli", "decimals", "introduced_in", "goal_area"],
                [.int(indicatorID), .int(id), .text(indicator.key), .int(position), .text(indicator.name), .text(indicator.unit.rawValue),
                 .text(indicator.polarity.rawValue), .text(indicator.unit == .share ? DeviationRule.percentagePoints.rawValue : DeviationRule.relativePercent.rawValue),
                 .int(2_000), .int(5_000), .int(1), .int(years.lowerBound), .text(Self.goalAreas[position % Self.goalAreas.count])])
        }
        for year in years {
            try await goals(year, writer)
            for (index, indicator) in Self.indicators.enumerated() {
                // Results within ±15 % of the target; an unfavourable one carries its comment.
                let result = indicator.target + Int64.random(in: -(indicator.target * 15 / 100)...(indicator.target * 15 / 100), using: &random)
                let unfavourable = indicator.polarity == .higherIsBetter ? result < indicator.target : result > indicator.target
                try await writer.append(
                    "indicator_values", ["indicator_id", "year", "target_low_milli", "result_milli", "deviation_comment"],
                    [.int(indicatorIDs[index]), .int(year), .int(indicator.target), .int(result),
                     unfavourable ? .text("Avviket skyldes høyere etterspørsel enn forutsatt (eksempel).") : .null])
            }
            try await budget(year, chapterID, writer, &random)
            try await dialogue(year, writer, &random)
        }
    }

    private func goals(_ year: Int, _ writer: BulkTableWriter) async throws {
        for (position, area) in Self.goalAreas.enumerated() {
            let areaID = try await writer.nextID("goal_areas")
            try await writer.append("goal_areas", ["id", "organisation_id", "year", "position", "name", "narrative"],
                                    [.int(areaID), .int(id), .int(year), .int(position), .text(area),
                                     .text("\(name) arbeidet i \(year) med «\(area.lowercased())» (eksempel).")])
            for goal in 0..<2 {
                try await writer.append("goals", ["goal_area_id", "position", "text"],
                                        [.int(areaID), .int(goal), .text(goal == 0 ? "Tjenestene skal være tilgjengelige og forutsigbare." : "Ressursene skal brukes der de gir mest effekt.")])
            }
        }
    }

    private func budget(_ year: Int, _ chapterID: Int64, _ writer: BulkTableWriter, _ random: inout SplitMix64) async throws {
        var totals: [LedgerImportTotal] = []
        var revision: [(first: Int, last: Int, ore: Int64)] = []
        let columns = ["chapter_id", "year", "account_kind", "group_first", "group_last", "measure", "amount_ore"]
        for group in Self.groups {
            let original = Int64.random(in: group.kroner, using: &random) * 100
            let actuals = original + original / 100 * Int64.random(in: -8...8, using: &random)
            try await writer.append("budget_amounts", columns, [.int(chapterID), .int(year), .text("operating"), .int(group.first), .int(group.last),
                                                                .text(BudgetMeasure.originalBudget.rawValue), .int(original)])
            try await writer.append("budget_amounts", columns, [.int(chapterID), .int(year), .text("operating"), .int(group.first), .int(group.last),
                                                                .text(BudgetMeasure.actuals.rawValue), .int(actuals)])
            totals.append(LedgerImportTotal(chapter: chapter, kind: .operating, group: ObjectGroup(first: group.first, last: group.last).code,
                                            amount: Money(ore: actuals)))
            if group.first == 100 || group.first == 600 { revision.append((group.first, group.last, original / 100 * 3)) }
        }
        let revisionID = try await writer.nextID("budget_revisions")
        try await writer.append("budget_revisions", ["id", "chapter_id", "year", "account_kind", "reference", "decided_on", "reason"],
                                [.int(revisionID), .int(chapterID), .int(year), .text("operating"), .text("bystyresak \(chapter % 300 + 1)/\(year % 100)"),
                                 .text(CalendarDate(year: year, month: 6, day: 20).iso), .text("Justering etter revidert budsjett (eksempel).")])
        for line in revision {
            try await writer.append("budget_revision_lines", ["revision_id", "group_first", "group_last", "amount_ore"],
                                    [.int(revisionID), .int(line.first), .int(line.last), .int(line.ore)])
        }
        let importID = try await writer.nextID("ledger_imports")
        try await writer.append(
            "ledger_imports",
            ["id", "organisation_id", "year", "period", "measure", "source_name", "format", "lines", "control_sum_ore", "imported_at",
             "imported_by", "scope", "totals"],
            [.int(importID), .int(id), .int(year), .int(0), .text(LedgerMeasure.actuals.rawValue), .text("nasjon-\(code)-\(year)"),
             .text("demodata"), .int(0), .int(totals.reduce(0) { $0 + $1.amount.ore }), .text("\(year + 1)-02-15T08:00:00Z"),
             .text("system:bench"), .text(""), .text(try storedJSON(totals))])
    }

    private func dialogue(_ year: Int, _ writer: BulkTableWriter, _ random: inout SplitMix64) async throws {
        let letter = AllocationLetter(
            organisationCode: code, year: year, number: 1, title: "Tildelingsbrev \(year) til \(name)", status: .issued,
            issuedOn: CalendarDate(year: year, month: 1, day: 10), issuedByCode: departmentCode,
            introduction: "Byrådsavdelingen tildeler med dette midler for \(year) (eksempel).")
        try await writer.append("allocation_letters", ["organisation_id", "year", "number", "status", "issued_on", "document"],
                                [.int(id), .int(year), .int(1), .text(letter.status.rawValue), .optional(letter.issuedOn?.iso), .text(try storedJSON(letter))])
        var meetingIDs: [Int64] = []
        for (month, kind) in [(3, MeetingKind.governance), (10, MeetingKind.professional)] {
            let meetingID = try await writer.nextID("meetings")
            meetingIDs.append(meetingID)
            let meeting = Meeting(
                id: meetingID, organisationCode: code, chairedByCode: departmentCode, kind: kind,
                title: "\(kind.norwegianName) \(month == 3 ? "vår" : "høst") \(year)", date: CalendarDate(year: year, month: month, day: 12),
                participants: ["Etatsdirektør", "Etatsstyrer"], agenda: ["Status for måloppnåelse", "Økonomi"])
            try await writer.append("meetings", ["id", "organisation_id", "date", "kind", "document"],
                                    [.int(meetingID), .int(id), .text(meeting.date.iso), .text(kind.rawValue), .text(try storedJSON(meeting))])
        }
        for (index, month) in [4, 11].enumerated() {
            let signalID = try await writer.nextID("steering_signals")
            let signal = SteeringSignal(
                id: signalID, organisationCode: code, text: "Etaten bes prioritere \(index == 0 ? "digitale tjenester" : "kostnadskontroll") (eksempel).",
                givenBy: "Etatsstyrer", givenOn: CalendarDate(year: year, month: month, day: 3), origin: .other, place: "Telefon",
                recordedBy: "system:bench",
                // Confirmed by the next year's allocation letter; the last year's are still open.
                confirmation: isLastYear(year) ? nil : .letter(year: year + 1, number: 1),
                confirmedOn: isLastYear(year) ? nil : CalendarDate(year: year + 1, month: 1, day: 10))
            try await writer.append("steering_signals", ["id", "organisation_id", "given_on", "confirmed", "document"],
                                    [.int(signalID), .int(id), .text(signal.givenOn.iso), .int(signal.isConfirmed ? 1 : 0), .text(try storedJSON(signal))])
        }
        let noticeID = try await writer.nextID("information_notices")
        let notice = InformationNotice(
            id: noticeID, organisationCode: code, title: "Avklaring om rapportering \(year)",
            details: .clarification(question: "Skal tertialrapporten omfatte nye indikatorer (eksempel)?"),
            status: isLastYear(year) ? .submitted : .answered, createdBy: "system:bench", createdAt: Self.date(year, month: 5),
            submittedAt: Self.date(year, month: 5),
            answer: isLastYear(year) ? nil : NoticeAnswer(text: "Ja, fra neste tertial (eksempel).", by: "Etatsstyrer", at: Self.date(year, month: 6)))
        try await writer.append("information_notices", ["id", "organisation_id", "kind", "status", "document"],
                                [.int(noticeID), .int(id), .text(notice.kind.rawValue), .text(notice.status.rawValue), .text(try storedJSON(notice))])
    }

    func isLastYear(_ year: Int) -> Bool { year == years.upperBound - 1 }

    static func date(_ year: Int, month: Int) -> Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = 2
        components.hour = 9
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }
}
