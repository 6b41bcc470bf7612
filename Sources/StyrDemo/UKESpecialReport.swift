import StyrDomain
import StyrServices
import StyrStorage

/// UKE's chapters 4–6 of *Årsberetning 2020* (the second seed), entered as data and loaded through
/// the services' rules (`SpecialReportService.store`, `TrackedItemService.store`).
///
/// The seed prints shares, not counts: the counts here are the whole numbers of people that give
/// the printed shares of the printed N (382 at 40 % men → 153 men, 229 women). Two printed shares
/// cannot come from whole people: «Innholdsdesigner» 2020 (30 %/70 % of 13; 4 of 13 is 31 %) and
/// «Stillingskategori 1» 2019 (52 %/48 % of 38; 20 of 38 is 53 %); Styr shows the shares its
/// counts give. The dates of the chapter 6 items are examples (the seed gives none).
public enum UKESpecialReport {
    static func money(_ kroner: Int64) -> Money { Money(ore: kroner * 100) }
    static func percent(_ text: String) -> Quantity? { Quantity(parsing: text) }

    public static func report2020(code: String = "UKE") -> SpecialReport {
        func pay(_ category: String, _ year: Int, _ men: Int, _ women: Int, _ menPay: Int64, _ womenPay: Int64) -> GenderPayRow {
            GenderPayRow(category: category, year: year, count: SexCount(men: men, women: women), menPay: money(menPay), womenPay: money(womenPay))
        }
        let leaders = "Toppleders ledergruppe inkl. toppleder", managers = "Stillingskategori 1 – ledere (seksjons- og teamledere)"
        let contact = "Kundebehandler Oslo kommunes kontaktsenter"
        return SpecialReport(
            organisationCode: code, year: 2020,
            equality: EqualityAssessment(
                riskAssessed: false,
                explanation: "UKE har ikke gjennomført en egen tilstandsanalyse, men ivaretar gjeldende lovverk knyttet til likestilling og diskriminering innen rekruttering og oppfølging av ansatte."),
            genderPay: [
                pay("Totalt i virksomheten", 2020, 153, 229, 706_730, 660_391),
                pay("Totalt i virksomheten", 2019, 151, 226, 702_053, 645_776),
                pay(leaders, 2020, 4, 5, 1_154_500, 1_158_420),
                pay(leaders, 2019, 5, 8, 1_040_460, 1_065_225),
                pay(managers, 2020, 18, 27, 855_874, 804_528),
                pay(managers, 2019, 20, 18, 852_975, 830_324),
                pay("Innholdsdesigner", 2020, 4, 9, 619_967, 614_570),
                pay("Innholdsdesigner", 2019, 6, 11, 631_700, 593_118),
                pay(contact, 2020, 6, 8, 461_133, 468_325),
                pay(contact, 2019, 7, 11, 457_586, 457_336),
            ],
            workforce: [
                WorkforceRow(year: 2020, total: 363, fullTime: SexCount(men: 130, women: 195), partTime: SexCount(men: 12, women: 26),
                             involuntaryPartTime: SexCount(men: 0, women: 0), temporary: SexCount(men: 1, women: 2)),
                WorkforceRow(year: 2019, total: 352, fullTime: SexCount(men: 131, women: 182), partTime: SexCount(men: 14, women: 25),
                             involuntaryPartTime: nil, temporary: SexCount(men: 0, women: 4)),
            ],
            hse: HSEChecklist(
                questions: [
                    HSEQuestion(question: "Er det fastsatt oppdaterte mål på HMS-området for 2020?", answer: true),
                    HSEQuestion(question: "Med utgangspunkt i målformuleringene, er det utarbeidet tiltaksplaner/handlingsplaner?", answer: true),
                    HSEQuestion(question: "Er handlingsplaner/tiltaksplaner innpasset i de årlige budsjetter og økonomiplaner?", answer: true),
                    HSEQuestion(question: "Har virksomheten rutiner og internkontroll som sikrer etterlevelse av arbeidsmiljølovens arbeidstidsbestemmelser og som fanger opp og retter eventuelle avvik som fremkommer, jf. rundskriv 24/2013?", answer: true),
                    HSEQuestion(question: "Har virksomheten løpende kontroll med arbeidstiden, både for å sikre at rammene for arbeidstid blir fulgt og for å sikre en vurdering av at arbeidstidsordningene er forsvarlig?", answer: true),
                    HSEQuestion(question: "Er det gjennomført opplæring el. vedlikehold av opplæringen for ledere med ansvar for arbeidstid i 2020?", answer: true,
                                comment: "Gjennomført nettmøter med ledere og laget opplæringsmateriell angående arbeidstidsbestemmelsene"),
                    HSEQuestion(question: "Har virksomheten system for å sikre at bruddene blir forelagt AMU til behandling?", answer: true,
                                comment: "Brudd rapporteres jevnlig til AMU på lik linje med sykefravær og overtidsbruk"),
                    HSEQuestion(question: "Har virksomheten sikret medvirkning fra vernetjenesten i forhold til brudd på arbeidstid i 2020?", answer: true,
                                comment: "Vernetjenesten er orientert via regelmessig dialog og rapportering i AMU om oppfølging av arbeidstidsbestemmelsene."),
                    HSEQuestion(question: "Hva gjør virksomheten for å hindre trakassering, seksuell trakassering og kjønnsbasert vold?", answer: nil,
                                comment: "Kartlegging via arbeidsmiljøundersøkelsen (digital vernerunde) og oppfølging gjennom regelmessig 1-1 dialog mellom nærmeste leder og ansatte."),
                ],
                workingTimeBreaches: 764,
                breachesComment: "AML-brudd skyldes stor arbeidsmengde knyttet til koronasituasjonen. Dette gjelder innen flere tjenesteområder. I tillegg har etaten hatt brudd i produksjonsmiljøet knyttet til lønns- og regnskapstjenester. Lokale avtaler med de tillitsvalgte skal forhindre ytterligere brudd fremover."),
            sickLeave: [
                SickLeaveRow(group: .men, previousResult: percent("5,9"), target: nil, result: percent("2,4")),
                SickLeaveRow(group: .women, previousResult: percent("8,7"), target: nil, result: percent("7,1")),
                SickLeaveRow(group: .total, previousResult: percent("7,5"), target: percent("6,7"), result: percent("5,2")),
            ],
            consultants: [ConsultantRow(category: "Andre konsulenttjenester", previousYear: money(18_400_000), year: money(11_800_000))],
            environment: EnvironmentReport(
                certification: "Miljøfyrtårn",
                measures: [
                    ClimateMeasure(measure: "Miljøkrav til transport i alle anskaffelser hvor dette er relevant (standard miljøkrav etter byrådssak 1123/19)", status: .done),
                    ClimateMeasure(measure: "Kontraktskrav om euroklasse 6/VI for alle kjøretøy; uttelling for nullutslippsløsninger under tildelingskriteriet «miljø»", status: .started),
                    ClimateMeasure(measure: "Kurs for virksomheter i bruk av miljøkrav og modeller", status: .done),
                ]))
    }

    /// 6.2 of the seed: two remarks of the municipal auditor, both closed in 2020 (example dates).
    public static func trackedItems(code: String = "UKE") -> [TrackedItem] {
        [
            TrackedItem(
                organisationCode: code, source: .municipalAuditor, title: "Årsregnskapet for 2019",
                date: CalendarDate(year: 2020, month: 4, day: 15),
                text: "Kommunerevisjonens revisjon av årsregnskapet for 2019: UKE har ikke mottatt merknader av vesentlig art som gjelder regnskapsrevisjonen.",
                responsible: "Økonomisjef (eksempel)", measures: "Konkrete forbedringstiltak i tilknytning til internkontroll er svart ut i egne brev til kommunerevisjonen.",
                status: .closed, closedReference: "Egne brev til kommunerevisjonen om internkontroll (eksempel på referanse)",
                closedOn: CalendarDate(year: 2020, month: 9, day: 1)),
            TrackedItem(
                organisationCode: code, source: .municipalAuditor, title: "Rapport 06/2020",
                date: CalendarDate(year: 2020, month: 6, day: 1),
                text: "Kommunerevisjonen har undersøkt etterlevelse av regelverket for offentlige anskaffelser gjennom bruken av kvalifikasjonskrav og tildelingskriterier i anskaffelser gjennomført av Bydel Frogner, Bymiljøetaten og Utviklings- og kompetanseetaten.",
                responsible: "Innkjøpsdirektør (eksempel)",
                measures: "Kommunerevisjonen hadde ingen funn eller anbefalinger knyttet til gjennomføringen av åtte konkrete anskaffelser utført av Utviklings- og kompetanseetaten.",
                status: .closed, closedReference: "Rapport 06/2020: ingen funn eller anbefalinger for UKE",
                closedOn: CalendarDate(year: 2020, month: 6, day: 1)),
        ]
    }

    /// The audit entries the load writes: the year's chapters 4–5 and each tracked item.
    public static var auditedRecords: Int { 1 + trackedItems().count }

    static func load(into store: SQLGovernanceStore, organisationCode: String = "UKE") async throws {
        try await SpecialReportService.store(report2020(code: organisationCode), within: store)
        for item in trackedItems(code: organisationCode) { try await TrackedItemService.store(item, within: store) }
    }
}
