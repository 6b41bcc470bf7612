import StyrDomain
import StyrReports

extension TertialReportService {
    /// The risks above the organisation's acceptance level at the period's end, with their
    /// assessment then and their measures (the risk register's rule `RiskRules.aboveAcceptance`).
    static func riskPart(_ repositories: Repositories, code: String, end: CalendarDate) async throws -> TertialReport.RiskPart {
        let settings = try await repositories.governance.riskSettings(of: code)
        let risks = try await repositories.governance.risks(of: code)
        let above = RiskRules.aboveAcceptance(risks, on: end, settings: settings)
        let acceptance = "Akseptnivå: risikoer med risikotall over \(settings.acceptanceLevel) (sannsynlighet × konsekvens etter tiltak) tas med."
        let note: String? = risks.isEmpty
            ? "Risikoregisteret er tomt per \(NorwegianFormat.date(end)). Risikoer registreres i etatens risikoregister."
            : (above.isEmpty ? "Ingen risikoer var over akseptnivået per \(NorwegianFormat.date(end))." : nil)
        return TertialReport.RiskPart(note: note, acceptance: acceptance, risks: above.map { item in
            TertialReport.RiskLine(
                title: item.risk.title, category: item.risk.category.norwegianName, owner: item.risk.owner,
                inherent: "\(item.assessment.inherent.description) (\(item.assessment.inherent.band.norwegianName.lowercased()))",
                residual: "\(item.assessment.residual.description) (\(item.assessment.residual.band.norwegianName.lowercased()))",
                measures: item.measures.map { "\($0.description) (\($0.owner), frist \(NorwegianFormat.date($0.deadline)), \($0.status.norwegianName.lowercased()))" },
                isExample: item.risk.isExample)
        })
    }
}
