import Foundation
import StyrDomain
import StyrReports

/// Published reports for everyone, without login: the index of what the report workflow has
/// published (`ReportWorkflowService.published`), each report's frozen version as a document,
/// and its tables as open data. Nothing unpublished is reachable here: every read goes through
/// `ReportWorkflowService.publishedVersion`, which refuses what is not published.
public struct PublicReportService: Sendable {
    let workflows: ReportWorkflowService

    public init(storage: any Storage) { workflows = ReportWorkflowService(storage: storage) }

    public struct Report: Sendable {
        public var key: ReportKey
        public var version: ReportVersion
        public var document: ReportDocument
        public var tables: [ReportTable]
    }

    /// Published annual and tertial reports, by organisation and newest year first.
    public func index() async throws -> [ReportWorkflowService.Published] {
        try await workflows.published().filter { $0.key.kind == .annual || $0.key.kind == .tertial }
            .sorted { ($0.organisationName, -$0.key.year, $0.key.period) < ($1.organisationName, -$1.key.year, $1.key.period) }
    }

    /// The published version of a report as a document; not found unless published.
    public func report(_ key: ReportKey) async throws -> Report {
        let version = try await workflows.publishedVersion(key)
        let document: ReportDocument
        switch key.kind {
        case .tertial:
            document = try TertialReportService.frozenReport(version).document
        case .annual:
            guard let model = version.snapshot.model, let decoded = try? JSONDecoder().decode(ReportDocument.self, from: Data(model.utf8)) else {
                throw ServiceError.notFound("\(key.title) ble publisert uten tabellene; be byrådsavdelingen publisere den på nytt.")
            }
            document = decoded
        case .accounting:
            throw ServiceError.notFound("Regnskapsrapporter publiseres ikke her.")
        }
        return Report(key: key, version: version, document: document, tables: ReportTable.tables(of: document))
    }
}
