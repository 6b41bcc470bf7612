/// Decides what a row is from its label fields.
enum PublishedRowClassifier {
    /// Names of the net row; both kinds accept all of them.
    private static let netNames: Set<String> = ["netto", "netto_finansieringsbehov", "nettoresultat"]
    private static let dashes: Set<Character> = ["-", "–", "—", "−"]

    private static func sumNames(_ kind: PublishedTableKind) -> [String: PublishedTableSide] {
        switch kind {
        case .operating: ["sum_utgifter": .expenses, "sum_inntekter": .revenues]
        case .investment: ["sum_finansieringsbehov": .expenses, "sum_finansiering": .revenues]
        case .projects: [:]
        }
    }

    /// Classifies the `rad` field of an artsgruppe table. The label of a range is normalised to
    /// "000-099" (digits as printed, ASCII hyphen, any text after it dropped).
    static func classifyRad(_ field: String, kind: PublishedTableKind)
        throws(PublishedTableError) -> (label: String, role: PublishedRowRole)
    {
        let printed = PublishedTableFields.trimmed(field)
        guard !printed.isEmpty else { throw PublishedTableError(reason: "raden mangler navn") }
        let name = PublishedTableFields.canonicalName(printed)
        if netNames.contains(name) { return (printed, .net) }
        if let side = sumNames(kind)[name] { return (printed, .sum(side)) }
        guard let digits = rangeDigits(printed) else {
            let known = sumNames(kind).keys.sorted().joined(separator: ", ")
            throw PublishedTableError(
                reason: "ukjent rad «\(printed)»; forventet en artsgruppe som «000-099», \(known) eller netto")
        }
        let label = "\(digits.lower)-\(digits.upper)"
        // At most three ASCII digits each, so the conversions cannot fail.
        let lower = Int(digits.lower)!, upper = Int(digits.upper)!
        guard lower <= upper else {
            throw PublishedTableError(reason: "artsgruppen «\(label)» slutter før den begynner")
        }
        if upper <= 599 { return (label, .group(.expenses, lower...upper)) }
        if lower >= 600 { return (label, .group(.revenues, lower...upper)) }
        throw PublishedTableError(reason: "artsgruppen «\(label)» går på tvers av 599 og 600")
    }

    /// "000-099", "000 – 099" or "000-099 Lønn og sosiale utgifter" give ("000", "099").
    private static func rangeDigits(_ text: String) -> (lower: Substring, upper: Substring)? {
        var rest = Substring(text)
        let lower = rest.prefix { $0.isASCII && $0.isWholeNumber }
        rest = rest.dropFirst(lower.count).drop { $0.isWhitespace }
        guard (1...3).contains(lower.count), let dash = rest.first, dashes.contains(dash) else { return nil }
        rest = rest.dropFirst().drop { $0.isWhitespace }
        let upper = rest.prefix { $0.isASCII && $0.isWholeNumber }
        rest = rest.dropFirst(upper.count)
        guard (1...3).contains(upper.count), rest.isEmpty || rest.first!.isWhitespace else { return nil }
        return (lower, upper)
    }

    /// Classifies a project row. The sum row is the one whose `prosjektnr`, or `navn` when there
    /// is no number, begins with the word "sum"; "Sumpområde" is a project, "Sum kap. 125" a sum.
    static func classifyProject(number: String, name: String)
        throws(PublishedTableError) -> (label: String, role: PublishedRowRole)
    {
        let number = PublishedTableFields.trimmed(number), name = PublishedTableFields.trimmed(name)
        if startsWithSumWord(number) || (number.isEmpty && startsWithSumWord(name)) {
            return (number.isEmpty ? name : number, .projectSum)
        }
        if !number.isEmpty { return (number, .project) }
        if !name.isEmpty { return (name, .project) }
        throw PublishedTableError(reason: "raden har verken prosjektnummer eller navn")
    }

    private static func startsWithSumWord(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("sum") else { return false }
        let next = lowered.dropFirst(3).first
        return next.map { !$0.isLetter } ?? true
    }
}
