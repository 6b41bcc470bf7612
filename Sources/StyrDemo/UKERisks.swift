import Foundation
import StyrDomain
import StyrStorage

/// UKE's risk register for 2020: EXAMPLE DATA. The seeds require a risk picture (first seed §4.1,
/// §4.3.1, §4.3.3) but hold no register; these risks are plausible ones for a municipal IT agency
/// in 2020, written for the demo, and every page that shows them says so («Eksempeldata»).
/// (The demo sends no risk-picture notice: the year file's dialogue is kept as the seeds give it.)
public enum UKERisks {
    static let owner = "redaktor@uke.styr.demo"

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    struct Example {
        var draft: RiskDraft
        /// Later assessments: date, inherent (S, K), residual (S, K), note.
        var later: [(String, (Int, Int), (Int, Int), String)]
        /// Measures as they stood in May and as they stand after September (status then and now).
        var measures: [(MeasureDraft, RiskMeasureStatus)]
    }

    static func examples() -> [Example] {
        func draft(_ title: String, _ description: String, cause: String, consequence: String, _ category: RiskCategory, owner: String,
                   links: [RiskLink], _ recorded: String, _ inherent: (Int, Int), _ residual: (Int, Int)) -> RiskDraft {
            RiskDraft(title: title, description: description, cause: cause, consequence: consequence, category: category, owner: owner, links: links,
                      recordedOn: date(recorded), likelihood: inherent.0, consequenceLevel: inherent.1, residualLikelihood: residual.0,
                      residualConsequenceLevel: residual.1)
        }
        func measure(_ text: String, _ owner: String, _ deadline: String, _ effect: String, _ before: RiskMeasureStatus, _ after: RiskMeasureStatus) -> (MeasureDraft, RiskMeasureStatus) {
            (MeasureDraft(description: text, owner: owner, deadline: date(deadline), status: before, expectedEffect: effect), after)
        }
        return [
            Example(
                draft: draft("Løsepengevirus rammer kommunens felles IKT-plattform",
                             "Et angrep med løsepengevirus krypterer filområder og fagsystemer på den felles plattformen UKE drifter for virksomhetene.",
                             cause: "Phishing, sårbarheter som ikke er tettet, og mange brukere på hjemmekontor.",
                             consequence: "Langvarig stans i tjenester til innbyggerne og tap av data.", .informationSecurity, owner: "Sikkerhetsleder",
                             links: [RiskLink(kind: .service, key: "Felles IKT-plattform")], "2020-01-15", (3, 5), (3, 4)),
                later: [("2020-09-10", (4, 5), (2, 5), "Flere angrep mot norske kommuner; frakoblet sikkerhetskopi er på plass.")],
                measures: [
                    measure("Frakoblet sikkerhetskopi av kritiske systemer", "Seksjonsleder drift", "2020-06-30", "Raskere gjenoppretting; lavere konsekvens.", .inProgress, .done),
                    measure("Segmentering av nettverket mellom virksomhetene", "Nettverksansvarlig", "2021-06-30", "Hindrer spredning; lavere sannsynlighet for at alle rammes.", .planned, .inProgress),
                ]),
            Example(
                draft: draft("Budsjettkutt og inntektstap som følge av koronapandemien",
                             "Pandemien gir lavere inntekter fra tjenestesalg og krav om kutt i rammen.",
                             cause: "Koronapandemien og kommunens samlede økonomi.", consequence: "Merforbruk og utsatte utviklingsprosjekter.", .finance,
                             owner: "Økonomisjef", links: [RiskLink(kind: .goal, key: "God økonomistyring")], "2020-04-01", (5, 3), (4, 3)),
                later: [("2020-09-10", (5, 3), (4, 3), "Kostnadsreduksjoner gjennomført, men inntektstapet består.")],
                measures: [
                    measure("Stans i nye ansettelser og reduksjon av innleie", "Etatsdirektør", "2020-08-31", "Lavere lønns- og innleiekostnader.", .inProgress, .done),
                ]),
            Example(
                draft: draft("Forsinket overgang til ny driftsavtale for IKT-infrastruktur",
                             "Overgangen til ny driftsleverandør tar lengre tid enn planlagt.",
                             cause: "Komplekse avhengigheter mellom fagsystemer og infrastruktur.", consequence: "Dobbel drift og høyere kostnader i overgangen.",
                             .operations, owner: "Avdelingsdirektør drift", links: [RiskLink(kind: .assignment, key: "Ny driftsavtale")], "2020-01-15", (4, 4), (3, 3)),
                later: [("2020-09-10", (3, 4), (2, 3), "Overgangen er i rute etter at flytteplanen ble revidert.")],
                measures: [
                    measure("Revidert flytteplan med leverandøren", "Avdelingsdirektør drift", "2020-05-31", "Færre overraskelser; lavere sannsynlighet.", .done, .done),
                ]),
            Example(
                draft: draft("Brudd på personvernet ved feil tilgangsstyring i fellesløsninger",
                             "Brukere får tilgang til personopplysninger de ikke skal ha, fordi tilganger ikke fjernes ved rolleskifte.",
                             cause: "Manuelle rutiner for å endre og fjerne tilganger.", consequence: "Avvik som må meldes til Datatilsynet; svekket tillit.",
                             .informationSecurity, owner: "Personvernombud", links: [RiskLink(kind: .service, key: "Felles identitets- og tilgangsstyring")],
                             "2020-01-15", (3, 4), (3, 3)),
                later: [],
                measures: [
                    measure("Kvartalsvis gjennomgang av privilegerte tilganger", "Sikkerhetsleder", "2020-03-31", "Avdekker tilganger som skulle vært fjernet.", .done, .done),
                ]),
            Example(
                draft: draft("Mangel på kritisk kompetanse innen sky og sikkerhet",
                             "UKE klarer ikke å rekruttere og beholde nok medarbeidere med kompetanse på skytjenester og sikkerhet.",
                             cause: "Stor etterspørsel i markedet og ansettelsesstopp.", consequence: "Forsinkede leveranser i oppdragene fra tildelingsbrevet.",
                             .goalAchievement, owner: "HR-sjef", links: [RiskLink(kind: .goal, key: "Digitale tjenester for innbyggerne")], "2020-01-15", (3, 3), (2, 3)),
                later: [],
                measures: []),
            Example(
                draft: draft("Høy belastning og sykefravær ved langvarig hjemmekontor",
                             "Langvarig hjemmekontor og høyt arbeidspress gir økt belastning.", cause: "Koronatiltak.", consequence: "Økt sykefravær.",
                             .hse, owner: "HR-sjef", links: [], "2020-04-01", (3, 2), (2, 2)),
                later: [("2020-09-10", (2, 2), (2, 2), "Sykefraværet er stabilt.")],
                measures: []),
        ]
    }

    /// Every record is created once (the demo's audit log holds only creations): the risks are
    /// stored as they stand after September, with their assessments through the year.
    static func load(into store: SQLGovernanceStore, organisationCode code: String = "UKE") async throws {
        for example in examples() {
            var risk = try RiskRules.record(example.draft, organisationCode: code, by: owner)
            for (measure, _) in example.measures { risk = try RiskRules.measure(risk, number: nil, measure) }
            risk.isExample = true
            var changed = risk
            for (day, inherent, residual, note) in example.later {
                changed = try RiskRules.assess(changed, AssessmentDraft(
                    date: date(day), likelihood: inherent.0, consequenceLevel: inherent.1, residualLikelihood: residual.0,
                    residualConsequenceLevel: residual.1, note: note), by: owner)
            }
            for (index, (measure, after)) in example.measures.enumerated() where measure.status != after {
                var draft = measure
                draft.status = after
                changed = try RiskRules.measure(changed, number: index + 1, draft)
            }
            try await store.save(changed)
        }
        var extra = try RiskRules.record(RiskDraft(
            title: "Svekket omdømme etter driftsavbrudd i felles e-post",
            description: "Gjentatte avbrudd i e-post og kalender svekker virksomhetenes tillit til UKE som leverandør.",
            cause: "Feil ved sertifikatfornyelse og manglende varsling.", consequence: "Virksomhetene søker egne løsninger.", category: .reputation,
            owner: "Kommunikasjonssjef", links: [RiskLink(kind: .service, key: "Felles e-post og kalender")], recordedOn: date("2020-09-15"),
            likelihood: 2, consequenceLevel: 3, residualLikelihood: 2, residualConsequenceLevel: 2), organisationCode: code, by: owner)
        extra = try RiskRules.measure(extra, number: nil, MeasureDraft(
            description: "Automatisk varsling før sertifikater utløper", owner: "Seksjonsleder drift", deadline: date("2020-10-31"), status: .inProgress,
            expectedEffect: "Hindrer at samme feil gjentar seg."))
        extra.isExample = true
        try await store.save(extra)
    }

    /// The records the demo adds to the audit log: each risk.
    public static var auditedRecords: Int { examples().count + 1 }
}
