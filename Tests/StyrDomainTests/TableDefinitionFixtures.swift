import Foundation

/// Published tables as annual reports print them (comma- and semicolon-separated, the report's
/// own headers, thousands with spaces), consistent unless a test breaks a cell.
enum TableDefinitionFixtures {
    /// Økonomisk oversikt drift 2023 in 1000 kr, comma-separated with quoted numbers, a title line above.
    static func drift(_ replacements: [(String, String)] = []) -> Data {
        var text = """
            Økonomisk oversikt drift (i 1000 kr)
            "Linje","Regnskap 2023","Regulert budsjett 2023","Avvik"
            "1 Rammetilskudd","400 000","395 000","5 000"
            "2 Inntekts- og formuesskatt","350 000","355 000","-5 000"
            "3 Eiendomsskatt","50 000","50 000","0"
            "4 Andre skatteinntekter","1 000","1 000","0"
            "5 Andre overføringer og tilskudd fra staten","30 000","28 000","2 000"
            "6 Overføringer og tilskudd fra andre","120 000","118 000","2 000"
            "7 Brukerbetalinger","40 000","41 000","-1 000"
            "8 Salgs- og leieinntekter","60 000","59 000","1 000"
            "9 Sum driftsinntekter","1 051 000","1 047 000","4 000"
            "10 Lønnsutgifter","500 000","505 000","5 000"
            "11 Sosiale utgifter","130 000","131 000","1 000"
            "12 Kjøp av varer og tjenester","250 000","245 000","-5 000"
            "13 Overføringer og tilskudd til andre","90 000","89 000","-1 000"
            "14 Avskrivninger","50 000","50 000","0"
            "15 Sum driftsutgifter","1 020 000","1 020 000","0"
            "16 Brutto driftsresultat","31 000","27 000","4 000"
            "17 Renteinntekter","5 000","4 000","1 000"
            "18 Utbytter","2 000","2 000","0"
            "19 Gevinster og tap på finansielle omløpsmidler","1 000","0","1 000"
            "20 Renteutgifter","20 000","21 000","1 000"
            "21 Avdrag på lån","40 000","40 000","0"
            "22 Netto finansutgifter","-52 000","-55 000","3 000"
            "23 Motpost avskrivninger","50 000","50 000","0"
            "24 Netto driftsresultat","29 000","22 000","7 000"

            """
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return Data(text.utf8)
    }

    static let skjema1A = Data("""
        Regnskapsskjema 1A;Regnskap 2018
        Skatt på inntekt og formue;300
        Ordinært rammetilskudd;400
        Skatt på eiendom;50
        Andre direkte eller indirekte skatter;0
        Andre generelle statstilskudd;20
        Sum frie disponible inntekter;770
        Renteinntekter og utbytte;10
        Gevinst finansielle instrumenter (omløpsmidler);0
        Renteutg.,provisjoner og andre fin.utg.;30
        Tap finansielle instrumenter (omløpsmidler);0
        Avdrag på lån;40
        Netto finansinnt./utg.;-60
        Til dekning av tidligere regnsk.m. merforbruk;0
        Til ubundne avsetninger;20
        Til bundne avsetninger;10
        Bruk av tidligere regnsk.m. mindreforbruk;5
        Bruk av ubundne avsetninger;15
        Bruk av bundne avsetninger;5
        Netto avsetninger;-5
        Overført til investeringsregnskapet;5
        Til fordeling drift;700
        Sum fordelt til drift (fra skjema 1B);690
        Mer/mindreforbruk;10

        """.utf8)

    static func skjema1B(teknisk: String = "40", sum: String = "690", lastYear: Bool = false) -> Data {
        Data((lastYear
            ? "Enhet;Regnskap 2018;Regnskap 2017\nOppvekst;300;290\nHelse og omsorg;350;340\nTeknisk;\(teknisk);45\nSum fordelt til drift;\(sum);675\n"
            : "Enhet;Regnskap 2018\nOppvekst;300\nHelse og omsorg;350\nTeknisk;\(teknisk)\nSum fordelt til drift;\(sum)\n").utf8)
    }

    static let skjema1B2017 = Data("Enhet\tRegnskap 2017\nOppvekst\t290\nHelse og omsorg\t345\nTeknisk\t45\nSum fordelt til drift\t680\n".utf8)
}
