import Foundation
import StyrDomain
import StyrServices
import StyrStorage

/// UKE's report for the 2. tertial 2020: EXAMPLE TEXTS (each marked «Eksempel»), written for the
/// demo since the seeds hold no tertial report; the figures are computed from the demo's data.
/// Written, submitted, approved and published through the services as the demo's editor, leader
/// and FIN's steerer, so every step is in the audit log, the submitted version is frozen, and the
/// public pages (`/offentlig`) have a published report to show.
public enum UKETertialReport {
    /// The audit entries it writes: the texts (the workflow created), the submission (the
    /// workflow and its frozen version), the approval and the publication.
    public static let auditedRecords = 5

    static let key = ReportKey(organisationCode: "UKE", year: 2020, kind: .tertial, period: "t2")

    static func user(_ email: String) -> UserAccount {
        guard let user = DemoUsers.users.first(where: { $0.email == email }) else { preconditionFailure("no demo user \(email)") }
        return user
    }

    static let texts: [ReportText] = [
        ReportText(key: "sammendrag", body: """
            Eksempel: UKE leverer i hovedsak som planlagt per 31. august 2020. Koronapandemien har gitt et kraftig økt behov for \
            hjemmekontor, videomøter og digitale tjenester, og etaten har prioritert dette høsten 2020.

            Eksempel: Prognosen for året viser et mindreforbruk på driften, hovedsakelig fordi planlagte kurs og reiser er avlyst.
            """),
        ReportText(key: "maloppnaelse", body: """
            Eksempel: De fleste resultatindikatorene ligger innenfor måltallene. Oppetiden på felles plattform er som ventet; \
            brukertilfredsheten måles i fjerde kvartal.
            """),
        ReportText(key: "oppdrag", body: "Eksempel: Oppdragene i tildelingsbrevet følges opp i statusoppdateringene under hvert oppdrag."),
        ReportText(key: "okonomi", body: """
            Eksempel: Avvikene mellom regulert budsjett og prognose skyldes i hovedsak lavere kjøp av kurs og reiser og forsinkede \
            innkjøp av utstyr. Avvikene er forklart per post i regnskapsrapporten.
            """),
        ReportText(key: "risiko", body: """
            Eksempel: Risikoen for løsepengevirus er vurdert som den mest alvorlige. Frakoblet sikkerhetskopi er etablert, og \
            tiltak for flerfaktorautentisering gjennomføres i høst.
            """),
        ReportText(key: "avvik", body: "Eksempel: Etaten har ikke andre vesentlige avvik enn dem som er omtalt over."),
    ]

    /// Writes, submits, approves and publishes the report. Runs after the demo's ledger lines are in place,
    /// so the frozen accounting part holds the actuals.
    public static func load(into database: Database) async throws {
        let workflows = Services(storage: SQLStorage(database, bcryptCost: 4)).reportWorkflows
        try await workflows.saveTexts(texts, for: key, by: user("redaktor@uke.styr.demo"))
        try await workflows.submit(key, by: user("leder@uke.styr.demo"), at: osloTime("2020-09-24T10:00:00+02:00"))
        try await workflows.approve(
            key, comment: "Eksempel: Godkjent. Byrådsavdelingen ber om en nærmere omtale av informasjonssikkerheten i årsberetningen.",
            by: user("etatsstyrer@fin.styr.demo"), at: osloTime("2020-10-06T14:00:00+02:00"))
        try await workflows.publish(key, by: user("etatsstyrer@fin.styr.demo"), at: osloTime("2020-10-08T09:00:00+02:00"))
    }

    static func osloTime(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { preconditionFailure("bad demo time \(text)") }
        return date
    }
}
