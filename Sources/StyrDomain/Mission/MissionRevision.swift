/// Why a mission statement is revised: the triggers the first seed lists ("Etatens samfunnsoppdrag
/// kan revideres når …"), and any other reason, which must then be written.
public enum RevisionTrigger: String, Hashable, Sendable, Codable, CaseIterable {
    /// Political guidelines and decisions (e.g. a new city government platform) that merge agencies
    /// or reorganise in ways that affect the agency's areas, purpose or function.
    case politicalDecision
    /// Changed authority, areas of responsibility, purpose, function, funding or main tasks.
    case changedMandate
    /// Changed rules, instructions or guidelines that set new frames for the agency or its fields.
    case changedRules
    /// Changes in other agencies or undertakings of the municipality that affect the agency's frame conditions.
    case otherAgencies
    /// Anything else, described in the cause's text.
    case other

    public var norwegianName: String {
        switch self {
        case .politicalDecision: "Politiske føringer og vedtak (f.eks. sammenslåing eller omorganisering)"
        case .changedMandate: "Endret myndighet, ansvarsområder, formål, funksjon, finansiering eller hovedoppgaver"
        case .changedRules: "Endringer i regelverk, instrukser eller retningslinjer"
        case .otherAgencies: "Endringer i andre etater eller virksomheter som påvirker rammevilkårene"
        case .other: "Annet"
        }
    }
}

/// The trigger that caused a revision, with what happened (required for `other`).
public struct RevisionCause: Hashable, Sendable, Codable {
    public var trigger: RevisionTrigger
    public var text: String

    public init(trigger: RevisionTrigger, text: String = "") {
        self.trigger = trigger
        self.text = text
    }

    public var description: String { text.isEmpty ? trigger.norwegianName : "\(trigger.norwegianName): \(text)" }
}

/// A new version of the mission statement while it is drafted: the content copied from the
/// version in force, edited, and fixed by the department on a date (`MissionRules.fix`), after
/// which it is a `MissionStatement` version that never changes.
public struct MissionDraft: Hashable, Sendable, Codable {
    public var organisationCode: String
    /// The version it was drafted from (nil for a first statement).
    public var basedOnVersion: Int?
    public var cause: RevisionCause
    /// The content; its `version`, `fixedOn` and `fixedByCode` are set when it is fixed.
    public var content: MissionStatement
    public var createdBy: String

    public init(organisationCode: String, basedOnVersion: Int?, cause: RevisionCause, content: MissionStatement, createdBy: String) {
        self.organisationCode = organisationCode
        self.basedOnVersion = basedOnVersion
        self.cause = cause
        self.content = content
        self.createdBy = createdBy
    }
}

/// The editable text of a draft: title, the sections' bodies, the core tasks' descriptions, the
/// target groups (one per line) and the cause. Lists must match the draft's sections and tasks.
public struct MissionDraftEdit: Hashable, Sendable, Codable {
    public var title: String
    public var trigger: RevisionTrigger?
    public var triggerText: String
    /// The body of each section, in the draft's order.
    public var sectionBodies: [String]
    /// The description of each core task, in the draft's order.
    public var coreTaskDescriptions: [String]
    public var targetGroups: [String]

    public init(
        title: String, trigger: RevisionTrigger?, triggerText: String, sectionBodies: [String], coreTaskDescriptions: [String],
        targetGroups: [String]
    ) {
        self.title = title
        self.trigger = trigger
        self.triggerText = triggerText
        self.sectionBodies = sectionBodies
        self.coreTaskDescriptions = coreTaskDescriptions
        self.targetGroups = targetGroups
    }
}

/// Rules of mission statement versions. Errors name `trigger`, `triggerText`, `title`,
/// `sectionBodies`, `coreTaskDescriptions`, `fixedOn` and `draft`.
public enum MissionRules {
    public static func cause(_ trigger: RevisionTrigger?, text: String) throws -> RevisionCause {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = InputErrors()
        if trigger == nil { errors.add("trigger", "Velg hva som utløste revisjonen av samfunnsoppdraget.") }
        if trigger == .other, text.isEmpty { errors.add("triggerText", "Beskriv hva som utløste revisjonen når du velger «Annet».") }
        if text.count > 2000 { errors.add("triggerText", "Beskrivelsen av årsaken kan ha høyst 2000 tegn.") }
        try errors.check()
        return RevisionCause(trigger: trigger ?? .other, text: text)
    }

    /// A draft copied from the version in force (the newest), or an empty first statement.
    public static func start(
        organisationCode: String, cause: RevisionCause, inForce: MissionStatement?, existingDraft: MissionDraft?, createdBy: String,
        today: CalendarDate
    ) throws -> MissionDraft {
        if existingDraft != nil {
            throw InputErrors.single("draft", "Det finnes allerede et utkast til ny versjon; rediger eller fastsett det, eller forkast det først.")
        }
        var content = inForce ?? MissionStatement(
            organisationCode: organisationCode, version: 1, title: "Samfunnsoppdrag", fixedOn: today, fixedByCode: "", sections: [],
            coreTasks: [], targetGroups: [], authorities: [], fundingSources: [], revisionTriggers: RevisionTrigger.allCases
                .filter { $0 != .other }.map(\.norwegianName))
        content.version = (inForce?.version ?? 0) + 1
        return MissionDraft(
            organisationCode: organisationCode, basedOnVersion: inForce?.version, cause: cause, content: content, createdBy: createdBy)
    }

    public static func edit(_ draft: MissionDraft, with edit: MissionDraftEdit) throws -> MissionDraft {
        var errors = InputErrors()
        var edited = draft
        do { edited.cause = try cause(edit.trigger, text: edit.triggerText) } catch let found as InputErrors {
            for entry in found.entries { errors.add(entry.field, entry.message) }
        }
        let title = edit.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.add("title", "Skriv tittelen på samfunnsoppdraget.") }
        if title.count > 300 { errors.add("title", "Tittelen kan ha høyst 300 tegn.") }
        if edit.sectionBodies.count != draft.content.sections.count {
            errors.add("sectionBodies", "Utkastet har \(draft.content.sections.count) avsnitt, men \(edit.sectionBodies.count) tekster ble sendt.")
        }
        if edit.coreTaskDescriptions.count != draft.content.coreTasks.count {
            errors.add("coreTaskDescriptions",
                       "Utkastet har \(draft.content.coreTasks.count) kjerneoppgaver, men \(edit.coreTaskDescriptions.count) beskrivelser ble sendt.")
        }
        if (edit.sectionBodies + edit.coreTaskDescriptions).contains(where: { $0.count > 20000 }) {
            errors.add("sectionBodies", "En tekst kan ha høyst 20 000 tegn.")
        }
        try errors.check()
        edited.content.title = title
        for index in edited.content.sections.indices {
            edited.content.sections[index].body = edit.sectionBodies[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for index in edited.content.coreTasks.indices {
            edited.content.coreTasks[index].description = edit.coreTaskDescriptions[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        edited.content.targetGroups = edit.targetGroups.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return edited
    }

    /// The draft fixed by `departmentCode` on `date` as the next version. The date may not be in
    /// the future nor before the version in force was fixed.
    public static func fix(
        _ draft: MissionDraft, on date: CalendarDate?, by departmentCode: String, versions: [MissionStatement], today: CalendarDate
    ) throws -> MissionStatement {
        guard let date else { throw InputErrors.single("fixedOn", "Skriv datoen samfunnsoppdraget fastsettes (DD.MM.ÅÅÅÅ).") }
        if date > today { throw InputErrors.single("fixedOn", "Fastsettelsesdatoen (\(NorwegianFormat.date(date))) er frem i tid.") }
        if let latest = versions.last, date < latest.fixedOn {
            throw InputErrors.single(
                "fixedOn", "Versjon \(latest.version) ble fastsatt \(NorwegianFormat.date(latest.fixedOn)); en ny versjon kan ikke fastsettes før den.")
        }
        var statement = draft.content
        statement.organisationCode = draft.organisationCode
        statement.version = (versions.map(\.version).max() ?? 0) + 1
        statement.fixedOn = date
        statement.fixedByCode = departmentCode
        statement.revisionCause = draft.cause
        return statement
    }
}
