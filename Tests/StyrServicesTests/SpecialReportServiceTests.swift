import StyrDomain
import StyrReports
import StyrServices
import StyrTestSupport
import Testing

/// Chapters 4–6 through the services: the demo's UKE 2020 figures, refusals, access, and the report.
@Suite("Special report service")
struct SpecialReportServiceTests {
    @Test("the demo's chapters 4–6 compute the seed's figures and name the 371/382/363 disagreement", arguments: TestDatabase.backends)
    func demo(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let chapters = try await services.specialReports.chapters(of: "UKE", year: 2020, by: users[ServiceTestApp.auditor])
            let total = try #require(SpecialReportFigures.agencyTotal(chapters.report.genderPay, year: 2020))
            #expect(total.count.total == 382)
            #expect(NorwegianFormat.percent(SpecialReportFigures.womenPayShare(total)!, decimals: 1) == "93,4 %")
            #expect(chapters.report.hse.workingTimeBreaches == 764)
            #expect(!chapters.canEdit)
            let headcounts = try #require(chapters.findings.first { $0.kind == .headcounts })
            for figure in ["371", "382", "363"] { #expect(headcounts.message.contains(figure)) }
            #expect(headcounts.request != nil)
            #expect(chapters.data.consultants.source == .entered)

            let report = try await services.annualReports.annualReport(of: "UKE", year: 2020, by: users[ServiceTestApp.auditor]).report
            let markdown = MarkdownRenderer.render(report)
            for text in ["382", "93,4 %", "764", "5,2 %", "6,7 %", "-1,5", "18,40", "11,80", "Tabell 4.7.2. Kjønn og lønn", "Miljøfyrtårn",
                         "Rapport 06/2020", "6.1 Utkvittering", "Forklaring mangler"] {
                #expect(markdown.contains(text), "\(text)")
            }
            let html = HTMLRenderer().annualReportDocument(report)
            #expect(html.contains("Tabell 4.8.1. Konsulentbruk drift") && html.contains("93,4 %"))
        }
    }

    @Test("a share above 100 % is refused and nothing changes; who may write", arguments: TestDatabase.backends)
    func refusalsAndAccess(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            let before = try await services.specialReports.chapters(of: "UKE", year: 2020, by: editor).report
            let tooHigh = SpecialReportPart.sickLeave([SickLeaveRow(group: .total, previousResult: nil, target: Quantity(7), result: Quantity(101))])
            do {
                try await services.specialReports.save(tooHigh, of: "UKE", year: 2020, by: editor)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["sickLeave"])
            }
            #expect(try await services.specialReports.chapters(of: "UKE", year: 2020, by: editor).report == before)
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.specialReports.save(.headcountExplanation("x"), of: "UKE", year: 2020, by: users[email])
                }
            }
            await #expect(throws: ServiceError.unauthenticated) {
                try await services.specialReports.save(.headcountExplanation("x"), of: "UKE", year: 2020, by: nil)
            }
            let saved = try await services.specialReports.save(
                .headcountExplanation("Tabell 1 teller 01.01.2021, tabell 4.7.2 hele året."), of: "UKE", year: 2020, by: editor)
            #expect(saved.headcountExplanation != nil)
            let after = try await services.specialReports.chapters(of: "UKE", year: 2020, by: editor)
            #expect(after.findings.first { $0.kind == .headcounts }?.request == nil)
        }
    }

    @Test("tracked items: recorded by department or agency, closed only with a reference", arguments: TestDatabase.backends)
    func trackedItems(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let draft = TrackedItemDraft(source: .cityCouncil, title: "Verbalvedtak 12", date: CalendarDate(year: 2021, month: 3, day: 1),
                                         text: "Bystyret ber om en plan.", responsible: "Etatsdirektør", measures: "Plan under arbeid.")
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.trackedItems.record(draft, in: "UKE", by: users[email])
                }
            }
            let item = try await services.trackedItems.record(draft, in: "UKE", by: fin)
            let id = try #require(item.id)
            do {
                try await services.trackedItems.close(id, reference: "", on: CalendarDate(year: 2021, month: 4, day: 1), in: "UKE", by: users[ServiceTestApp.editor])
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["closedReference"])
            }
            #expect(try await services.trackedItems.item(id, of: "UKE", by: fin).item.status == .open)
            let closed = try await services.trackedItems.close(
                id, reference: "Byrådssak 45/21", on: CalendarDate(year: 2021, month: 4, day: 1), in: "UKE", by: users[ServiceTestApp.editor])
            #expect(closed.status == .closed && closed.closedReference == "Byrådssak 45/21")
            let listing = try await services.trackedItems.list(of: "UKE", by: users[ServiceTestApp.auditor])
            #expect(listing.items.count == 3 && !listing.canWrite)
        }
    }
}
