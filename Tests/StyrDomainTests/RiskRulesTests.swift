import StyrDomain
import Testing

/// `RiskRules`: the register's rules, the matrix, acceptance and the snapshot's changes.
@Suite("Risk rules")
struct RiskRulesTests {
    static let draft = RiskDraft(
        title: "Løsepengevirus", description: "", cause: "", consequence: "", category: .informationSecurity, owner: "Sikkerhetsleder",
        links: [RiskLink(kind: .service, key: " Felles plattform "), RiskLink(kind: .service, key: "Felles plattform")],
        recordedOn: day("2021-01-15"), likelihood: 3, consequenceLevel: 5, residualLikelihood: 2, residualConsequenceLevel: 5)

    static func risk() throws -> Risk {
        var risk = try RiskRules.record(draft, organisationCode: "UKE", by: "a@b")
        risk.id = 1
        return risk
    }

    @Test("a risk is recorded with its first assessment; links trimmed and unique")
    func record() throws {
        let risk = try Self.risk()
        #expect(risk.assessments.count == 1 && risk.current?.inherent.score == 15 && risk.current?.residual.score == 10)
        #expect(risk.links == [RiskLink(kind: .service, key: "Felles plattform")])
        #expect(RiskSettings.standard.isAboveAcceptance(risk.current!.residual))
        #expect(!RiskSettings.standard.isAboveAcceptance(RiskScore(likelihood: 3, consequence: 3)))
    }

    @Test("likelihood 0 or 6 is refused, naming the field", arguments: [0, 6])
    func likelihoodOutOfRange(value: Int) {
        var draft = Self.draft
        draft.likelihood = value
        do {
            _ = try RiskRules.record(draft, organisationCode: "UKE", by: "a@b")
            Issue.record("refused")
        } catch let errors as InputErrors {
            #expect(errors["likelihood"] == "Sannsynlighet må være fra 1 til 5 (var \(value)).")
        } catch { Issue.record("\(error)") }
    }

    @Test("a residual risk above the inherent one, a missing title and category are refused")
    func refusals() {
        var draft = Self.draft
        draft.residualLikelihood = 5
        #expect(throws: InputErrors.single("residualLikelihood", "Risikoen etter tiltak (S5 × K5 = 25) kan ikke være høyere enn før tiltak (S3 × K5 = 15).")) {
            try RiskRules.record(draft, organisationCode: "UKE", by: "a@b")
        }
        draft = Self.draft
        draft.title = " "
        draft.category = nil
        do {
            _ = try RiskRules.record(draft, organisationCode: "UKE", by: "a@b")
        } catch let errors as InputErrors {
            #expect(errors.entries.map(\.field) == ["title", "category"])
        } catch { Issue.record("\(error)") }
    }

    @Test("a measure's deadline before the risk was recorded is refused; the risk is unchanged")
    func measureDeadline() throws {
        let risk = try Self.risk()
        let early = MeasureDraft(description: "Frakoblet sikkerhetskopi", owner: "Drift", deadline: day("2021-01-14"))
        #expect(throws: InputErrors.single("deadline", "Fristen (14.01.2021) kan ikke være før risikoen ble registrert (15.01.2021).")) {
            try RiskRules.measure(risk, number: nil, early)
        }
        var onTime = early
        onTime.deadline = day("2021-01-15")
        let changed = try RiskRules.measure(risk, number: nil, onTime)
        #expect(changed.measures.map(\.number) == [1])
        onTime.status = .done
        let done = try RiskRules.measure(changed, number: 1, onTime)
        #expect(done.measures.count == 1 && done.measures[0].status == .done)
        #expect(throws: InputErrors.self) { try RiskRules.measure(done, number: 7, onTime) }
    }

    @Test("assessments keep the path through the matrix; the one in force on a date is used")
    func assessments() throws {
        var risk = try Self.risk()
        risk = try RiskRules.assess(risk, AssessmentDraft(date: day("2021-06-01"), likelihood: 2, consequenceLevel: 5,
                                                          residualLikelihood: 1, residualConsequenceLevel: 5), by: "a@b")
        #expect(risk.assessments.count == 2)
        #expect(risk.assessment(on: day("2021-03-01"))?.inherent.likelihood == 3)
        #expect(risk.assessment(on: day("2021-06-01"))?.inherent.likelihood == 2)
        #expect(throws: InputErrors.self) {
            try RiskRules.assess(risk, AssessmentDraft(date: day("2020-12-31"), likelihood: 2, consequenceLevel: 2,
                                                       residualLikelihood: 1, residualConsequenceLevel: 1), by: "a@b")
        }
        let above = RiskRules.aboveAcceptance([risk], on: day("2021-03-01"), settings: .standard)
        #expect(above.count == 1 && above[0].assessment.residual.score == 10)
        #expect(RiskRules.aboveAcceptance([risk], on: day("2021-07-01"), settings: .standard).isEmpty)
        let matrix = RiskMatrix([risk], on: day("2021-03-01"), residual: false, settings: .standard)
        #expect(matrix.cell(likelihood: 3, consequence: 5).count == 1 && matrix.aboveAcceptance.count == 1)
    }

    @Test("settings: five labels each and an acceptance level 1–24")
    func settings() throws {
        #expect(throws: InputErrors.self) {
            try RiskSettings.validated(likelihoodLabels: ["a", "b"], consequenceLabels: RiskSettings.standard.consequenceLabels, acceptanceLevel: 25)
        }
        let settings = try RiskSettings.validated(
            likelihoodLabels: RiskSettings.standard.likelihoodLabels, consequenceLabels: RiskSettings.standard.consequenceLabels, acceptanceLevel: 12)
        #expect(settings.acceptanceLevel == 12 && settings.likelihoodLabel(4) == "4 – Sannsynlig")
    }

    @Test("a snapshot's changes: new, removed, moved and measures changed")
    func snapshotChanges() throws {
        let risk = try Self.risk()
        var second = risk
        second.id = 2
        second.title = "Budsjettkutt"
        let before = RiskSnapshot([risk, second], organisationCode: "UKE", on: day("2021-02-01"), settings: .standard)
        var moved = try RiskRules.assess(risk, AssessmentDraft(date: day("2021-05-01"), likelihood: 2, consequenceLevel: 5,
                                                               residualLikelihood: 2, residualConsequenceLevel: 4), by: "a@b")
        moved = try RiskRules.measure(moved, number: nil, MeasureDraft(description: "Kopi", owner: "Drift", deadline: day("2021-09-01")))
        var third = risk
        third.id = 3
        let after = RiskSnapshot([moved, third], organisationCode: "UKE", on: day("2021-05-02"), settings: .standard)
        let changes = RiskSnapshotChanges(from: before, to: after)
        #expect(changes.added.map(\.riskID) == [3] && changes.removed.map(\.riskID) == [2] && changes.moved.map(\.entry.riskID) == [1])
        #expect(changes.measuresChanged.first?.changes == ["Tiltak 1 nytt: Kopi (Planlagt)"])
        #expect(RiskSnapshotChanges(from: after, to: after).isEmpty)
        #expect(RiskSnapshotChanges(from: nil, to: after).added.count == 2)
    }
}

private func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
