import StyrDomain
import StyrReports
import StyrServices

/// One risk (`risk.mustache`): what it is, what it threatens, its measures and its dated
/// assessments (its path through the matrix), with the links to change them.
struct RiskView: Sendable {
    struct Fact: Sendable { var label: String, value: String }
    struct MeasureRow: Sendable {
        var measureNumber: Int
        var measureText: String, measureOwner: String, deadline: String, measureStatus: String, expectedEffect: String
        var measureURL: String?
    }
    struct AssessmentRow: Sendable {
        var date: String, inherent: String, residual: String, acceptance: String, note: String, by: String
    }

    var organisationName: String
    var saved: String?
    var exampleNote: String?
    var number: Int64
    var title: String
    var aboveNote: String?
    var closedNote: String?
    var facts: [Fact]
    var measures: [MeasureRow]
    var assessments: [AssessmentRow]
    var editURL: String?
    var assessURL: String?
    var newMeasureURL: String?
    var closeURL: String?
    var closeLabel: String
    var closeAction: String
    var csrfToken: String
    var historyURL: String
    var registerURL: String

    init(_ register: RiskService.Register, risk: Risk, saved: String?, csrfToken: String, today: CalendarDate) {
        let base = "\(register.scope.base)/risiko/\(risk.id ?? 0)", settings = register.settings
        organisationName = register.scope.organisation.name
        self.saved = saved
        exampleNote = risk.isExample ? RisksView.exampleText : nil
        number = risk.id ?? 0
        title = risk.title
        let current = risk.current
        aboveNote = current.map { settings.isAboveAcceptance($0.residual) } == true && risk.closedOn == nil
            ? "Over akseptgrensen: risikoverdien etter tiltak (\(current!.residual.score)) er høyere enn organisasjonens akseptgrense (\(settings.acceptanceLevel))." : nil
        closedNote = risk.closedOn.map { "Tatt ut av registeret \(NorwegianFormat.date($0)); historikken er bevart." }
        facts = [
            Fact(label: "Beskrivelse", value: risk.description.isEmpty ? "–" : risk.description),
            Fact(label: "Årsak", value: risk.cause.isEmpty ? "–" : risk.cause),
            Fact(label: "Konsekvens", value: risk.consequence.isEmpty ? "–" : risk.consequence),
            Fact(label: "Kategori", value: risk.category.norwegianName),
            Fact(label: "Risikoeier", value: risk.owner),
            Fact(label: "Truer", value: risk.links.isEmpty ? "Ingen koblinger" : risk.links.map(\.description).joined(separator: "; ")),
            Fact(label: "Registrert", value: NorwegianFormat.date(risk.recordedOn)),
            Fact(label: "Før tiltak nå", value: current.map { "\($0.inherent.description): \(settings.likelihoodLabel($0.inherent.likelihood)), \(settings.consequenceLabel($0.inherent.consequence))" } ?? "–"),
            Fact(label: "Etter tiltak nå", value: current.map { "\($0.residual.description): \(settings.likelihoodLabel($0.residual.likelihood)), \(settings.consequenceLabel($0.residual.consequence))" } ?? "–"),
        ]
        let canEdit = register.canEdit
        measures = risk.measures.map { measure in
            MeasureRow(
                measureNumber: measure.number, measureText: measure.description, measureOwner: measure.owner, deadline: NorwegianFormat.date(measure.deadline),
                measureStatus: measure.status.norwegianName, expectedEffect: measure.expectedEffect.isEmpty ? "–" : measure.expectedEffect,
                measureURL: canEdit ? "\(base)/tiltak/\(measure.number)" : nil)
        }
        assessments = risk.assessments.reversed().map { assessment in
            AssessmentRow(
                date: NorwegianFormat.date(assessment.date), inherent: assessment.inherent.description, residual: assessment.residual.description,
                acceptance: settings.isAboveAcceptance(assessment.residual) ? "Over akseptgrensen" : "Innenfor",
                note: assessment.note.isEmpty ? "–" : assessment.note, by: assessment.by)
        }
        editURL = canEdit ? "\(base)/endre" : nil
        assessURL = canEdit && risk.closedOn == nil ? "\(base)/vurdering" : nil
        newMeasureURL = canEdit ? "\(base)/tiltak/ny" : nil
        closeURL = canEdit ? "\(base)/ta-ut" : nil
        closeLabel = risk.closedOn == nil ? "Ta risikoen ut av registeret" : "Ta risikoen inn i registeret igjen"
        closeAction = risk.closedOn == nil ? "ut" : "tilbake"
        self.csrfToken = csrfToken
        historyURL = "/historikk?type=risk&nokkel=\("\(register.scope.code)/\(risk.id ?? 0)".urlQueryEncoded)"
        registerURL = "\(register.scope.base)/risiko"
    }
}

/// The snapshot kept with a risk-picture notice and what changed since the previous one
/// (`risk-picture.mustache`).
struct RiskPictureView: Sendable {
    struct Entry: Sendable { var entryNumber: Int64, entryTitle: String, category: String, inherent: String, residual: String, acceptance: String }
    struct Change: Sendable { var changeTitle: String, detail: String }

    var organisationName: String
    var noticeURL: String
    var noticeNumber: Int64
    var date: String
    var acceptanceLevel: Int
    var entries: [Entry]
    var previous: String?
    var previousURL: String?
    var added: [Change]
    var removed: [Change]
    var moved: [Change]
    var measuresChanged: [Change]
    var unchanged: Bool
    var registerURL: String

    init(_ register: RiskService.Register, noticeID: Int64, picture: RiskPictureService.Picture) {
        let snapshot = picture.snapshot, base = register.scope.base
        organisationName = register.scope.organisation.name
        noticeURL = "\(base)/meldinger/\(noticeID)"
        noticeNumber = noticeID
        date = NorwegianFormat.date(snapshot.date)
        acceptanceLevel = snapshot.acceptanceLevel
        func above(_ score: RiskScore) -> String { score.score > snapshot.acceptanceLevel ? "Over akseptgrensen" : "Innenfor" }
        entries = snapshot.entries.map {
            Entry(entryNumber: $0.riskID, entryTitle: $0.title, category: $0.category.norwegianName, inherent: $0.inherent.description,
                  residual: $0.residual.description, acceptance: above($0.residual))
        }
        previous = picture.previous.map { "Sammenlignet med risikobildet sendt \(NorwegianFormat.date($0.date)) (melding nr. \(picture.previousNoticeID ?? 0))." }
        previousURL = picture.previousNoticeID.map { "\(base)/meldinger/\($0)/risikobilde" }
        let changes = picture.changes
        added = changes.added.map { Change(changeTitle: "nr. \($0.riskID) \($0.title)", detail: "Etter tiltak \($0.residual.description)") }
        removed = changes.removed.map { Change(changeTitle: "nr. \($0.riskID) \($0.title)", detail: "Ikke lenger i registeret") }
        moved = changes.moved.map {
            Change(changeTitle: "nr. \($0.entry.riskID) \($0.entry.title)",
                   detail: "Før tiltak \($0.inherentBefore.description) → \($0.entry.inherent.description); etter tiltak \($0.residualBefore.description) → \($0.entry.residual.description)")
        }
        measuresChanged = changes.measuresChanged.map { Change(changeTitle: "nr. \($0.entry.riskID) \($0.entry.title)", detail: $0.changes.joined(separator: "; ")) }
        unchanged = changes.isEmpty
        registerURL = "\(base)/risiko"
    }
}
