/// The plain-text form of a letter's lists, one item per line with fields separated by `|`,
/// as the letter forms edit them. Parsing names the list, the line and the field that is wrong;
/// errors are keyed by the list's domain field (`List.rawValue`: `assignments`, `reportingRequirements`, …).
public enum LetterText {
    /// A list of the letter; its raw value is the domain field its errors are keyed by.
    public enum List: String, CaseIterable, Sendable {
        case frames, expectations, assignments, meetingPlan, reporting = "reportingRequirements", withdrawnExpectations, withdrawnAssignments

        public var norwegianName: String {
            switch self {
            case .frames: "Budsjettrammer"
            case .expectations: "Forventninger"
            case .assignments: "Særskilte oppdrag"
            case .meetingPlan: "Møteplan"
            case .reporting: "Rapporteringskrav"
            case .withdrawnExpectations: "Forventninger som trekkes tilbake"
            case .withdrawnAssignments: "Oppdrag som trekkes tilbake"
            }
        }

        /// The line format, shown beside the field.
        public var format: String {
            switch self {
            case .frames: "kapittel | sum utgifter | sum inntekter (i kroner, inntekter med minus), f.eks. 125 | 845 550 000 | -451 724 000"
            case .expectations: "nøkkel | tekst, f.eks. gevinster | UKE skal stille krav til gevinstrealisering."
            case .assignments: "nøkkel | tittel | frist | rapporteres | beskrivelse, f.eks. mitt-oslo | Mitt Oslo | 01.10.2020 | I 2. tertialrapport | …"
            case .meetingPlan: "dato | etatsstyringsmøte, fagmøte eller systemeiermøte | tittel"
            case .reporting: "rapport | periode | frist, f.eks. 2. tertialrapport | per 31.08.2020 | 25.09.2020"
            case .withdrawnExpectations, .withdrawnAssignments: "én nøkkel per linje"
            }
        }
    }

    // MARK: Formatting

    public static func text(_ content: LetterContent, _ list: List) -> String {
        switch list {
        case .frames: content.frames.map { "\($0.chapter) | \(NorwegianFormat.exactKroner($0.expenses)) | \(NorwegianFormat.exactKroner($0.revenues))" }.joined(separator: "\n")
        case .expectations: content.expectations.map { "\($0.key) | \($0.text)" }.joined(separator: "\n")
        case .assignments: content.assignments.map { "\($0.key) | \($0.title) | \(NorwegianFormat.date($0.deadline)) | \($0.reporting) | \($0.description)" }.joined(separator: "\n")
        case .meetingPlan: content.meetingPlan.map { "\(NorwegianFormat.date($0.date)) | \($0.kind.norwegianName.lowercased()) | \($0.title)" }.joined(separator: "\n")
        case .reporting: content.reportingRequirements.map { "\($0.report) | \($0.period) | \(NorwegianFormat.date($0.due))" }.joined(separator: "\n")
        case .withdrawnExpectations, .withdrawnAssignments: ""
        }
    }

    // MARK: Parsing

    /// Parses the lists given (absent lists parse as empty). Errors are keyed by list.
    public static func content(_ texts: [List: String]) -> Result<LetterContent, InputErrors> {
        var errors = InputErrors()
        var content = LetterContent()
        func lines(_ list: List) -> [(number: Int, fields: [String])] {
            (texts[list] ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { index, line in
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { return nil }
                return (index + 1, trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
            }
        }
        func fail(_ list: List, _ line: Int, _ message: String) {
            errors.add(list.rawValue, "\(list.norwegianName), linje \(line): \(message)")
        }
        func date(_ text: String, _ list: List, _ line: Int, _ field: String) -> CalendarDate? {
            guard let date = CalendarDate(text) else {
                fail(list, line, "\(field) «\(text)» er ikke en gyldig dato (DD.MM.ÅÅÅÅ).")
                return nil
            }
            return date
        }
        for (number, fields) in lines(.frames) {
            guard fields.count == 3 else { fail(.frames, number, "ventet 3 felt skilt med |, fant \(fields.count)."); continue }
            guard let chapter = Int(fields[0]), chapter > 0 else { fail(.frames, number, "kapittel «\(fields[0])» er ikke et kapittelnummer."); continue }
            guard let expenses = kroner(fields[1]) else { fail(.frames, number, "sum utgifter «\(fields[1])» er ikke et beløp i kroner."); continue }
            guard let revenues = kroner(fields[2]) else { fail(.frames, number, "sum inntekter «\(fields[2])» er ikke et beløp i kroner."); continue }
            content.frames.append(BudgetFrame(chapter: chapter, expenses: expenses, revenues: revenues))
        }
        for (number, fields) in lines(.expectations) {
            guard fields.count >= 2, !fields[0].isEmpty else { fail(.expectations, number, "ventet nøkkel | tekst."); continue }
            content.expectations.append(Expectation(key: fields[0], text: fields.dropFirst().joined(separator: " | ")))
        }
        for (number, fields) in lines(.assignments) {
            guard fields.count >= 4 else { fail(.assignments, number, "ventet nøkkel | tittel | frist | rapporteres | beskrivelse."); continue }
            guard !fields[0].isEmpty, !fields[1].isEmpty else { fail(.assignments, number, "nøkkel og tittel må fylles ut."); continue }
            guard let deadline = date(fields[2], .assignments, number, "fristen") else { continue }
            content.assignments.append(Assignment(
                key: fields[0], title: fields[1], description: fields.dropFirst(4).joined(separator: " | "), deadline: deadline, reporting: fields[3]))
        }
        for (number, fields) in lines(.meetingPlan) {
            guard fields.count == 3 else { fail(.meetingPlan, number, "ventet dato | type | tittel."); continue }
            guard let day = date(fields[0], .meetingPlan, number, "datoen") else { continue }
            guard let kind = MeetingKind.allCases.first(where: { $0.norwegianName.lowercased() == fields[1].lowercased() || $0.rawValue == fields[1] }) else {
                fail(.meetingPlan, number, "møtetypen «\(fields[1])» er ukjent; bruk etatsstyringsmøte, fagmøte eller systemeiermøte.")
                continue
            }
            content.meetingPlan.append(PlannedMeeting(date: day, kind: kind, title: fields[2]))
        }
        for (number, fields) in lines(.reporting) {
            guard fields.count == 3 else { fail(.reporting, number, "ventet rapport | periode | frist."); continue }
            guard let due = date(fields[2], .reporting, number, "fristen") else { continue }
            content.reportingRequirements.append(ReportingRequirement(report: fields[0], period: fields[1], due: due))
        }
        return errors.isEmpty ? .success(content) : .failure(errors)
    }

    /// The changes of a supplement: the lists hold new or changed items; the withdrawal lists keys.
    public static func amendments(_ texts: [List: String], withdrawable current: LetterContent) -> Result<[LetterAmendment], InputErrors> {
        var errors = InputErrors()
        var amendments: [LetterAmendment] = []
        switch content(texts) {
        case .failure(let found): errors = found
        case .success(let changes):
            amendments += changes.frames.map { .setFrame($0) } + changes.expectations.map { .setExpectation($0) }
                + changes.assignments.map { .setAssignment($0) } + changes.meetingPlan.map { .addMeeting($0) }
                + changes.reportingRequirements.map { .addReportingRequirement($0) }
        }
        for (list, keys) in [(List.withdrawnExpectations, current.expectations.map(\.key)), (.withdrawnAssignments, current.assignments.map(\.key))] {
            for (index, line) in (texts[list] ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let key = line.trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty else { continue }
                guard keys.contains(key) else {
                    errors.add(list.rawValue, "\(list.norwegianName), linje \(index + 1): «\(key)» finnes ikke i brevet som gjelder.")
                    continue
                }
                amendments.append(list == .withdrawnExpectations ? .withdrawExpectation(key: key) : .withdrawAssignment(key: key))
            }
        }
        return errors.isEmpty ? .success(amendments) : .failure(errors)
    }

    /// Kroner as typed: spaces as thousands separators, comma or point before at most two decimals.
    public static func kroner(_ text: String) -> Money? {
        var cleaned = text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        if cleaned.hasPrefix("−") { cleaned = "-" + cleaned.dropFirst() }
        let negative = cleaned.hasPrefix("-")
        if negative { cleaned.removeFirst() }
        let parts = cleaned.replacingOccurrences(of: ",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 15, parts[0].allSatisfy(\.isASCII),
              let whole = Int64(parts[0]) else { return nil }
        var ore = whole * 100
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let fraction = Int64(parts[1]) else { return nil }
            ore += parts[1].count == 1 ? fraction * 10 : fraction
        }
        return Money(ore: negative ? -ore : ore)
    }
}
