import StyrDomain

extension DemoData {
    /// The agency's own text for the annual report 2020, from the seed. Sentences that state a
    /// figure Styr can compute (the underspend, the change from 2019) are left out: the report
    /// generates them from the data.
    public static let narratives: [Narrative] = [
        Narrative(
            organisationCode: agencyCode, year: year, key: "leders-beretning", title: "Leders beretning",
            body: """
            Året 2020 har vært sterkt preget av korona. Utviklings- og kompetanseetaten (UKE) har, som resten av virksomhetene i kommunen, jobbet iherdig for å ivareta de utfordringene en pandemi skaper, både som arbeidsgiver og som leverandør av kritiske tjenester.

            Pandemien har medført både budsjettkutt og betydelige inntektstap. Inngripende tiltak og omfattende kostnadsreduksjoner har vært nødvendig for å bringe etaten i økonomisk balanse ved utgangen av 2020.

            For å møte rammebetingelsene i økonomiplanperioden har UKE også gjennomført organisatoriske justeringer på alle nivåer. Endringene forenkler og tydeliggjør ansvar for de tjenestene UKE leverer, og legger til rette for bedre og mer effektiv faglig, økonomisk og administrativ styring.

            Bjørn Marthinsen, konstituert etatsdirektør
            """),
        Narrative(
            organisationCode: agencyCode, year: year, key: "ansvarsomrade", title: "Ansvarsområde",
            body: """
            UKE er kommunens interne tjenesteleverandør. Etaten ivaretar konsernovergripende utviklings-, forvaltnings- og driftsoppgaver, som skal understøtte de tjenester kommunes virksomheter leverer til innbyggere og næringsliv.

            UKE leverer applikasjonsdrift og IKT-infrastruktur til kommunens virksomheter i henhold til inngåtte tjenesteavtaler. Etaten har dessuten ansvar for drift av felles IKT-plattform, samt applikasjons- og integrasjonsplattform som også understøtter kommunens digitale tjenester.
            """),
        Narrative(
            organisationCode: agencyCode, year: year, key: "bemanning-kommentar", title: "Kommentar til bemanning",
            body: "Økningen i antall årsverk fra januar til desember 2020 skyldes rekruttering av fast ansatte fremfor innleie av eksterne konsulenter."),
        Narrative(
            organisationCode: agencyCode, year: year, key: "situasjonsbeskrivelse", title: "Situasjonsbeskrivelse",
            body: """
            UKE har i løpet av 2020 gjennomgått organiseringen av etaten, og iverksatt ny organisasjonsstruktur på alle nivåer fra og med 2021.

            Parallelt med de organisatoriske justeringene og endringsprosessen har etaten gjennomgått aktivitetsnivået på tjenesteområdene for å sikre samsvar mellom økonomiske rammer og kostnader på alle nivåer.
            """),
        Narrative(
            organisationCode: agencyCode, year: year, key: "styring-og-kontroll", title: "Styring og kontroll",
            body: """
            Overordnet internkontroll i UKE formaliseres gjennom et internkontrollsystem, der aktiviteter utformes, gjennomføres, dokumenteres og følges opp. Internkontrollen har en risikobasert tilnærming til styringssvikt, feil og mangler i arbeidsprosesser og manglende etterlevelse.

            UKE etterstreber å være i henhold til IEC/ISO 27001, den internasjonale standarden for håndtering av informasjonssikkerhet. Etaten har implementert et styringssystem for informasjonssikkerhet.
            """),
        Narrative(
            organisationCode: agencyCode, year: year, key: "drift-avviksforklaring", title: "Årsaksforklaring til avvik mellom regulert budsjett og regnskap",
            body: "Årsak til det store avviket per artsgruppe mellom regulert budsjett og regnskap skyldes fordelingen i tildelingen på artsgrupper i Sak 1. Fordelingen mellom artsgruppene er endret fra og med budsjett 2021. I hovedsak skyldes det positive avviket at Utviklings- og kompetanseetaten fikk tilført midler i løpet av året."),
        Narrative(
            organisationCode: agencyCode, year: year, key: "investering-avviksforklaring", title: "Årsaksforklaring til avvik mellom regulert budsjett og regnskap",
            body: "IKT-prosjektene (108006 og 112007) og ACOS Websak har et lite underforbruk i 2020. Leveranser i Kontorstøtte Office 365 som var planlagt levert siste kvartal 2020 er forskjøvet til 2021. Mindreforbruket overføres som YDISP."),
        Narrative(
            organisationCode: agencyCode, year: year, key: "prosjekter-kommentarer", title: "Kommentarer / årsak til avvik",
            body: """
            Prosjekt 108006 IKT-området (konsern) / Prosjekt 112007 Sentral IKT-infrastruktur: Historisk har midler i prosjektet blitt benyttet til investeringsbehov på eksisterende plattform. Etter inngåelse av ny driftsavtale for IKT-området har UKEs investeringer i infrastruktur og utstyr gått over til tjenestekjøp i sin helhet etter 2020.

            Prosjekt 118082 ACOS Websak: Midlene er blitt benyttet til å dekke andel av kostnader knyttet til implementering av Websak i virksomhetene i Oslo kommune.

            Prosjekt 120037 Kontorstøtteverktøy Office 365: Midler tildelt til anskaffelse av Office 365 vil utelukkende benyttes til dette formålet. Ubrukte midler overføres på vanlig måte som YDISP til 2021.
            """),
    ]
}
