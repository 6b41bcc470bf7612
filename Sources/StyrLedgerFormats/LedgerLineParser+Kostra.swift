import StyrDomain

/// The fields of a KOSTRA record (FORMATS.md §1), as 0-based character ranges.
enum KostraRecordField: CaseIterable {
    case skjema, year, quarter, region, organisationNumber, enterpriseNumber, kontoklasse, function, art, amount

    var range: Range<Int> {
        switch self {
        case .skjema: 0..<2
        case .year: 2..<6
        case .quarter: 6..<7
        case .region: 7..<13
        case .organisationNumber: 13..<22
        case .enterpriseNumber: 22..<31
        case .kontoklasse: 31..<32
        case .function: 32..<36
        case .art: 36..<39
        case .amount: 39..<48
        }
    }

    var norwegianName: String {
        switch self {
        case .skjema: "skjema"
        case .year: "årgang"
        case .quarter: "kvartal"
        case .region: "region"
        case .organisationNumber: "orgnr"
        case .enterpriseNumber: "foretaksnr"
        case .kontoklasse: "kontoklasse"
        case .function: "funksjon"
        case .art: "art"
        case .amount: "beløp"
        }
    }
}

extension LedgerLineParser {
    /// Reads a KOSTRA record: 48 characters (trailing blanks beyond are allowed), the year equal to
    /// the import year, amounts in 1000 NOK. Only bevilgningsregnskap skjemas (0A, 0C, 0I, 0K, 0M,
    /// 0P) give lines; other skjemas (balance 0B, 0D, 0J, 0N, …) are skipped and counted.
    /// responsibility = region (kommunenummer + 00, or an Oslo bydel), freeDimension = orgnr,
    /// month = the record's month when kvartal is blank, else the quarter's last month (3, 6, 9, 12).
    /// Positions in errors are character positions (the records are ASCII).
    func parseKostra(_ p: UnsafeBufferPointer<UInt8>, number: Int) -> ParsedLine {
        let length = Self.kostraRecordLength
        let count = p.count
        if count < length {
            let field = KostraRecordField.allCases.first(where: { $0.range.contains(count) }) ?? .amount
            return .failure(LedgerLineError(
                line: number, column: count + 1, field: field.norwegianName,
                value: LedgerBytes.string(p, min(field.range.lowerBound, count), count),
                reason: "posten er avkortet: \(count) tegn, en KOSTRA-post har \(length)"))
        }
        if count > length, !LedgerBytes.isBlank(p, length, count) {
            return .failure(LedgerLineError(
                line: number, column: length + 1, value: LedgerBytes.string(p, length, count),
                reason: "posten har \(count) tegn, en KOSTRA-post har \(length)"))
        }
        guard Self.isAlphanumeric(p[0]), Self.isAlphanumeric(p[1]) else {
            return kostraFailure(number, p, .skjema, "er ikke et skjema (f.eks. 0A)")
        }
        guard let recordYear = LedgerBytes.digits(p, 2, 6), recordYear.length == 4 else {
            return kostraFailure(number, p, .year, "er ikke et årstall")
        }
        guard recordYear.value == year else {
            return kostraFailure(number, p, .year, "er ikke importåret \(year)")
        }
        guard Self.isAppropriationSkjema(p[0], p[1]) else {
            return .skip(.skjema(LedgerBytes.string(p, 0, 2).uppercased()))
        }
        let recordMonth: Int
        switch p[6] {
        case LedgerBytes.space: recordMonth = month
        case 0x31...0x34: recordMonth = Int(p[6] - LedgerBytes.zero) * 3
        default: return kostraFailure(number, p, .quarter, "er ikke et kvartal (blank eller 1–4)")
        }
        let kind: AccountKind
        switch p[31] {
        case 0x31: kind = .operating
        case 0x30: kind = .investment
        default: return kostraFailure(number, p, .kontoklasse, "er verken 1 (drift) eller 0 (investering)")
        }
        guard let function = LedgerBytes.digits(p, 32, 36), function.length == 3 else {
            return kostraFailure(number, p, .function, "er ikke en funksjon (tre siffer, venstrejustert)")
        }
        guard let art = LedgerBytes.digits(p, 36, 39), art.length == 3 else {
            return kostraFailure(number, p, .art, "er ikke en art (tre siffer)")
        }
        let amount: Int64
        switch LedgerBytes.amount(p, 39, 48, unit: 100_000) {
        case .value(let ore): amount = ore
        case .empty: return kostraFailure(number, p, .amount, "feltet er tomt")
        case .invalid: return kostraFailure(number, p, .amount, "er ikke et beløp (hele tusen kroner)")
        case .tooManyDecimals: return kostraFailure(number, p, .amount, "har mer enn to desimaler")
        case .ambiguous: return kostraFailure(number, p, .amount, LedgerLineParser.ambiguousAmountReason)
        case .overflow: return kostraFailure(number, p, .amount, "er for stort")
        }
        let line = LedgerLine(
            responsibility: LedgerBytes.string(p, 7, 13), chapter: 0, kind: kind, art: art.value, function: function.value,
            freeDimension: LedgerBytes.string(p, 13, 22), year: year, month: recordMonth, amount: Money(ore: amount))
        guard checksCodes else { return .line(line) }
        let problem: LedgerLineError
        if !codeLists.isValid(art: art.value, kind: kind) {
            problem = kostraError(number, p, .art, Self.invalidArtReason(art.value, kind))
        } else if !codeLists.isValid(function: function.value) {
            problem = kostraError(number, p, .function, Self.invalidFunctionReason(function.value))
        } else {
            return .line(line)
        }
        return profile.invalidCodes == .warning ? .warning(line, problem) : .failure(problem)
    }

    private func kostraError(_ number: Int, _ p: UnsafeBufferPointer<UInt8>, _ field: KostraRecordField, _ reason: String) -> LedgerLineError {
        LedgerLineError(
            line: number, column: field.range.lowerBound + 1, field: field.norwegianName,
            value: LedgerBytes.string(p, field.range.lowerBound, field.range.upperBound), reason: reason)
    }

    private func kostraFailure(_ number: Int, _ p: UnsafeBufferPointer<UInt8>, _ field: KostraRecordField, _ reason: String) -> ParsedLine {
        .failure(kostraError(number, p, field, reason))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        LedgerBytes.isDigit(byte) || LedgerBytes.isASCIILetter(byte)
    }

    /// 0A kommunekasse, 0C fylkeskasse, 0I/0K særbedrifter, 0M/0P konsolidert: the bevilgningsregnskap skjemas.
    private static func isAppropriationSkjema(_ first: UInt8, _ second: UInt8) -> Bool {
        guard first == LedgerBytes.zero else { return false }
        switch second | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "i"), UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "p"): return true
        default: return false
        }
    }
}
