import StyrDomain

/// Decides a file's format from its first (decoded, non-blank) line.
public enum LedgerFormatDetector {
    /// The header of Oslo kommune's "Årsregnskap drift" file, as published.
    public static let osloHeader =
        "Avdelingskode;Avdelingsnavn;Kapittelkode;Kapittelnavn;Artgruppekode;Artsgruppenavn;Kostrafunksjonskode;Kostrafunksjonsnavn;Årsregnskap;Regulert budsjett;Opprinnelig budsjett"

    /// - A KOSTRA record: a 2-character skjema (a digit and a letter, e.g. `0A`) and a 4-digit year,
    ///   no field delimiter anywhere and at most 48 characters before trailing blanks (a shorter
    ///   first record is still taken as KOSTRA, so that the parser can say it is cut short).
    /// - The Oslo header: names `Avdelingskode`, `Kapittelkode`, `Artgruppekode` (or
    ///   `Artsgruppekode`) and `Kostrafunksjonskode` among its columns, whatever the delimiter.
    /// - Anything else: an ERP export.
    public static func detect(firstLine: ArraySlice<UInt8>) -> LedgerFormat {
        var line = firstLine
        if line.starts(with: LedgerBytes.utf8BOM) { line = line.dropFirst(3) }
        if isKostraRecord(line) { return .kostra }
        if isOsloHeader(line) { return .osloAnnual }
        return .erp
    }

    public static func detect(firstLine: String) -> LedgerFormat {
        detect(firstLine: Array(firstLine.utf8)[...])
    }

    static func isKostraRecord(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) -> Bool in
            var end = p.count
            while end > 0, p[end - 1] == LedgerBytes.space || p[end - 1] == LedgerBytes.tab { end -= 1 }
            guard end >= 6, end <= LedgerLineParser.kostraRecordLength else { return false }
            guard LedgerBytes.isDigit(p[0]), LedgerBytes.isASCIILetter(p[1]) else { return false }
            for index in 2..<6 where !LedgerBytes.isDigit(p[index]) { return false }
            for index in 0..<end where LedgerBytes.candidateDelimiters.contains(p[index]) { return false }
            return true
        }
    }

    static func isOsloHeader(_ line: ArraySlice<UInt8>) -> Bool {
        let delimiter = LedgerBytes.detectDelimiter(line)
        let names = Set(LedgerBytes.headerNames(line, delimiter: delimiter))
        return names.contains("avdelingskode") && names.contains("kapittelkode")
            && (names.contains("artgruppekode") || names.contains("artsgruppekode"))
            && names.contains("kostrafunksjonskode")
    }
}
