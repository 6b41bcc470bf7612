import Foundation

/// A control as typed: `title`, `requirementKind`, `requirementReference`, `frequency`, `responsible`.
public struct ControlDraft: Hashable, Sendable {
    public var title: String
    public var requirementKind: ControlRequirementKind?
    public var requirementReference: String
    public var frequency: ControlFrequency?
    public var responsible: String

    public init(title: String, requirementKind: ControlRequirementKind?, requirementReference: String, frequency: ControlFrequency?, responsible: String) {
        self.title = title
        self.requirementKind = requirementKind
        self.requirementReference = requirementReference
        self.frequency = frequency
        self.responsible = responsible
    }

    public init(_ activity: ControlActivity) {
        self.init(title: activity.title, requirementKind: activity.requirement.kind, requirementReference: activity.requirement.reference,
                  frequency: activity.frequency, responsible: activity.responsible)
    }
}

/// An execution as typed: `date`, `result`, `note`, and for a deviation `deviationDescription`
/// and `deviationMeasure`.
public struct ExecutionDraft: Hashable, Sendable {
    public var date: CalendarDate?
    public var result: ControlResult?
    public var note: String
    public var deviationDescription: String
    public var deviationMeasure: String

    public init(date: CalendarDate?, result: ControlResult?, note: String = "", deviationDescription: String = "", deviationMeasure: String = "") {
        self.date = date
        self.result = result
        self.note = note
        self.deviationDescription = deviationDescription
        self.deviationMeasure = deviationMeasure
    }
}

/// The rules of internal control. Errors are keyed by the drafts' fields.
public enum InternalControlRules {
    static let maxText = 4000

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// A control of the year's plan (`existing` when it is changed: its executions stay). An Annex A
    /// reference must be one of `isoControls`; a risk reference the number of one of `riskIDs`.
    public static func control(
        _ draft: ControlDraft, organisationCode: String, year: Int, existing: ControlActivity?, isoControls: [ISOControl], riskIDs: Set<Int64>
    ) throws -> ControlActivity {
        var errors = InputErrors()
        let title = trimmed(draft.title), responsible = trimmed(draft.responsible)
        var reference = trimmed(draft.requirementReference)
        if title.isEmpty { errors.add("title", "Skriv hva som kontrolleres.") }
        if title.count > 300 { errors.add("title", "Beskrivelsen av kontrollen kan ha høyst 300 tegn.") }
        if responsible.isEmpty { errors.add("responsible", "Skriv hvem som gjennomfører kontrollen.") }
        if responsible.count > 200 { errors.add("responsible", "Ansvarlig kan ha høyst 200 tegn.") }
        if draft.frequency == nil { errors.add("frequency", "Velg hvor ofte kontrollen gjennomføres.") }
        switch draft.requirementKind {
        case nil:
            errors.add("requirementKind", "Velg hva kontrollen bygger på: lov, instruks, tiltak i ISO/IEC 27001 vedlegg A eller en risiko.")
        case .act, .instruction:
            if reference.isEmpty { errors.add("requirementReference", "Skriv hvilken lov, forskrift, instruks eller hvilket reglement kontrollen bygger på, med paragraf.") }
            if reference.count > 300 { errors.add("requirementReference", "Henvisningen kan ha høyst 300 tegn.") }
        case .isoControl:
            let id = ISOControl.normalisedID(reference)
            if isoControls.contains(where: { $0.id == id }) {
                reference = id
            } else {
                errors.add("requirementReference", "«\(reference)» er ikke et tiltak i ISO/IEC 27001:2022 vedlegg A. Skriv nummeret, f.eks. «A.5.15» (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34).")
            }
        case .risk:
            let number = Int64(reference.trimmingCharacters(in: CharacterSet(charactersIn: "Nnr. ")))
            if let number, riskIDs.contains(number) {
                reference = String(number)
            } else {
                errors.add("requirementReference", "Velg en risiko i organisasjonens risikoregister (nummeret, f.eks. «3»).")
            }
        }
        if !BudgetYears.contains(year) { errors.add("year", BudgetYears.outOfRangeMessage(year)) }
        try errors.check()
        return ControlActivity(
            id: existing?.id, organisationCode: organisationCode, year: year, title: title,
            requirement: ControlRequirement(kind: draft.requirementKind ?? .act, reference: reference), frequency: draft.frequency ?? .yearly,
            responsible: responsible, executions: existing?.executions ?? [], isExample: existing?.isExample ?? false)
    }

    /// Records one execution of a control, by `person`, dated in the plan's year; a deviation is
    /// described with the measure that corrects it.
    public static func execute(_ activity: ControlActivity, _ draft: ExecutionDraft, by person: String) throws -> ControlActivity {
        var errors = InputErrors()
        let note = trimmed(draft.note), description = trimmed(draft.deviationDescription), measure = trimmed(draft.deviationMeasure)
        if let date = draft.date {
            if date.year != activity.year {
                errors.add("date", "Datoen (\(NorwegianFormat.date(date))) må være i \(activity.year), året planen gjelder.")
            }
        } else {
            errors.add("date", "Skriv datoen kontrollen ble gjennomført (DD.MM.ÅÅÅÅ).")
        }
        if draft.result == nil { errors.add("result", "Velg resultatet: i orden eller avvik.") }
        if draft.result == .deviation {
            if description.isEmpty { errors.add("deviationDescription", "Beskriv avviket kontrollen fant.") }
            if measure.isEmpty { errors.add("deviationMeasure", "Skriv hvilket tiltak som retter avviket.") }
        }
        for (field, value) in [("note", note), ("deviationDescription", description), ("deviationMeasure", measure)] where value.count > maxText {
            errors.add(field, "Teksten kan ha høyst \(maxText) tegn.")
        }
        try errors.check()
        var changed = activity
        changed.executions.append(ControlExecution(
            number: (activity.executions.map(\.number).max() ?? 0) + 1, date: draft.date ?? CalendarDate(year: activity.year, month: 1, day: 1),
            result: draft.result ?? .inOrder, note: note, performedBy: person,
            deviation: draft.result == .deviation ? ControlDeviation(description: description, measure: measure) : nil))
        changed.executions.sort { ($0.date, $0.number) < ($1.date, $1.number) }
        return changed
    }

    /// Closes the deviation of an execution on `date` (not before it was found), once.
    public static func closeDeviation(
        _ activity: ControlActivity, execution number: Int, on date: CalendarDate?, note: String, by person: String
    ) throws -> ControlActivity {
        guard let index = activity.executions.firstIndex(where: { $0.number == number }) else {
            throw InputErrors.single("execution", "Kontrollen har ingen gjennomføring nr. \(number).")
        }
        guard var deviation = activity.executions[index].deviation else {
            throw InputErrors.single("execution", "Gjennomføring nr. \(number) fant ikke noe avvik.")
        }
        guard deviation.isOpen else {
            throw InputErrors.single("closedOn", "Avviket ble lukket \(NorwegianFormat.date(deviation.closedOn!)).")
        }
        guard let date else { throw InputErrors.single("closedOn", "Skriv datoen avviket ble lukket (DD.MM.ÅÅÅÅ).") }
        let found = activity.executions[index].date
        if date < found {
            throw InputErrors.single("closedOn", "Avviket kan ikke lukkes (\(NorwegianFormat.date(date))) før det ble funnet (\(NorwegianFormat.date(found))).")
        }
        let note = trimmed(note)
        if note.isEmpty { throw InputErrors.single("closingNote", "Skriv hvordan avviket ble rettet.") }
        if note.count > maxText { throw InputErrors.single("closingNote", "Teksten kan ha høyst \(maxText) tegn.") }
        (deviation.closedOn, deviation.closingNote, deviation.closedBy) = (date, note, person)
        var changed = activity
        changed.executions[index].deviation = deviation
        return changed
    }

    /// Where a control stands on `date`: an open deviation first; then behind plan when fewer
    /// executions are recorded in the year than its frequency asks for by then (a yearly control is
    /// due by the year's end); in order when executed; else not due yet.
    public static func status(_ activity: ControlActivity, on date: CalendarDate) -> ControlStatus {
        if !activity.openDeviations.isEmpty { return .openDeviation }
        let done = activity.executions.filter { $0.date <= date }.count
        if expected(activity, by: date) > done { return .behindPlan }
        return done > 0 ? .inOrder : .notDue
    }

    /// How many executions the frequency asks for by `date` in the plan's year (whole periods
    /// past: a half-yearly control twice by 31.12, once from 30.06).
    public static func expected(_ activity: ControlActivity, by date: CalendarDate) -> Int {
        if date.year < activity.year { return 0 }
        if date.year > activity.year { return activity.frequency.timesPerYear }
        let months = 12 / activity.frequency.timesPerYear
        // Months completed by the date: the month itself counts on its last day.
        let completed = date.adding(days: 1).month != date.month ? date.month : date.month - 1
        return completed / months
    }
}
