/// Reads an amount the way people type them into annual reports.
enum PrintedAmountParser {
    /// A field holding only one of these means "no value"; it counts as 0 in sums.
    private static let noValueMarks: Set<String> = ["-", "–", "—", "−"]
    /// Leading signs meaning minus. The en dash is included because word processors turn a typed
    /// minus into one.
    private static let minusSigns: Set<Character> = ["-", "−", "–"]
    /// Larger than any public budget by orders of magnitude, small enough that sums of many rows
    /// stay far from `Int64` overflow.
    private static let maximumKroner: Int64 = 1_000_000_000_000_000

    /// Returns nil for a blank field or a lone dash. Throws an error without location; the caller
    /// knows the line and column.
    static func parse(_ field: String) throws(PublishedTableError) -> PrintedAmount? {
        // Any whitespace (space, NBSP, narrow NBSP, thin space) may separate thousands.
        let compact = field.filter { !$0.isWhitespace }
        if compact.isEmpty || noValueMarks.contains(compact) { return nil }
        let shown = PublishedTableFields.trimmed(field)

        var rest = Substring(compact)
        var negative = false
        if let first = rest.first, minusSigns.contains(first) {
            negative = true
            rest = rest.dropFirst()
        } else if rest.first == "+" {
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, isDigits(whole),
              parts.count == 1 || isDigits(parts[1])
        else { throw PublishedTableError(reason: "«\(shown)» er ikke et beløp") }

        let decimals = parts.count == 2 ? parts[1] : ""
        guard decimals.count <= 2 else {
            throw PublishedTableError(reason: "«\(shown)» har mer enn to desimaler")
        }
        guard let kroner = Int64(whole), kroner <= maximumKroner else {
            throw PublishedTableError(reason: "«\(shown)» er for stort")
        }
        let cents = decimals.isEmpty ? 0 : Int64(decimals)! * (decimals.count == 1 ? 10 : 1)
        let magnitude = kroner * 100 + cents
        return PrintedAmount(hundredths: negative ? -magnitude : magnitude)
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isWholeNumber }
    }
}
