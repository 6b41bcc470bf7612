import Foundation
import StyrDomain
import StyrStorage

/// UKE's internal control plan for 2020: EXAMPLE DATA. The seeds ask for sound internal control
/// (first seed §2 e), second seed §2.3) but hold no plan; these controls, executions, deviations
/// are written for the demo, and every page that shows them says so
/// («Eksempeldata»). Loaded after `UKERisks`, so a control can name a risk.
public enum UKEInternalControl {
    static let by = "redaktor@uke.styr.demo"

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// The controls the demo adds (each one record in the audit log).
    public static let auditedRecords = 6

    static func load(into store: SQLGovernanceStore, organisationCode code: String = "UKE", year: Int = 2020) async throws {
        let controls = try await store.isoControls()
        let risks = try await store.risks(of: code)
        let riskIDs = Set(risks.compactMap(\.id))
        let ransomware = risks.first { $0.title.hasPrefix("Løsepengevirus") }?.id.map(String.init) ?? ""
        func add(_ draft: ControlDraft, _ executions: [ExecutionDraft], closing: [(Int, String, String)] = []) async throws -> ControlActivity {
            var activity = try InternalControlRules.control(draft, organisationCode: code, year: year, existing: nil, isoControls: controls, riskIDs: riskIDs)
            for execution in executions { activity = try InternalControlRules.execute(activity, execution, by: by) }
            for (number, day, note) in closing {
                activity = try InternalControlRules.closeDeviation(activity, execution: number, on: date(day), note: note, by: by)
            }
            activity.isExample = true
            activity.id = try await store.save(activity)
            return activity
        }
        _ = try await add(
            ControlDraft(title: "Gjennomgang av privilegerte tilganger", requirementKind: .isoControl, requirementReference: "A.8.2",
                         frequency: .quarterly, responsible: "Sikkerhetsleder"),
            [ExecutionDraft(date: date("2020-03-27"), result: .inOrder, note: "Alle administratortilganger er begrunnet."),
             ExecutionDraft(date: date("2020-06-26"), result: .deviation, deviationDescription: "Tre administratorkontoer tilhørte medarbeidere som hadde sluttet.",
                            deviationMeasure: "Kontoene sperres, og HR varsler sikkerhetsleder ved hver fratredelse."),
             ExecutionDraft(date: date("2020-09-25"), result: .inOrder, note: "Ingen tilganger uten gyldig begrunnelse.")],
            closing: [(2, "2020-07-10", "Kontoene er sperret, og varslingsrutinen er innført.")])
        _ = try await add(
            ControlDraft(title: "Test av gjenoppretting fra sikkerhetskopi", requirementKind: .isoControl, requirementReference: "8.13",
                         frequency: .halfYearly, responsible: "Seksjonsleder drift"),
            [ExecutionDraft(date: date("2020-05-12"), result: .inOrder, note: "Fagsystem for byggesak gjenopprettet på 3 timer.")])
        _ = try await add(
            ControlDraft(title: "Oppfølging av driftsleverandørens sikkerhetsrapport", requirementKind: .isoControl, requirementReference: "A.5.22",
                         frequency: .yearly, responsible: "Avtaleforvalter"),
            [ExecutionDraft(date: date("2020-10-15"), result: .deviation,
                            deviationDescription: "Rapporten mangler resultatene av leverandørens sårbarhetsskanning for 3. kvartal.",
                            deviationMeasure: "Avviket tas opp i neste kontraktsmøte; rapporten etterspørres skriftlig.")])
        _ = try await add(
            ControlDraft(title: "Attestasjon og anvisning av inngående fakturaer", requirementKind: .instruction,
                         requirementReference: "Økonomireglementet for Oslo kommune (attestasjon og anvisning)", frequency: .monthly, responsible: "Controller"),
            (1...12).map { ExecutionDraft(date: CalendarDate(year: year, month: $0, day: 25), result: .inOrder, note: "Stikkprøve av 20 fakturaer.") })
        _ = try await add(
            ControlDraft(title: "Protokoll over behandlingsaktiviteter er oppdatert", requirementKind: .act,
                         requirementReference: "Personvernforordningen artikkel 30", frequency: .yearly, responsible: "Personvernombud"),
            [ExecutionDraft(date: date("2020-11-20"), result: .inOrder, note: "Protokollen er gjennomgått med systemeierne.")])
        if !ransomware.isEmpty {
            // Loaded after the risks; without them the plan has five controls.
            _ = try await add(
                ControlDraft(title: "Øvelse i håndtering av løsepengevirus", requirementKind: .risk, requirementReference: ransomware,
                             frequency: .yearly, responsible: "Sikkerhetsleder"),
                [ExecutionDraft(date: date("2020-09-03"), result: .inOrder, note: "Skrivebordsøvelse med beredskapsledelsen.")])
        }
    }
}
