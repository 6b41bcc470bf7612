import Foundation
import StyrDomain
import Testing

/// The one report workflow: every step allowed or refused by role and state; the agency never
/// approves itself; texts are frozen once submitted; the diff of a resubmission.
@Suite("Report workflow rules")
struct ReportWorkflowRulesTests {
    static let tree = OrganisationTree([
        Organisation(code: "OSLO", name: "Oslo kommune", kind: .municipality, parentCode: nil),
        Organisation(code: "FIN", name: "Byrådsavdeling for finans", kind: .department, parentCode: "OSLO"),
        Organisation(code: "BLK", name: "Byrådsavdeling for kultur", kind: .department, parentCode: "OSLO"),
        Organisation(code: "UKE", name: "Utviklings- og kompetanseetaten", kind: .agency, parentCode: "FIN"),
    ])
    static func user(_ role: Role, _ code: String) -> UserAccount {
        UserAccount(email: "\(role.rawValue)@\(code)", name: role.norwegianName, assignments: [RoleAssignment(role: role, organisationCode: code)])
    }
    static let editor = user(.agencyEditor, "UKE"), leader = user(.agencyLeader, "UKE"), steerer = user(.departmentSteerer, "FIN")
    static let otherSteerer = user(.departmentSteerer, "BLK"), auditor = user(.auditor, "OSLO"), agencyAdmin = user(.admin, "UKE")
    static let admin = user(.admin, "OSLO")
    static let key = ReportKey(organisationCode: "UKE", year: 2020, kind: .tertial, period: "t2")
    static let now = Date(timeIntervalSince1970: 1_600_000_000)

    func apply(_ action: ReportAction, _ workflow: ReportWorkflow, _ user: UserAccount, comment: String? = nil) throws(ReportWorkflowRefusal) -> ReportWorkflow {
        try ReportWorkflowRules.apply(action, to: workflow, by: user, in: Self.tree, at: Self.now, comment: comment)
    }

    func refusal(_ action: ReportAction, _ workflow: ReportWorkflow, _ user: UserAccount, comment: String? = nil) -> ReportWorkflowRefusal? {
        do {
            _ = try apply(action, workflow, user, comment: comment)
            return nil
        } catch {
            return error
        }
    }

    @Test("who may take which step, by role")
    func permittedByRole() {
        let permitted = { (user: UserAccount) in ReportWorkflowRules.permittedActions(of: user, on: "UKE", in: Self.tree) }
        #expect(permitted(Self.editor).isEmpty)
        #expect(permitted(Self.leader) == [.submit])
        #expect(permitted(Self.steerer) == [.returnForChanges, .approve, .publish])
        #expect(permitted(Self.otherSteerer).isEmpty)
        #expect(permitted(Self.auditor).isEmpty)
        // An administrator of the agency itself submits but never decides on the agency's report.
        #expect(permitted(Self.agencyAdmin) == [.submit])
        #expect(permitted(Self.admin) == Set(ReportAction.allCases))
    }

    @Test("draft → submitted → returned → submitted → approved → published, each step by its role, audited with who and when")
    func fullWalk() throws {
        var workflow = ReportWorkflow(key: Self.key)
        #expect(refusal(.submit, workflow, Self.editor) == .notPermitted("Bare etatslederen kan sende inn rapporten; redaktøren skriver utkastet."))
        #expect(refusal(.approve, workflow, Self.steerer)?.description.contains("kan ikke godkjennes nå") == true)
        workflow = try apply(.submit, workflow, Self.leader)
        #expect(workflow.state == .submitted && workflow.versionCount == 1)
        #expect(workflow.steps.last == ReportStep(action: .submit, by: Self.leader.email, at: Self.now, version: 1))
        #expect(refusal(.submit, workflow, Self.leader)?.description.contains("kan ikke sendes inn nå") == true)
        #expect(refusal(.approve, workflow, Self.leader) == .notPermitted(
            "Bare byrådsavdelingen som styrer etaten kan godkjenne rapporten; etaten kan ikke godkjenne sin egen rapport."))
        #expect(refusal(.approve, workflow, Self.agencyAdmin) != nil)
        #expect(refusal(.approve, workflow, Self.otherSteerer) != nil)
        #expect(refusal(.returnForChanges, workflow, Self.steerer, comment: "  ") == .missingComment("Skriv hva etaten skal endre før rapporten returneres."))
        workflow = try apply(.returnForChanges, workflow, Self.steerer, comment: " Utdyp avviket. ")
        #expect(workflow.state == .returned && workflow.returnComment == "Utdyp avviket.")
        #expect(refusal(.publish, workflow, Self.steerer) != nil)
        workflow = try apply(.submit, workflow, Self.leader)
        #expect(workflow.versionCount == 2 && workflow.returnedVersionBeforeLatest == 1)
        workflow = try apply(.approve, workflow, Self.steerer)
        #expect(workflow.state == .approved)
        #expect(refusal(.publish, workflow, Self.leader) != nil)
        workflow = try apply(.publish, workflow, Self.steerer)
        #expect(workflow.state == .published)
        #expect(workflow.steps.map(\.action) == [.submit, .returnForChanges, .submit, .approve, .publish])
        #expect(workflow.steps.map(\.by) == [Self.leader.email, Self.steerer.email, Self.leader.email, Self.steerer.email, Self.steerer.email])
        #expect(ReportWorkflowRules.availableActions(workflow, for: Self.steerer, in: Self.tree).isEmpty)
    }

    @Test("the buttons: the actions possible now for the person")
    func available() throws {
        let draft = ReportWorkflow(key: Self.key)
        #expect(ReportWorkflowRules.availableActions(draft, for: Self.leader, in: Self.tree) == [.submit])
        #expect(ReportWorkflowRules.availableActions(draft, for: Self.steerer, in: Self.tree).isEmpty)
        let submitted = try apply(.submit, draft, Self.leader)
        #expect(ReportWorkflowRules.availableActions(submitted, for: Self.steerer, in: Self.tree) == [.returnForChanges, .approve])
        #expect(ReportWorkflowRules.availableActions(submitted, for: Self.leader, in: Self.tree).isEmpty)
    }

    @Test("texts are edited by the agency as a draft or when returned, never once submitted")
    func texts() throws {
        var workflow = try ReportWorkflowRules.editTexts(
            [ReportText(key: "sammendrag", body: " Godt tertial. "), ReportText(key: "risiko", body: "")], of: ReportWorkflow(key: Self.key),
            by: Self.editor, in: Self.tree)
        #expect(workflow.texts == [ReportText(key: "sammendrag", body: "Godt tertial.")])
        #expect(throws: ReportWorkflowRefusal.notPermitted("Bare etaten skriver rapportens tekster.")) {
            try ReportWorkflowRules.editTexts([], of: workflow, by: Self.steerer, in: Self.tree)
        }
        workflow = try apply(.submit, workflow, Self.leader)
        do {
            _ = try ReportWorkflowRules.editTexts([ReportText(key: "sammendrag", body: "Endret")], of: workflow, by: Self.editor, in: Self.tree)
            Issue.record("refused")
        } catch {
            #expect(error.description.contains("den innsendte versjonen står fast"))
        }
        workflow = try apply(.returnForChanges, workflow, Self.steerer, comment: "Mer om risiko")
        workflow = try ReportWorkflowRules.editTexts([ReportText(key: "risiko", body: "Tiltak")], of: workflow, by: Self.editor, in: Self.tree)
        #expect(workflow.texts.map(\.key) == ["sammendrag", "risiko"])
    }

    @Test("the diff of a resubmission: sections by heading, lines kept, added and removed")
    func diff() {
        func version(_ number: Int, _ sections: [ReportSnapshotSection]) -> ReportVersion {
            ReportVersion(key: Self.key, number: number, submittedBy: "l", submittedAt: Self.now,
                          snapshot: ReportSnapshot(title: "T", sections: sections, markdown: ""))
        }
        let old = version(1, [
            ReportSnapshotSection(heading: "Sammendrag", lines: ["A", "B", "C"]),
            ReportSnapshotSection(heading: "Gammel", lines: ["X"]),
            ReportSnapshotSection(heading: "Risiko", lines: ["R"]),
        ])
        let new = version(2, [
            ReportSnapshotSection(heading: "Sammendrag", lines: ["A", "B2", "C"]),
            ReportSnapshotSection(heading: "Risiko", lines: ["R"]),
            ReportSnapshotSection(heading: "Ny", lines: ["N"]),
        ])
        let diff = ReportDiff.between(old, new)
        #expect(diff.hasChanges && diff.fromVersion == 1 && diff.toVersion == 2)
        #expect(diff.sections.map(\.heading) == ["Sammendrag", "Gammel", "Risiko", "Ny"])
        #expect(diff.sections.map(\.change) == [.changed, .removed, .unchanged, .added])
        #expect(diff.sections[0].lines.map(\.kind) == [.kept, .removed, .added, .kept])
        #expect(diff.sections[0].lines.map(\.text) == ["A", "B", "B2", "C"])
        #expect(!ReportDiff.between(old, old).hasChanges)
    }

    @Test("report periods: t1–t3 and m01–m12; the periods the letter names")
    func periods() {
        #expect(ReportPeriod(code: "t2") == .tertial(2))
        #expect(ReportPeriod(code: "m04") == .month(4) && ReportPeriod(code: "m4") == .month(4) && ReportPeriod(code: "m12") == .month(12))
        for bad in ["t4", "t0", "m13", "m00", "x2", "t", "m004", "t+2", "m-1"] { #expect(ReportPeriod(code: bad) == nil, "\(bad)") }
        #expect(ReportPeriod.month(4).code == "m04" && ReportPeriod.tertial(2).title(year: 2020) == "2. tertial 2020")
        let requirements = [
            ReportingRequirement(report: "Regnskapsrapport med prognose", period: "per april 2020", due: CalendarDate(year: 2020, month: 5, day: 15)),
            ReportingRequirement(report: "2. tertialrapport", period: "per 31.08.2020", due: CalendarDate(year: 2020, month: 9, day: 25)),
            ReportingRequirement(report: "Årsberetning", period: "2020", due: CalendarDate(year: 2021, month: 2, day: 15)),
        ]
        #expect(ReportPeriod.named(in: requirements) == [.month(4), .tertial(2)])
        #expect(ReportPeriod.named(in: []) == [.tertial(1), .tertial(2)])
    }

    @Test("a snapshot's sections from its Markdown")
    func sections() {
        let sections = ReportSnapshot.sections(ofMarkdown: "# Tittel\n\n_under_\n\n## Del\n\nLinje 1\n\nLinje 2\n### Under\n\\# ikke\n")
        #expect(sections == [
            ReportSnapshotSection(heading: "Tittel", lines: ["_under_"]),
            ReportSnapshotSection(heading: "Del", lines: ["Linje 1", "Linje 2"]),
            ReportSnapshotSection(heading: "Under", lines: ["\\# ikke"]),
        ])
    }
}
