import Foundation

/// The standard import profile as a commented example (`styr import profile --template`): every
/// key with its default value and what it does. Lines starting with `//` are comments; a profile
/// file may keep them (`ImportProfile.decode(commented:)` drops them before reading the JSON).
public enum ImportProfileTemplate {
    public static let text = """
    // Importprofil for eksport fra et økonomisystem (styr import profile --name NAVN --file DENNE.json).
    // Linjer som starter med // er kommentarer. Alle nøkler unntatt "name" kan utelates; da gjelder verdien under.
    // Kolonnenavn sammenlignes uten forskjell på store og små bokstaver, og _ leses som mellomrom;
    // et navn kan ha året bak seg («regnskap 2013», «rekneskap_2013», «budsjett_2013»).
    {
      // Profilens navn.
      "name": "standard",
      // Skilletegnet: ";", ",", "|" eller "tab". Utelatt: det vanligste av dem i overskriften.
      // "delimiter": ";",
      // Kolonnen med kontoen (kontoklasse + KOSTRA-art + lokale siffer, f.eks. 10201) eller en art på tre siffer.
      "accountNames": ["art", "konto"],
      // Ansvar (ansvarssted).
      "responsibilityNames": ["ansvar"],
      // Tjenesten; funksjonen er de første «functionDigits» sifrene.
      "functionNames": ["tjeneste_nr", "tjeneste", "teneste_nr", "teneste", "funksjon"],
      "projectNames": ["prosjekt"],
      "freeDimensionNames": ["fri_dim", "dim"],
      // Perioden: 1–12, ÅÅÅÅMM eller ÅÅÅÅ-MM; 13 og 0 etter «closingPeriods».
      "periodNames": ["periode", "periode_nr", "maaned", "måned", "månad"],
      // Beløpet i kroner (desimalkomma eller -punktum). For budsjett letes det først etter «budsjett».
      "amountNames": ["beloep", "belop", "beløp", "rekneskap", "regnskap", "amount"],
      "chapterNames": ["kapittel", "kapittelkode"],
      // Kolonner som aldri leses, selv om et navn over ville tatt dem (f.eks. "art_tekst", "budsjett").
      "ignoredColumns": [],
      // Periode 13 (årsavslutning) og 0: "december" (legges i desember), "own" (egen periode, vist som
      // «årsavslutning») eller "error" (linjen avvises).
      "closingPeriods": "december",
      "accountRule": {
        // Kontoklassen til kontoer uten kontoklasse (tre siffer) og Oslo-filen: "operating" (drift) eller "investment".
        "defaultKind": "operating",
        // Lokal kontoplan: første siffer → KOSTRA-kontoklasse (0 investering, 1 drift, 2 balanse, 9 memoriakonti).
        // Eksempel: {"3": 0, "4": 1} leser 30201 som investering, art 020, og 41100 som drift, art 110.
        "kontoklasser": {},
        // Lokal konto → KOSTRA-art; nøkkelen er en konto (11601) eller et mønster med x for hvert siffer (1160x).
        // Eksempel: {"11601": 115, "1190x": 195}
        "artOverrides": {}
      },
      // Hvor mange ledende siffer av tjenesten som er KOSTRA-funksjonen (1–3).
      "functionDigits": 3,
      // Lokal tjeneste → KOSTRA-funksjon, som artOverrides. Eksempel: {"99901": 120}
      "functionOverrides": {},
      // En art eller funksjon utenfor årets KOSTRA-liste: "error" (importen stopper) eller "warning" (linjen tas inn).
      "invalidCodes": "error"
    }
    """
}

extension ImportProfile {
    /// Reads a profile from JSON that may have whole-line `//` comments (as the template has).
    public static func decode(commented data: Data) throws -> ImportProfile {
        let text = String(decoding: data, as: UTF8.self)
        let json = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            .joined(separator: "\n")
        return try JSONDecoder().decode(ImportProfile.self, from: Data(json.utf8))
    }
}
