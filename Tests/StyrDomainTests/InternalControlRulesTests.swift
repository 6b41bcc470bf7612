import StyrDomain
import Testing

/// `InternalControlRules` and `EvidenceRules`.
@Suite("Internal control rules")
struct InternalControlRulesTests {
    static let controls = [ISOControl(id: "8.2", theme: .technological, title: "Privileged access rights")]
    static let draft = ControlDraft(title: "Privilegerte tilganger", requirementKind: .isoControl, requirementReference: "A.8.2", frequency: .quarterly,
                                    responsible: "Sikkerhetsleder")

    static func activity() throws -> ControlActivity {
        try InternalControlRules.control(draft, organisationCode: "UKE", year: 2021, existing: nil, isoControls: controls, riskIDs: [4])
    }

    @Test("a requirement is an Annex A control or a risk of the register; the id is normalised")
    func requirement() throws {
        #expect(try Self.activity().requirement == ControlRequirement(kind: .isoControl, reference: "8.2"))
        var draft = Self.draft
        draft.requirementReference = "A.9.9"
        #expect(throws: InputErrors.self) {
            try InternalControlRules.control(draft, organisationCode: "UKE", year: 2021, existing: nil, isoControls: Self.controls, riskIDs: [])
        }
        draft.requirementKind = .risk
        draft.requirementReference = "nr. 4"
        let risk = try InternalControlRules.control(draft, organisationCode: "UKE", year: 2021, existing: nil, isoControls: Self.controls, riskIDs: [4])
        #expect(risk.requirement.reference == "4")
    }

    @Test("executions in the plan's year; a deviation needs its description and measure and is closed once, not before it was found")
    func executions() throws {
        var activity = try Self.activity()
        #expect(throws: InputErrors.self) {
            try InternalControlRules.execute(activity, ExecutionDraft(date: day("2020-12-31"), result: .inOrder), by: "a@b")
        }
        do {
            _ = try InternalControlRules.execute(activity, ExecutionDraft(date: day("2021-03-01"), result: .deviation), by: "a@b")
        } catch let errors as InputErrors {
            #expect(errors.entries.map(\.field) == ["deviationDescription", "deviationMeasure"])
        }
        activity = try InternalControlRules.execute(activity, ExecutionDraft(
            date: day("2021-03-01"), result: .deviation, deviationDescription: "Gamle kontoer", deviationMeasure: "Sperres"), by: "a@b")
        #expect(InternalControlRules.status(activity, on: day("2021-03-02")) == .openDeviation)
        #expect(throws: InputErrors.self) {
            try InternalControlRules.closeDeviation(activity, execution: 1, on: day("2021-02-28"), note: "Sperret", by: "a@b")
        }
        activity = try InternalControlRules.closeDeviation(activity, execution: 1, on: day("2021-03-05"), note: "Sperret", by: "a@b")
        #expect(throws: InputErrors.self) {
            try InternalControlRules.closeDeviation(activity, execution: 1, on: day("2021-03-06"), note: "Igjen", by: "a@b")
        }
        #expect(InternalControlRules.status(activity, on: day("2021-03-31")) == .inOrder)
        #expect(InternalControlRules.status(activity, on: day("2021-07-01")) == .behindPlan)
    }

    @Test("evidence: the type by its first bytes, the size limit, empty files refused")
    func evidence() throws {
        #expect(try EvidenceRules.check(filename: "C:\\docs\\rapport.pdf", bytes: Array("%PDF-1.4 x".utf8)) == ("rapport.pdf", "application/pdf"))
        #expect(try EvidenceRules.check(filename: "bilde.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).contentType == "image/png")
        #expect(try EvidenceRules.check(filename: "notat.txt", bytes: Array("Kontroll i orden".utf8)).contentType == "text/plain; charset=utf-8")
        for (name, bytes) in [("rapport.pdf", Array("MZ\u{90}".utf8)), ("program.exe", [0x4D, 0x5A, 0x90, 0x00]), ("arkiv.zip", [0x50, 0x4B, 0x03, 0x04]),
                              ("tom.pdf", [])] as [(String, [UInt8])] {
            #expect(throws: InputErrors.self, "\(name)") { try EvidenceRules.check(filename: name, bytes: bytes) }
        }
        let big = Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: EvidenceRules.maximumBytes)
        do {
            _ = try EvidenceRules.check(filename: "stor.pdf", bytes: big)
            Issue.record("refused")
        } catch let errors as InputErrors {
            #expect(errors["evidence"]?.contains("grensen er 5 MB") == true)
        }
    }
}

private func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
