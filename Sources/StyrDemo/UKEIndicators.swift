import StyrDomain

extension DemoData {
    public static let goalAreas: [GoalArea] = [
        GoalArea(
            name: "Effektive og sikre fellestjenester",
            narrative: "I løpet av året har seksjonen blant annet etablert 2.linjefunksjon på Workplace og ACOS WebSak, og en ambulerende førstelinjetjeneste til bruk for kommunens virksomheter."),
        GoalArea(
            name: "Seriøst og ansvarlig arbeidsliv",
            narrative: "UKE har gjennom 2020 bidratt til å styrke arbeidet med mangfold og inkludering i kommunen."),
        GoalArea(
            name: "Samfunnsansvarlige og grønne anskaffelser",
            narrative: "UKE gir anskaffelsesfaglig rådgivning innen juss, innkjøp, avtaleoppfølgning og samfunnsansvar for å implementere Oslo kommunes anskaffelsesstrategi og realisere byrådets politikk."),
        GoalArea(
            name: "Innbyggerorienterte digitale tjenester",
            narrative: "Kommunens oppgraderte kjøremiljø for elektroniske tjenester er i løpet av 2020 tatt i bruk av flere prosjekter og nye virksomheter."),
        GoalArea(
            name: "En effektiv, omstillingsdyktig og attraktiv kommune",
            narrative: "UKEs konsulenttjenester har i løpet av 2020 levert bistand til virksomheter i kommunen, fra innovasjon og digitalisering, via operativ og strategisk kommunikasjonsbistand, til organisasjons- og lederutvikling og kompetanseheving."),
    ]

    static let hmsregComment = "Kravene blir ikke fulgt opp i tilstrekkelig grad etter kontraktsinngåelse. Det må tas forbehold om at det ikke skilles på faglærte/lærlinger som omfattes av seriøsitetsbestemmelsene og de som ikke omfattes. Dette vil fremkomme bedre i ny versjon av HMSREG."

    /// Share tolerances in percentage points; counts by their own rule.
    static let shareTolerance = Tolerance(yellow: Quantity(2), red: Quantity(5))

    static func share(_ text: String) -> Quantity { Quantity(parsing: text)! }

    /// The result-indicator table of chapter 2.2, in printed order.
    public static let indicators: [IndicatorWithValues] = [
        IndicatorWithValues(
            indicator: Indicator(
                key: "kundetilfredshet",
                name: "Andel som svarer «godt fornøyd» i årlige kundeundersøkelser knyttet til: Fellestjenester, systemdriftstjenester og konsulenttjenester",
                unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, tolerance: shareTolerance,
                decimals: 1, introducedIn: 2020, goalArea: "Effektive og sikre fellestjenester"),
            values: [IndicatorValue(
                year: 2020, target: .value(share("90")),
                notMeasuredReason: "UKE har ikke gjennomført kundetilfredshetsundersøkelser siden 2017, men vil igangsette gjennomføring av regelmessige målinger fra og med 2021.")]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "egne-ikt-driftsmiljoer", name: "Antall virksomheter med egne IKT-driftsmiljøer",
                unit: .count, polarity: .lowerIsBetter, deviationRule: .absolute,
                tolerance: Tolerance(yellow: Quantity(0), red: Quantity(2)), decimals: 0, introducedIn: 2020,
                goalArea: "Effektive og sikre fellestjenester"),
            values: [IndicatorValue(year: 2020, target: .value(Quantity(7)), result: Quantity(11))]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "elektroniske-lonnsslipper", name: "Andel elektroniske lønnsslipper",
                unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, tolerance: shareTolerance,
                decimals: 1, introducedIn: 2020, goalArea: "Effektive og sikre fellestjenester"),
            values: [IndicatorValue(
                year: 2020, target: .value(share("85")), result: share("81,7"),
                deviationComment: "Avvik skyldes i stor grad at ansatte som ikke lenger jobber i Oslo kommune fikk etterbetaling av lønnsoppgjør 2020 i papirformat.")]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "ehf-leverandorfakturaer", name: "Andel leverandørfakturaer i EHF-format",
                unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, tolerance: shareTolerance,
                decimals: 1, goalArea: "Effektive og sikre fellestjenester"),
            values: [
                IndicatorValue(year: 2016, result: share("79,1")),
                IndicatorValue(year: 2019, result: share("91,2")),
                IndicatorValue(year: 2020, target: .value(share("93")), result: share("92,9")),
            ]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "utgaende-efakturaer", name: "Andel utgående e-fakturaer",
                unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, tolerance: shareTolerance,
                decimals: 1, introducedIn: 2020,
                notes: ["Mottakere kan velge mellom EHF, eFaktura, Vipps-faktura, faktura via Digipost"],
                goalArea: "Effektive og sikre fellestjenester"),
            values: [IndicatorValue(year: 2020, target: .value(share("57")), result: share("61"))]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "telefonsamtaler-21802180", name: "Antall telefonsamtaler til 21 80 21 80",
                unit: .count, polarity: .higherIsBetter, deviationRule: .relativePercent,
                tolerance: Tolerance(yellow: Quantity(5), red: Quantity(10)), decimals: 1, introducedIn: 2020,
                goalArea: "Effektive og sikre fellestjenester"),
            values: [IndicatorValue(year: 2020, target: .value(Quantity(552_000)), result: Quantity(562_864))]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "hmsreg-fagarbeidere", name: "Andel fagarbeidere innen håndverksfagene registrert i HMSREG",
                unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, tolerance: shareTolerance,
                decimals: 1, introducedIn: 2020, goalArea: "Seriøst og ansvarlig arbeidsliv"),
            values: [IndicatorValue(year: 2020, target: .value(share("50")), result: share("31"), deviationComment: hmsregComment)]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "hmsreg-laerlinger", name: "Andel timer i relevante fag utført av lærlinger iht. HMSREG",
                unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, tolerance: shareTolerance,
                decimals: 1, introducedIn: 2020, goalArea: "Seriøst og ansvarlig arbeidsliv"),
            values: [IndicatorValue(year: 2020, target: .value(share("10")), result: share("7"), deviationComment: hmsregComment)]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "klimanoytral-transport",
                name: "Andel nye, relevant vare- og tjenesteanskaffelser der det er stilt krav til klimanøytral transport",
                unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, tolerance: shareTolerance,
                decimals: 1, introducedIn: 2020, goalArea: "Samfunnsansvarlige og grønne anskaffelser"),
            values: [IndicatorValue(year: 2020, target: .value(share("100")), result: share("100"))]),
        IndicatorWithValues(
            indicator: Indicator(
                key: "fant-det-de-lette-etter", name: "Andel som svarer at de fant det de lette etter på oslo.kommune.no",
                unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, tolerance: shareTolerance,
                decimals: 1, goalArea: "Innbyggerorienterte digitale tjenester"),
            values: [
                IndicatorValue(year: 2016, result: share("77")),
                IndicatorValue(year: 2019, result: share("73")),
                IndicatorValue(
                    year: 2020, target: .value(share("85")), result: share("75"),
                    deviationComment: "Årsakene til avviket er sammensatt. Å skape innhold som øker andelen som finner det de leter etter, krever planlagt samarbeid med kommunens virksomheter. UKE har startet et oppdrag med å evaluere nettsidene og forvaltningsmodellen."),
            ]),
    ]
}
