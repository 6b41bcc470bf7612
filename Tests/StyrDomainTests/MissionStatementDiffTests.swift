import Testing
@testable import StyrDomain

@Suite("Mission statement differences")
struct MissionStatementDiffTests {
    static func mission(version: Int, sections: [MissionSection], authorities: [Authority]) -> MissionStatement {
        MissionStatement(
            organisationCode: "UKE", version: version, title: "UKEs samfunnsoppdrag", fixedOn: CalendarDate(year: 2024, month: 3, day: 22),
            fixedByCode: "FIN", sections: sections, coreTasks: [], targetGroups: ["Virksomhetene"], authorities: authorities,
            fundingSources: [], revisionTriggers: [])
    }

    @Test("unchanged paragraphs stay, changed ones are removed and added, new sections and authorities show")
    func diff() {
        let old = Self.mission(version: 1, sections: [
            MissionSection(number: "1", heading: "Innledning", body: "Første avsnitt.\n\nAndre avsnitt.\n\nTredje avsnitt."),
            MissionSection(number: "2", heading: "Ansvar", body: "Uendret."),
        ], authorities: [Authority(description: "Inngå samkjøpsavtaler", legalBasis: "byrådssak 1295/03")])
        let new = Self.mission(version: 2, sections: [
            MissionSection(number: "1", heading: "Innledning", body: "Første avsnitt.\n\nAndre avsnitt, revidert.\n\nTredje avsnitt."),
            MissionSection(number: "2", heading: "Ansvar", body: "Uendret."),
            MissionSection(number: "5", heading: "Ny del", body: "Helt ny tekst."),
        ], authorities: [Authority(description: "Inngå samkjøpsavtaler", legalBasis: "byrådssak 1295/03, byrådens sak 02/24")])
        let diff = MissionStatementDiff(from: old, to: new)
        #expect(diff.changedParts.map(\.title) == ["1 Innledning", "5 Ny del", "Fullmakter"])
        let intro = diff.changedParts[0].lines
        #expect(intro.map(\.kind) == [.same, .same, .removed, .added, .same])
        #expect(intro[2].text == "Andre avsnitt." && intro[3].text == "Andre avsnitt, revidert.")
        #expect(diff.changedParts[1].lines.allSatisfy { $0.kind == .added })
        #expect(diff.changedParts[2].lines.map(\.kind) == [.removed, .added])
        #expect(MissionStatementDiff(from: old, to: old).changedParts.isEmpty)
    }
}
