/// The table definitions Styr ships (docs/table-definitions.md): the shapes in common use in
/// Norwegian municipal accounts. `styr check --definitions` lists them; `--show-definition NAME`
/// prints one as JSON to copy and adapt.
public enum ShippedTableDefinitions {
    public static var all: [TableDefinition] {
        [okonomiskOversiktDrift, okonomiskOversiktInvestering, bevilgningsoversiktDrift, regnskapsskjema1A, regnskapsskjema1B,
         regnskapsskjema2A, regnskapsskjema2B, styrAccounts(.operating), styrAccounts(.investment)]
    }

    public static func named(_ name: String) -> TableDefinition? {
        all.first { $0.name == name.lowercased() }
    }

    // MARK: Shared pieces

    static func row(_ key: String, _ names: [String], _ type: String? = nil, sum: [String]? = nil) -> TableRowDefinition {
        TableRowDefinition(key: key, names: names, type: type, sum: sum)
    }

    /// Regnskap, budgets, last year's accounts and the deviation (by row type: revenue and result
    /// regnskap − budsjett, expense budsjett − regnskap).
    static let yearColumns: [TableColumnDefinition] = [
        TableColumnDefinition(key: "regnskap", names: ["Regnskap {year}", "Regnskap", "Årsregnskap {year}", "Rekneskap {year}", "Rekneskap", "Regnskap i år"]),
        TableColumnDefinition(key: "budsjett", names: ["Regulert budsjett {year}", "Regulert budsjett", "Revidert budsjett {year}", "Revidert budsjett",
                                                       "Justert budsjett", "Budsjett {year}", "Budsjett"], optional: true),
        TableColumnDefinition(key: "opprinnelig", names: ["Opprinnelig budsjett {year}", "Opprinnelig budsjett", "Vedtatt budsjett {year}",
                                                          "Vedtatt budsjett", "Opphavleg budsjett"], optional: true),
        TableColumnDefinition(key: "fjor", names: ["Regnskap {year-1}", "Regnskap i fjor", "Regnskap fjor", "Fjorårets regnskap", "Rekneskap {year-1}"],
                              optional: true, previousYearOf: "regnskap"),
        TableColumnDefinition(key: "avvik", names: ["Avvik", "Avvik i kr", "Avvik kr", "Budsjettavvik"], optional: true,
                              formula: TableColumnFormula(default: ["regnskap", "-budsjett"], byType: ["utgift": ["budsjett", "-regnskap"]])),
    ]

    static let types: [String: TableRowType] = ["inntekt": TableRowType(sign: 1), "utgift": TableRowType(sign: 1), "resultat": TableRowType(sign: 1)]

    static let financeRows: [TableRowDefinition] = [
        row("renteinntekter", ["Renteinntekter"], "inntekt"),
        row("utbytter", ["Utbytter"], "inntekt"),
        row("gevinster", ["Gevinster og tap på finansielle omløpsmidler"], "inntekt"),
        row("renteutgifter", ["Renteutgifter"], "utgift"),
        row("avdrag", ["Avdrag på lån"], "utgift"),
        row("netto_finansutgifter", ["Netto finansutgifter", "Netto finansinntekter/-utgifter", "Netto finansinntekter"], "resultat",
            sum: ["renteinntekter", "utbytter", "gevinster", "-renteutgifter", "-avdrag"]),
        row("motpost_avskrivninger", ["Motpost avskrivninger"], "inntekt"),
    ]

    static let dispositionRows: [TableRowDefinition] = [
        row("overforing_investering", ["Overføring til investering"]),
        row("avsetninger_bundne", ["Avsetninger til bundne driftsfond"]),
        row("bruk_bundne", ["Bruk av bundne driftsfond"]),
        row("avsetninger_disposisjonsfond", ["Avsetninger til disposisjonsfond"]),
        row("bruk_disposisjonsfond", ["Bruk av disposisjonsfond"]),
        row("dekning_merforbruk", ["Dekning av tidligere års merforbruk"]),
        row("sum_disponeringer", ["Sum disponeringer eller dekning av netto driftsresultat"]),
        row("fremfort", ["Fremført til inndekning i senere år (merforbruk)", "Fremført til inndekning i senere år"]),
    ]

    // MARK: 2020 regulations (budsjett- og regnskapsforskriften §§ 5-4 and 5-6)

    /// Økonomisk oversikt drift, § 5-6: revenues and expenses printed positive, results = revenues − expenses.
    public static let okonomiskOversiktDrift = TableDefinition(
        name: "okonomisk-oversikt-drift", title: "Økonomisk oversikt drift (forskriften 2020, § 5-6)", columns: yearColumns,
        rows: [
            row("rammetilskudd", ["Rammetilskudd"], "inntekt"),
            row("skatt", ["Inntekts- og formuesskatt", "Skatt på inntekt og formue"], "inntekt"),
            row("eiendomsskatt", ["Eiendomsskatt"], "inntekt"),
            row("andre_skatter", ["Andre skatteinntekter"], "inntekt"),
            row("overforinger_staten", ["Andre overføringer og tilskudd fra staten"], "inntekt"),
            row("overforinger_andre", ["Overføringer og tilskudd fra andre"], "inntekt"),
            row("brukerbetalinger", ["Brukerbetalinger"], "inntekt"),
            row("salg_leie", ["Salgs- og leieinntekter"], "inntekt"),
            row("sum_driftsinntekter", ["Sum driftsinntekter"], "inntekt",
                sum: ["rammetilskudd", "skatt", "eiendomsskatt", "andre_skatter", "overforinger_staten", "overforinger_andre", "brukerbetalinger", "salg_leie"]),
            row("lonn", ["Lønnsutgifter"], "utgift"),
            row("sosiale", ["Sosiale utgifter"], "utgift"),
            row("kjop", ["Kjøp av varer og tjenester"], "utgift"),
            row("overforinger_til_andre", ["Overføringer og tilskudd til andre"], "utgift"),
            row("avskrivninger", ["Avskrivninger"], "utgift"),
            row("sum_driftsutgifter", ["Sum driftsutgifter"], "utgift", sum: ["lonn", "sosiale", "kjop", "overforinger_til_andre", "avskrivninger"]),
            row("brutto_driftsresultat", ["Brutto driftsresultat"], "resultat", sum: ["sum_driftsinntekter", "-sum_driftsutgifter"]),
        ] + financeRows + [
            row("netto_driftsresultat", ["Netto driftsresultat"], "resultat", sum: ["brutto_driftsresultat", "netto_finansutgifter", "motpost_avskrivninger"]),
        ] + dispositionRows,
        types: types)

    /// Økonomisk oversikt investering, § 5-6 (the sums; the financing lines' signs vary between reports).
    public static let okonomiskOversiktInvestering = TableDefinition(
        name: "okonomisk-oversikt-investering", title: "Økonomisk oversikt investering (forskriften 2020, § 5-6)", columns: yearColumns,
        rows: [
            row("varige_driftsmidler", ["Investeringer i varige driftsmidler"], "utgift"),
            row("tilskudd_andres", ["Tilskudd til andres investeringer"], "utgift"),
            row("aksjer", ["Investeringer i aksjer og andeler i selskaper"], "utgift"),
            row("utlan", ["Utlån av egne midler"], "utgift"),
            row("avdrag", ["Avdrag på lån"], "utgift"),
            row("sum_investeringsutgifter", ["Sum investeringsutgifter"], "utgift",
                sum: ["varige_driftsmidler", "tilskudd_andres", "aksjer", "utlan", "avdrag"]),
            row("mva", ["Kompensasjon for merverdiavgift"], "inntekt"),
            row("tilskudd_fra_andre", ["Tilskudd fra andre"], "inntekt"),
            row("salg_driftsmidler", ["Salg av varige driftsmidler"], "inntekt"),
            row("salg_finansielle", ["Salg av finansielle anleggsmidler"], "inntekt"),
            row("utdeling", ["Utdeling fra selskaper"], "inntekt"),
            row("mottatte_avdrag", ["Mottatte avdrag på utlån av egne midler"], "inntekt"),
            row("bruk_av_lan", ["Bruk av lån"], "inntekt"),
            row("sum_investeringsinntekter", ["Sum investeringsinntekter"], "inntekt",
                sum: ["mva", "tilskudd_fra_andre", "salg_driftsmidler", "salg_finansielle", "utdeling", "mottatte_avdrag", "bruk_av_lan"]),
            row("videreutlan", ["Videreutlån"], "utgift"),
            row("bruk_lan_videreutlan", ["Bruk av lån til videreutlån"], "inntekt"),
            row("avdrag_videreutlan", ["Avdrag på lån til videreutlån"], "utgift"),
            row("mottatte_avdrag_videreutlan", ["Mottatte avdrag på videreutlån"], "inntekt"),
            row("netto_videreutlan", ["Netto utgifter videreutlån"], "utgift",
                sum: ["videreutlan", "-bruk_lan_videreutlan", "avdrag_videreutlan", "-mottatte_avdrag_videreutlan"]),
        ],
        types: types)

    /// Bevilgningsoversikt drift, § 5-4 første ledd.
    public static let bevilgningsoversiktDrift = TableDefinition(
        name: "bevilgningsoversikt-drift", title: "Bevilgningsoversikt drift (forskriften 2020, § 5-4 første ledd)", columns: yearColumns,
        rows: [
            row("rammetilskudd", ["Rammetilskudd"], "inntekt"),
            row("skatt", ["Inntekts- og formuesskatt", "Skatt på inntekt og formue"], "inntekt"),
            row("eiendomsskatt", ["Eiendomsskatt"], "inntekt"),
            row("andre_generelle", ["Andre generelle driftsinntekter"], "inntekt"),
            row("sum_generelle", ["Sum generelle driftsinntekter"], "inntekt", sum: ["rammetilskudd", "skatt", "eiendomsskatt", "andre_generelle"]),
            row("korrigert_netto_driftsutgifter", ["Korrigert sum netto driftsutgifter (fra bevilgningsoversikt drift, annet ledd)",
                                                   "Korrigert sum netto driftsutgifter"], "utgift"),
            row("avskrivninger", ["Avskrivninger"], "utgift"),
            row("sum_netto_driftsutgifter", ["Sum netto driftsutgifter"], "utgift", sum: ["korrigert_netto_driftsutgifter", "avskrivninger"]),
            row("brutto_driftsresultat", ["Brutto driftsresultat"], "resultat", sum: ["sum_generelle", "-sum_netto_driftsutgifter"]),
        ] + financeRows + [
            row("netto_driftsresultat", ["Netto driftsresultat"], "resultat", sum: ["brutto_driftsresultat", "netto_finansutgifter", "motpost_avskrivninger"]),
        ] + dispositionRows,
        types: types)
}
