import Hummingbird
import HummingbirdTesting
import StyrTestSupport
import Testing

@testable import StyrWeb

/// The report pages' download links: a file for a year with data, a 404 page saying why for a
/// year (or period) without.
@Suite("Report documents from the pages")
struct ReportDocumentPageTests {
    @Test("a document for a year without data is a 404 page that names the year")
    func noData() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            var response = try await auditor.get("/organisasjoner/UKE/arsberetning/2020/dokument/md")
            #expect(response.status == .ok && response.headers[.contentDisposition] == "attachment; filename=\"arsberetning-UKE-2020.md\"")
            response = try await auditor.get("/organisasjoner/UKE/arsberetning/2031/dokument/docx")
            #expect(response.status == .notFound)
            var page = String(buffer: response.body)
            #expect(page.contains("Kan ikke lage årsberetningen") && page.contains("har verken budsjett, regnskap eller resultater for 2031."))
            response = try await auditor.get("/organisasjoner/UKE/tertialrapport/2031/t2/dokument/pdf")
            #expect(response.status == .notFound)
            page = String(buffer: response.body)
            #expect(page.contains("Kan ikke lage tertialrapporten") && page.contains("ingen rapport å laste ned"))
        }
    }
}
