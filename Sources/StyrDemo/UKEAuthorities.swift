import StyrDomain
import StyrStorage

/// UKE's delegated authorities as the first seed lists them (§3.3 *UKEs fullmakter*: "har FIN gitt
/// følgende fullmakter til etatsdirektør i UKE"). Holder, scope, legal basis and limits are the
/// seed's words. The seed gives no start dates: every entry is valid from 22.03.2024, the date
/// the mission statement that lists them was fixed (an example, not a date from the seed).
public enum UKEAuthorities {
    static let holder = "Etatsdirektør i UKE"
    /// Example: the date the seed's mission statement was fixed, not a start date stated in the seed.
    static let validFrom = CalendarDate(year: 2024, month: 3, day: 22)

    public static func authorities(of code: String) -> [DelegatedAuthority] {
        func entry(_ scope: String, _ kind: LegalBasisKind, _ reference: String, limits: String = "") -> DelegatedAuthority {
            DelegatedAuthority(
                organisationCode: code, holder: holder, scope: scope, legalBasis: LegalBasis(kind: kind, reference: reference), limits: limits,
                validFrom: validFrom)
        }
        return [
            entry("Inngå fellesavtaler («samkjøpsavtaler») på vegne av Oslo kommune, og beslutte hvilke varer og tjenester det skal inngås fellesavtale om.",
                  .councilDecision,
                  "Byrådssak 1295/03 om opprettelsen av Utviklings- og kompetanseetaten, vedtakspunkt 2; byrådens sak 02/24, jf. byrådssak 1059/13, vedtakspunkt 6"),
            entry("Foreta nødvendige endringer i standard kontraktsvilkår og standardkontrakter som følger av Oslomodellen.",
                  .councilDecision, "Byrådens sak 06/23, jf. byrådssak 1031/23"),
            entry("Intern leverandørs ansvar, oppgaver og fullmakter.",
                  .regulation, "Reglement for informasjons- og kommunikasjonsteknologi og informasjonssikkerhet i Oslo kommune, kapittel 7"),
            entry("Inngå tjenesteavtaler med kommunens virksomheter og systemeiere om drift av systemer, og imøtekomme bestillinger fra virksomheter/systemeiere.",
                  .regulation, "IKT-reglementet",
                  limits: "Innenfor rammene av IKT-reglementet og øvrig lov og regelverk som gjelder for Oslo kommune."),
            entry("Inngå driftsavtaler med eksterne leverandører på Oslo kommunes vegne.",
                  .regulation, "IKT-reglementet",
                  limits: "Med utgangspunkt i intern leverandørs tjenesteavtaler med virksomheter og systemeiere."),
            entry("Gi overtallige tilbud om etterlønn.",
                  .regulation, "Prosedyre for bemanningsreduksjoner (vedlegg til budsjettet), punkt 3",
                  limits: "Inntil 12 måneders etterlønn, dersom de selv sier opp sin stilling med øyeblikkelig virkning."),
            entry("Vurdere om en søker til stilling i kommunen fyller vilkårene for å bli ansett som overtallig med fortrinnsrett, og om vedkommende kan anses kvalifisert for stillingen.",
                  .notFormalised, "Avtale om omplassering av overtallige § 7.2.2"),
        ]
    }

    /// Adds the register to the demo (inside the demo's transaction, audited as the demo).
    static func load(into store: SQLGovernanceStore, organisationCode: String = "UKE") async throws {
        for authority in authorities(of: organisationCode) { try await store.save(authority) }
    }
}
