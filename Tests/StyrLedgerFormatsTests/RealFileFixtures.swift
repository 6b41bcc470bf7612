import Foundation

/// Ledger files shaped like real municipal exports (2011–2019): semicolons, Latin-1, year and
/// nynorsk in the amount column's name, trailing and unnamed fields, period 13, local account plans.
/// The amounts are made up; the shapes are those of published files.
enum RealFileFixtures {
    /// A nynorsk municipality's 2011 accounts and budget in one file, Latin-1: the header ends in a
    /// delimiter, one row has an id without a column name, period 13 holds the year-end entries,
    /// a balance account and a sum row at the end.
    static let nynorsk2011 = latin1("""
        Konto;Kontonamn;Ansvar;Teneste;Tenestenamn;Periode;Rekneskap_2011;Budsjett_2011;
        10100;Fastløn;1100;12000;Administrasjon;1;125 000,00;1 500 000,00;;4711
        10100;Fastløn;1100;12000;Administrasjon;13;-2 500,50;0;
        11200;Kontormateriell;1100;12000;Administrasjon;6;3 120,75;10 000;
        11950;Avgifter;2100;25300;Pleie;12;890,00;0;;
        16200;Sal av tenester;2100;25300;Pleie;13;-15 000,00;-20 000,00;
        02300;Byggjeprosjekt;9100;22100;Skulebygg;13;450 000,00;500 000,00;
        19400;Bruk av fond;1100;88000;Fond;12;-10 000,00;0;
        25000;Kasse;1100;;;;;;
        Sum;;;;;;551 510,25;1 990 000,00;

        """)
    /// 2011 actuals: drift 101 510,25, investering 450 000,00; the budget column sums to 1 990 000.
    static let nynorsk2011Actuals: Int64 = 55_151_025
    static let nynorsk2011Operating: Int64 = 10_151_025
    static let nynorsk2011Budget: Int64 = 199_000_000

    /// A 2016 export whose `Art` column is the art's text, not the account: the profile ignores it
    /// so that `Konto` is read. CRLF, quoted texts with semicolons in them.
    static let bokmal2016 = latin1(
        "Konto;Art;Ansvar;Tjeneste;Prosjekt;Periode;Regnskap 2016;Budsjett 2016\r\n"
        + "10100;Fastlønn;300;20200;;3;200 000;2 400 000\r\n"
        + "11500;\"Kurs; opplæring\";300;20200;P17;5;12 500,50;30 000\r\n"
        + "17000;Refusjon fra staten;300;20200;;13;-40 000;-50 000\r\n")

    /// A 2019 file of a local account plan that keeps investment under 3 (KOSTRA's 0) and uses
    /// its own accounts for fees; periods as ÅÅÅÅMM, 201913 for the closing entries.
    static let localPlan2019 = latin1("""
        konto;ansvar;tjeneste;periode;beløp
        10100;100;12000;201901;1000,00
        30200;200;22100;201913;-250,00
        11901;100;12000;201912;50,00
        27000;100;;201912;99,00

        """)

    static func latin1(_ text: String) -> [UInt8] {
        Array(text.data(using: .isoLatin1)!)
    }

    /// SSB's KLASS export of KOSTRA arts (a few of them), as downloaded: quoted, semicolons, a level-1 group.
    static let klassArts = """
        "code";"parentCode";"level";"name";"shortName";"presentationName";"validFrom";"validTo";"notes"
        "0";"";"1";"Lønn og sosiale utgifter";"";"";"2010-01-01";"";""
        "010";"0";"2";"Lønn";"";"";"2010-01-01";"";""
        "075";"0";"2";"Lønn til vedlikehold";"";"";"2014-01-01";"2017-01-01";""
        "120";"1";"2";"Annet forbruksmateriell";"";"";"2010-01-01";"";""

        """
}
