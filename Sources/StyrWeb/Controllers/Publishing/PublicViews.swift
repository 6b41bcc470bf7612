import Foundation
import StyrDomain
import StyrReports
import StyrServices

/// The view model of `public-index.mustache`: published reports by organisation.
struct PublicIndexView: Sendable {
    struct Entry: Sendable {
        var title: String
        var url: String
        var publishedOn: String
    }

    struct Organisation: Sendable {
        var name: String
        var entries: [Entry]
    }

    var organisations: [Organisation]

    init(_ published: [ReportWorkflowService.Published]) {
        var grouped: [(String, [Entry])] = []
        for entry in published {
            let item = Entry(title: entry.key.title, url: PublicReportController.path(entry.key),
                             publishedOn: entry.publishedAt.map { NorwegianFormat.date(CalendarDate($0)) } ?? "")
            if let index = grouped.firstIndex(where: { $0.0 == entry.organisationName }) {
                grouped[index].1.append(item)
            } else {
                grouped.append((entry.organisationName, [item]))
            }
        }
        organisations = grouped.map { Organisation(name: $0.0, entries: $0.1) }
    }
}

/// The view model of `public-report.mustache`: a published report with its tables' open data.
struct PublicReportView: Sendable {
    var title: String
    var organisationName: String
    var versionText: String
    var pdfURL: String
    var docxURL: String
    var blocks: [ReportBlockView]

    init(_ report: PublicReportService.Report, path: String) {
        title = report.document.title
        organisationName = report.document.organisationName
        versionText = "Publisert versjon \(report.version.number), sendt inn \(NorwegianFormat.date(CalendarDate(report.version.submittedAt)))."
        pdfURL = "\(path)/dokument/pdf"
        docxURL = "\(path)/dokument/docx"
        blocks = ReportBlockView.views(report.document.blocks) { "\(path)/tabeller/\($0)" }
    }
}
