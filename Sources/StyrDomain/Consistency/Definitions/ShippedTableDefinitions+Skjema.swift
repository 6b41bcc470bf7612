/// Regnskapsskjema 1A/1B and 2A/2B (the KOSTRA forms before the 2020 regulations), with the
/// identities between them: 1A's «Sum fordelt til drift» is 1B's sum, 2A's «Investeringer i
/// anleggsmidler» is 2B's.
extension ShippedTableDefinitions {
    public static let regnskapsskjema1A = TableDefinition(
        name: "regnskapsskjema-1a", title: "Regnskapsskjema 1A – driftsregnskapet", columns: yearColumns,
        rows: [
            row("skatt", ["Skatt på inntekt og formue"], "inntekt"),
            row("rammetilskudd", ["Ordinært rammetilskudd"], "inntekt"),
            row("eiendomsskatt", ["Skatt på eiendom"], "inntekt"),
            row("andre_skatter", ["Andre direkte eller indirekte skatter"], "inntekt"),
            row("andre_statstilskudd", ["Andre generelle statstilskudd"], "inntekt"),
            row("sum_frie", ["Sum frie disponible inntekter"], "inntekt", sum: ["skatt", "rammetilskudd", "eiendomsskatt", "andre_skatter", "andre_statstilskudd"]),
            row("renteinntekter", ["Renteinntekter og utbytte"], "inntekt"),
            row("gevinst", ["Gevinst finansielle instrumenter (omløpsmidler)", "Gevinst finansielle instrumenter"], "inntekt"),
            row("renteutgifter", ["Renteutg.,provisjoner og andre fin.utg.", "Renteutg., provisjoner og andre fin.utg.",
                                  "Renteutgifter, provisjoner og andre finansutgifter"], "utgift"),
            row("tap", ["Tap finansielle instrumenter (omløpsmidler)", "Tap finansielle instrumenter"], "utgift"),
            row("avdrag", ["Avdrag på lån"], "utgift"),
            row("netto_finans", ["Netto finansinnt./utg.", "Netto finansinntekter/-utgifter", "Netto finansinntekter/utgifter"], "resultat",
                sum: ["renteinntekter", "gevinst", "-renteutgifter", "-tap", "-avdrag"]),
            row("dekning_merforbruk", ["Til dekning av tidligere regnsk.m. merforbruk", "Til dekning av tidligere års regnskapsmessige merforbruk"], "utgift"),
            row("til_ubundne", ["Til ubundne avsetninger"], "utgift"),
            row("til_bundne", ["Til bundne avsetninger"], "utgift"),
            row("bruk_mindreforbruk", ["Bruk av tidligere regnsk.m. mindreforbruk", "Bruk av tidligere års regnskapsmessige mindreforbruk"], "inntekt"),
            row("bruk_ubundne", ["Bruk av ubundne avsetninger"], "inntekt"),
            row("bruk_bundne", ["Bruk av bundne avsetninger"], "inntekt"),
            row("netto_avsetninger", ["Netto avsetninger"], "resultat",
                sum: ["-dekning_merforbruk", "-til_ubundne", "-til_bundne", "bruk_mindreforbruk", "bruk_ubundne", "bruk_bundne"]),
            row("overfort_investering", ["Overført til investeringsregnskapet"], "utgift"),
            row("til_fordeling", ["Til fordeling drift"], "resultat", sum: ["sum_frie", "netto_finans", "netto_avsetninger", "-overfort_investering"]),
            row("sum_fordelt", ["Sum fordelt til drift (fra skjema 1B)", "Sum fordelt til drift"], "utgift"),
            row("merforbruk", ["Regnskapsmessig mer/mindreforbruk", "Mer/mindreforbruk", "Regnskapsmessig merforbruk/mindreforbruk"], "resultat",
                sum: ["til_fordeling", "-sum_fordelt"]),
        ],
        types: types,
        identities: [TableCrossIdentity(cell: "sum_fordelt.regnskap", equals: ["regnskapsskjema-1b:sum.regnskap"])])

    /// 1B: the units' net amounts (rows of the municipality's own names) and their sum.
    public static let regnskapsskjema1B = TableDefinition(
        name: "regnskapsskjema-1b", title: "Regnskapsskjema 1B – fordeling drift", columns: yearColumns,
        rows: [row("sum", ["Sum fordelt til drift", "Sum fordelt til drift (til skjema 1A)", "Sum", "Totalt"], "utgift", sum: ["*"])],
        types: types)

    public static let regnskapsskjema2A = TableDefinition(
        name: "regnskapsskjema-2a", title: "Regnskapsskjema 2A – investeringsregnskapet", columns: yearColumns,
        rows: [
            row("investeringer", ["Investeringer i anleggsmidler"], "utgift"),
            row("utlan", ["Utlån og forskutteringer"], "utgift"),
            row("aksjer", ["Kjøp av aksjer og andeler"], "utgift"),
            row("avdrag", ["Avdrag på lån"], "utgift"),
            row("dekning_udekket", ["Dekning av tidligere års udekket"], "utgift"),
            row("avsetninger", ["Avsetninger"], "utgift"),
            row("finansieringsbehov", ["Årets finansieringsbehov"], "utgift",
                sum: ["investeringer", "utlan", "aksjer", "avdrag", "dekning_udekket", "avsetninger"]),
            row("bruk_lan", ["Bruk av lånemidler"], "inntekt"),
            row("salg", ["Inntekter fra salg av anleggsmidler"], "inntekt"),
            row("tilskudd", ["Tilskudd til investeringer"], "inntekt"),
            row("mva", ["Kompensasjon for merverdiavgift"], "inntekt"),
            row("mottatte_avdrag", ["Mottatte avdrag på utlån og refusjoner"], "inntekt"),
            row("andre_inntekter", ["Andre inntekter"], "inntekt"),
            row("sum_ekstern", ["Sum ekstern finansiering"], "inntekt", sum: ["bruk_lan", "salg", "tilskudd", "mva", "mottatte_avdrag", "andre_inntekter"]),
            row("overfort_drift", ["Overført fra driftsregnskapet"], "inntekt"),
            row("bruk_udisponert", ["Bruk av tidligere års udisponert"], "inntekt"),
            row("bruk_avsetninger", ["Bruk av avsetninger"], "inntekt"),
            row("sum_finansiering", ["Sum finansiering"], "inntekt", sum: ["sum_ekstern", "overfort_drift", "bruk_udisponert", "bruk_avsetninger"]),
            row("udekket", ["Udekket/udisponert"], "resultat", sum: ["finansieringsbehov", "-sum_finansiering"]),
        ],
        types: types,
        identities: [TableCrossIdentity(cell: "investeringer.regnskap", equals: ["regnskapsskjema-2b:sum.regnskap"])])

    /// 2B: the projects (rows of their own names) and their sum.
    public static let regnskapsskjema2B = TableDefinition(
        name: "regnskapsskjema-2b", title: "Regnskapsskjema 2B – investeringer i anleggsmidler", columns: yearColumns,
        rows: [row("sum", ["Sum investeringer i anleggsmidler", "Investeringer i anleggsmidler", "Sum", "Totalt"], "utgift", sum: ["*"])],
        types: types)
}
