import Foundation

/// A risk as typed in a form or sent to the API, before the rules check it. Field names are the
/// domain's: `title`, `description`, `cause`, `consequence`, `category`, `owner`, `links`,
/// `recordedOn`, and the first assessment's `likelihood`, `consequenceLevel`,
/// `residualLikelihood`, `residualConsequenceLevel`.
public struct RiskDraft: Hashable, Sendable {
    public var title: String
    public var description: String
    public var cause: String
    public var consequence: String
    public var category: RiskCategory?
    public var owner: String
    public var links: [RiskLink]
    public var recordedOn: CalendarDate?
    public var likelihood: Int?
    public var consequenceLevel: Int?
    public var residualLikelihood: Int?
    public var residualConsequenceLevel: Int?

    public init(
        title: String, description: String = "", cause: String = "", consequence: String = "", category: RiskCategory?, owner: String,
        links: [RiskLink] = [], recordedOn: CalendarDate?, likelihood: Int? = nil, consequenceLevel: Int? = nil,
        residualLikelihood: Int? = nil, residualConsequenceLevel: Int? = nil
    ) {
        self.title = title
        self.description = description
        self.cause = cause
        self.consequence = consequence
        self.category = category
        self.owner = owner
        self.links = links
        self.recordedOn = recordedOn
        self.likelihood = likelihood
        self.consequenceLevel = consequenceLevel
        self.residualLikelihood = residualLikelihood
        self.residualConsequenceLevel = residualConsequenceLevel
    }

    /// The draft of a stored risk (with its newest assessment), for a form that changes it.
    public init(_ risk: Risk) {
        let current = risk.current
        self.init(
            title: risk.title, description: risk.description, cause: risk.cause, consequence: risk.consequence, category: risk.category,
            owner: risk.owner, links: risk.links, recordedOn: risk.recordedOn, likelihood: current?.inherent.likelihood,
            consequenceLevel: current?.inherent.consequence, residualLikelihood: current?.residual.likelihood,
            residualConsequenceLevel: current?.residual.consequence)
    }
}

/// A measure as typed: `description`, `owner`, `deadline`, `status`, `expectedEffect`.
public struct MeasureDraft: Hashable, Sendable {
    public var description: String
    public var owner: String
    public var deadline: CalendarDate?
    public var status: RiskMeasureStatus?
    public var expectedEffect: String

    public init(description: String, owner: String, deadline: CalendarDate?, status: RiskMeasureStatus? = .planned, expectedEffect: String = "") {
        self.description = description
        self.owner = owner
        self.deadline = deadline
        self.status = status
        self.expectedEffect = expectedEffect
    }
}

/// An assessment as typed: `date`, `likelihood`, `consequenceLevel`, `residualLikelihood`,
/// `residualConsequenceLevel`, `note`.
public struct AssessmentDraft: Hashable, Sendable {
    public var date: CalendarDate?
    public var likelihood: Int?
    public var consequenceLevel: Int?
    public var residualLikelihood: Int?
    public var residualConsequenceLevel: Int?
    public var note: String

    public init(date: CalendarDate?, likelihood: Int?, consequenceLevel: Int?, residualLikelihood: Int?, residualConsequenceLevel: Int?, note: String = "") {
        self.date = date
        self.likelihood = likelihood
        self.consequenceLevel = consequenceLevel
        self.residualLikelihood = residualLikelihood
        self.residualConsequenceLevel = residualConsequenceLevel
        self.note = note
    }
}

/// The rules of the risk register. Errors are keyed by the drafts' fields.
public enum RiskRules {
    static let maxText = 4000

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// A new risk with its first assessment (dated when it was recorded), by `person`.
    public static func record(_ draft: RiskDraft, organisationCode: String, by person: String) throws -> Risk {
        var errors = InputErrors()
        let risk = describe(draft, organisationCode: organisationCode, errors: &errors)
        let assessment = scores(
            AssessmentDraft(date: draft.recordedOn, likelihood: draft.likelihood, consequenceLevel: draft.consequenceLevel,
                            residualLikelihood: draft.residualLikelihood, residualConsequenceLevel: draft.residualConsequenceLevel),
            recordedOn: risk.recordedOn, by: person, errors: &errors)
        try errors.check()
        var recorded = risk
        recorded.assessments = [assessment]
        return recorded
    }

    /// The risk's descriptive fields changed; its assessments, measures and recording date stay
    /// (a new position in the matrix is a new assessment). Measures due before a changed recording
    /// date are refused.
    public static func edit(_ risk: Risk, with draft: RiskDraft) throws -> Risk {
        var errors = InputErrors()
        var edited = describe(draft, organisationCode: risk.organisationCode, errors: &errors)
        if let early = risk.measures.first(where: { $0.deadline < edited.recordedOn }) {
            errors.add("recordedOn", "Tiltak \(early.number) har frist \(NorwegianFormat.date(early.deadline)), før datoen risikoen ble registrert (\(NorwegianFormat.date(edited.recordedOn))).")
        }
        if let first = risk.assessments.map(\.date).min(), first < edited.recordedOn {
            errors.add("recordedOn", "Risikoen ble vurdert \(NorwegianFormat.date(first)), før \(NorwegianFormat.date(edited.recordedOn)).")
        }
        try errors.check()
        (edited.id, edited.assessments, edited.measures, edited.closedOn, edited.isExample) = (risk.id, risk.assessments, risk.measures, risk.closedOn, risk.isExample)
        return edited
    }

    /// A new dated assessment; one on the same date replaces the earlier one of that date.
    public static func assess(_ risk: Risk, _ draft: AssessmentDraft, by person: String) throws -> Risk {
        var errors = InputErrors()
        let assessment = scores(draft, recordedOn: risk.recordedOn, by: person, errors: &errors)
        if draft.date == nil { errors.add("date", "Skriv datoen for vurderingen (DD.MM.ÅÅÅÅ).") }
        if let closed = risk.closedOn { errors.add("date", "Risikoen ble tatt ut av registeret \(NorwegianFormat.date(closed)) og vurderes ikke lenger.") }
        try errors.check()
        var assessed = risk
        assessed.assessments.removeAll { $0.date == assessment.date }
        assessed.assessments.append(assessment)
        assessed.assessments.sort { $0.date < $1.date }
        return assessed
    }

    /// A new measure (`number` nil) or a changed one. Its deadline is not before the risk was recorded.
    public static func measure(_ risk: Risk, number: Int?, _ draft: MeasureDraft) throws -> Risk {
        var errors = InputErrors()
        let description = trimmed(draft.description), owner = trimmed(draft.owner), effect = trimmed(draft.expectedEffect)
        if description.isEmpty { errors.add("description", "Beskriv tiltaket.") }
        if description.count > maxText { errors.add("description", "Beskrivelsen kan ha høyst \(maxText) tegn.") }
        if owner.isEmpty { errors.add("owner", "Skriv hvem som er ansvarlig for tiltaket.") }
        if owner.count > 200 { errors.add("owner", "Ansvarlig kan ha høyst 200 tegn.") }
        if effect.count > maxText { errors.add("expectedEffect", "Forventet effekt kan ha høyst \(maxText) tegn.") }
        if draft.status == nil { errors.add("status", "Velg status for tiltaket.") }
        if let deadline = draft.deadline {
            if deadline < risk.recordedOn {
                errors.add("deadline", "Fristen (\(NorwegianFormat.date(deadline))) kan ikke være før risikoen ble registrert (\(NorwegianFormat.date(risk.recordedOn))).")
            }
            if !BudgetYears.contains(deadline.year) { errors.add("deadline", BudgetYears.outOfRangeMessage(deadline.year)) }
        } else {
            errors.add("deadline", "Skriv fristen for tiltaket (DD.MM.ÅÅÅÅ).")
        }
        if let number, !risk.measures.contains(where: { $0.number == number }) {
            errors.add("number", "Risikoen har ikke noe tiltak nr. \(number).")
        }
        try errors.check()
        let measure = RiskMeasure(
            number: number ?? ((risk.measures.map(\.number).max() ?? 0) + 1), description: description, owner: owner,
            deadline: draft.deadline ?? risk.recordedOn, status: draft.status ?? .planned, expectedEffect: effect)
        var changed = risk
        if let index = changed.measures.firstIndex(where: { $0.number == measure.number }) {
            changed.measures[index] = measure
        } else {
            changed.measures.append(measure)
        }
        return changed
    }

    /// Takes the risk out of the register on `date` (kept for its history), or puts it back (`nil`).
    public static func close(_ risk: Risk, on date: CalendarDate?) throws -> Risk {
        if let date, date < risk.recordedOn {
            throw InputErrors.single("closedOn", "Risikoen kan ikke tas ut (\(NorwegianFormat.date(date))) før den ble registrert (\(NorwegianFormat.date(risk.recordedOn))).")
        }
        var closed = risk
        closed.closedOn = date
        return closed
    }

    static func describe(_ draft: RiskDraft, organisationCode: String, errors: inout InputErrors) -> Risk {
        let title = trimmed(draft.title), owner = trimmed(draft.owner)
        if title.isEmpty { errors.add("title", "Skriv en kort tittel på risikoen.") }
        if title.count > 300 { errors.add("title", "Tittelen kan ha høyst 300 tegn.") }
        for (field, value, name) in [("description", draft.description, "Beskrivelsen"), ("cause", draft.cause, "Årsaken"), ("consequence", draft.consequence, "Konsekvensen")]
        where trimmed(value).count > maxText {
            errors.add(field, "\(name) kan ha høyst \(maxText) tegn.")
        }
        if draft.category == nil { errors.add("category", "Velg kategori for risikoen.") }
        if owner.isEmpty { errors.add("owner", "Skriv hvem som eier risikoen.") }
        if owner.count > 200 { errors.add("owner", "Risikoeier kan ha høyst 200 tegn.") }
        if draft.links.contains(where: { trimmed($0.key).isEmpty || $0.key.count > 300 }) {
            errors.add("links", "Hver kobling til mål, indikator, oppdrag eller tjeneste må ha et navn på høyst 300 tegn.")
        }
        if let date = draft.recordedOn {
            if !BudgetYears.contains(date.year) { errors.add("recordedOn", BudgetYears.outOfRangeMessage(date.year)) }
        } else {
            errors.add("recordedOn", "Skriv datoen risikoen ble registrert (DD.MM.ÅÅÅÅ).")
        }
        var seen = Set<RiskLink>()
        let links = draft.links.map { RiskLink(kind: $0.kind, key: trimmed($0.key)) }.filter { seen.insert($0).inserted }
        return Risk(
            organisationCode: organisationCode, title: title, description: trimmed(draft.description), cause: trimmed(draft.cause),
            consequence: trimmed(draft.consequence), category: draft.category ?? .other, owner: owner, links: links,
            recordedOn: draft.recordedOn ?? CalendarDate(year: 1900, month: 1, day: 1), assessments: [])
    }

    /// The scores of an assessment, each 1–5; the residual risk is not above the inherent one.
    static func scores(_ draft: AssessmentDraft, recordedOn: CalendarDate, by person: String, errors: inout InputErrors) -> RiskAssessment {
        func level(_ value: Int?, _ field: String, _ name: String) -> Int {
            guard let value else {
                errors.add(field, "Velg \(name) fra 1 til 5.")
                return 1
            }
            guard (1...5).contains(value) else {
                errors.add(field, "\(name.prefix(1).uppercased() + name.dropFirst()) må være fra 1 til 5 (var \(value)).")
                return 1
            }
            return value
        }
        let inherent = RiskScore(likelihood: level(draft.likelihood, "likelihood", "sannsynlighet"),
                                 consequence: level(draft.consequenceLevel, "consequenceLevel", "konsekvens"))
        let residual = RiskScore(likelihood: level(draft.residualLikelihood ?? draft.likelihood, "residualLikelihood", "sannsynlighet etter tiltak"),
                                 consequence: level(draft.residualConsequenceLevel ?? draft.consequenceLevel, "residualConsequenceLevel", "konsekvens etter tiltak"))
        if residual.score > inherent.score, errors.isEmpty {
            errors.add("residualLikelihood", "Risikoen etter tiltak (\(residual.description)) kan ikke være høyere enn før tiltak (\(inherent.description)).")
        }
        if let date = draft.date, date < recordedOn {
            errors.add("date", "Vurderingen (\(NorwegianFormat.date(date))) kan ikke være før risikoen ble registrert (\(NorwegianFormat.date(recordedOn))).")
        }
        let note = trimmed(draft.note)
        if note.count > maxText { errors.add("note", "Merknaden kan ha høyst \(maxText) tegn.") }
        return RiskAssessment(date: draft.date ?? recordedOn, inherent: inherent, residual: residual, note: note, by: person)
    }
}
