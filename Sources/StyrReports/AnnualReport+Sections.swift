import StyrDomain

extension AnnualReport {
    /// Tabell 1: staffing at the start of the year and of the next, with the change computed.
    static func staffingSection(_ figures: [StaffingFigure], year: Int, comment: [String]) -> StaffingSection {
        let start = figures.first { $0.asOf == CalendarDate(year: year, month: 1, day: 1) }
        let end = figures.first { $0.asOf == CalendarDate(year: year + 1, month: 1, day: 1) }
        guard let start, let end else {
            return StaffingSection(caption: "Tabell 1. Bemanning.", fromHeading: "", toHeading: "", rows: [], comments: [])
        }
        let rows = [
            ["Ansatte", NorwegianFormat.integer(Int64(start.headcount)), NorwegianFormat.integer(Int64(end.headcount)),
             NorwegianFormat.integer(Int64(end.headcount - start.headcount))],
            ["Årsverk", NorwegianFormat.fixedQuantity(start.fullTimeEquivalents, decimals: 2),
             NorwegianFormat.fixedQuantity(end.fullTimeEquivalents, decimals: 2),
             NorwegianFormat.fixedQuantity(end.fullTimeEquivalents - start.fullTimeEquivalents, decimals: 2)],
        ]
        let comments = [start.comment, end.comment].compactMap { $0 }.map { "Kommentar: \($0)" } + comment
        return StaffingSection(
            caption: "Tabell 1. Bemanning.", fromHeading: NorwegianFormat.date(start.asOf), toHeading: NorwegianFormat.date(end.asOf),
            rows: rows, comments: comments)
    }

    /// The result-indicator table of chapter 2.2 with computed deviations and status.
    static func indicatorSection(_ entries: [IndicatorWithValues], year: Int, chapterTitle: String) -> IndicatorSection {
        let baselineYears = Array(Set(entries.flatMap { $0.values.filter { $0.year < year && $0.result != nil }.map(\.year) }))
            .sorted().suffix(2)
        var footnotes: [String] = []
        func footnoteNumber(_ text: String) -> Int {
            if let index = footnotes.firstIndex(of: text) { return index + 1 }
            footnotes.append(text)
            return footnotes.count
        }
        var comments: [String] = []
        func commentMark(_ text: String) -> String {
            let index = comments.firstIndex(of: text) ?? { comments.append(text); return comments.count - 1 }()
            return String(repeating: "*", count: index + 1)
        }
        let rows = entries.compactMap { entry -> IndicatorRow? in
            let indicator = entry.indicator
            guard let value = entry.value(in: year) else { return nil }
            var marks = ""
            if indicator.isNew(in: year) { marks += "(\(footnoteNumber("Ny resultatindikator \(year)")))" }
            for note in indicator.notes { marks += "(\(footnoteNumber(note)))" }
            let assessment = IndicatorRules.assess(value, of: indicator)
            var result = value.result.map { format($0, indicator) } ?? "ikke målt"
            var deviation = ""
            if let computed = assessment?.deviation {
                deviation = formatDeviation(computed, indicator)
            }
            if value.result == nil, let reason = value.notMeasuredReason { result += commentMark(reason) }
            if value.result != nil, let comment = value.deviationComment { deviation += commentMark(comment) }
            let status = assessment.map { assessment in
                IndicatorRules.missingExplanations(value, of: indicator).isEmpty
                    ? assessment.status.norwegianName : "\(assessment.status.norwegianName): kommentar til avvik mangler"
            } ?? "Uten måltall"
            return IndicatorRow(
                name: indicator.name, footnoteMarks: marks,
                baselines: baselineYears.map { baselineYear in entry.value(in: baselineYear)?.result.map { format($0, indicator) } ?? "" },
                target: value.target.map { formatTarget($0, indicator) } ?? "", result: result, deviation: deviation,
                status: status, statusClass: assessment?.status.rawValue ?? "none")
        }
        return IndicatorSection(
            caption: "Måltall for tjenesteproduksjon for \(chapterTitle)", baselineYears: Array(baselineYears),
            headings: ["Resultatindikator"] + baselineYears.map { "Resultat \($0)" }
                + ["Måltall \(year)", "Resultat \(year)", "Avvik \(year)", "Status"],
            rows: rows,
            footnotes: footnotes.enumerated().map { "(\($0.offset + 1)) \($0.element)" },
            comments: comments.enumerated().map { "\(String(repeating: "*", count: $0.offset + 1)) \($0.element)" })
    }

    public static func format(_ value: Quantity, _ indicator: Indicator) -> String {
        indicator.unit == .share
            ? NorwegianFormat.percent(value, decimals: indicator.decimals)
            : NorwegianFormat.quantity(value, decimals: indicator.unit == .count ? 0 : indicator.decimals)
    }

    public static func formatTarget(_ target: IndicatorTarget, _ indicator: Indicator) -> String {
        switch target {
        case .value(let value): format(value, indicator)
        case .range(let low, let high): "\(format(low, indicator))–\(format(high, indicator))"
        }
    }

    /// Percentage points and absolute deviations bare, relative ones with "%"; cut toward zero.
    public static func formatDeviation(_ deviation: Quantity, _ indicator: Indicator) -> String {
        let shown = deviation.truncated(toDecimals: indicator.decimals)
        let text = NorwegianFormat.quantity(shown, decimals: indicator.decimals)
        return indicator.deviationRule == .relativePercent ? text + " %" : text
    }
}
