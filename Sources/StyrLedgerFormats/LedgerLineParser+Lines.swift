import StyrDomain

extension LedgerLineParser {
    public func parse(_ line: ArraySlice<UInt8>, number: Int) -> ParsedLine {
        line.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) -> ParsedLine in
            if LedgerBytes.isBlank(p, 0, p.count) { return .skip(.blank) }
            switch format {
            case .kostra:
                return parseKostra(p, number: number)
            case .osloAnnual, .erp:
                guard headerRead else {
                    return .failure(LedgerLineError(line: number, reason: "overskriften er ikke lest (header(_:) først)"))
                }
                return parseDelimited(p, number: number)
            }
        }
    }

    public func parse(_ line: String, number: Int) -> ParsedLine {
        parse(Array(line.utf8)[...], number: number)
    }

    private func parseDelimited(_ p: UnsafeBufferPointer<UInt8>, number: Int) -> ParsedLine {
        let count = p.count
        let roles = columns.roles
        let delimiter = columns.delimiter
        var row = LedgerRow()
        var failure: LedgerLineError?
        var fieldCount = 0
        var extra: (column: Int, span: LedgerFieldSpan)?
        var firstText: LedgerFieldSpan?
        var codeSpan: LedgerFieldSpan?
        var index = 0
        while true {
            let span = LedgerBytes.field(p, from: index, delimiter: delimiter)
            fieldCount += 1
            if firstText == nil, !LedgerBytes.isBlank(p, span.start, span.end) { firstText = span }
            if fieldCount <= roles.count {
                let role = roles[fieldCount - 1]
                if role == .account || role == .artGroup { codeSpan = span }
                if role != .ignore, failure == nil, row.skip == nil {
                    do throws(LedgerLineError) {
                        try read(role, p, span, column: fieldCount, number: number, into: &row)
                    } catch {
                        failure = error
                    }
                }
            } else if extra == nil, !LedgerBytes.isBlank(p, span.start, span.end) {
                extra = (fieldCount, span)
            }
            if span.next >= count { break }
            index = span.next + 1
        }
        // A row of delimiters only (spreadsheets add them at the end) is blank.
        guard let firstText else { return .skip(.blank) }
        if Self.isSumRow(p, label: firstText, code: codeSpan) { return .skip(.sumRow) }
        if fieldCount < roles.count {
            let role = roles[fieldCount]
            let hint = fieldCount == 1
                ? " – er skilletegnet «\(LedgerBytes.delimiterName(delimiter))» riktig?"
                : " – er linjen avkortet?"
            return .failure(LedgerLineError(
                line: number, column: fieldCount + 1, field: role == .ignore ? columns.names[fieldCount] : role.norwegianName,
                reason: "linjen har \(fieldCount) felt, overskriften har \(roles.count)" + hint))
        }
        if let skip = row.skip { return .skip(skip) }
        if let failure { return .failure(failure) }
        let result = complete(row, p, number: number)
        // Fields after the header's last column (an id without a name, a trailing field) are read
        // and ignored; the summary counts the lines that had them.
        if extra != nil, case .line(let line) = result { return .extraFields(line) }
        return result
    }

    /// A total row: its first text is the word `sum`, `total` or `totalt` (any case), alone or
    /// followed by more words (`Sum drift`), standing in the account (or artsgruppe) field or with
    /// that field blank. A line with anything else in the account field (a code, or a mistyped one,
    /// which is an error) is never skipped, nor one labelled `Summer` or `Totalentreprise`.
    private static let sumWords = (sum: Array("sum".utf8), total: Array("total".utf8), totalt: Array("totalt".utf8))

    static func isSumRow(_ p: UnsafeBufferPointer<UInt8>, label: LedgerFieldSpan, code: LedgerFieldSpan?) -> Bool {
        let (first, last) = LedgerBytes.trim(p, label.start, label.end)
        // Most lines start with neither word: decided without looking further (this runs per line).
        guard first < last, p[first] | 0x20 == UInt8(ascii: "s") || p[first] | 0x20 == UInt8(ascii: "t") else { return false }
        func word(_ bytes: [UInt8]) -> Bool {
            guard last - first >= bytes.count else { return false }
            for (offset, byte) in bytes.enumerated() where p[first + offset] | 0x20 != byte { return false }
            let after = first + bytes.count
            // A word ends at the field's end or at a byte that is not a letter (non-ASCII counts as a letter).
            return after == last || !(LedgerBytes.isASCIILetter(p[after]) || p[after] >= 0x80)
        }
        guard word(sumWords.sum) || word(sumWords.total) || word(sumWords.totalt) else { return false }
        guard let code else { return true }
        return code.start == label.start || LedgerBytes.isBlank(p, code.start, code.end)
    }

    /// Reads one field into the row, or throws the field's error. Typed throws: an optional error
    /// returned from each field cost a copy and a destroy of it (through its metadata) every field.
    @inline(__always)
    private func read(_ role: LedgerColumnRole, _ p: UnsafeBufferPointer<UInt8>, _ span: LedgerFieldSpan, column: Int, number: Int,
                      into row: inout LedgerRow) throws(LedgerLineError) {
        switch role {
        case .ignore, .excluded:
            return
        case .account:
            try readAccount(p, span, column: column, number: number, into: &row)
        case .function:
            try readFunction(p, span, column: column, number: number, into: &row)
        case .responsibility:
            row.responsibility = LedgerBytes.string(p, span.start, span.end, escaped: span.escaped)
            return
        case .project:
            row.project = LedgerBytes.string(p, span.start, span.end, escaped: span.escaped)
            return
        case .freeDimension:
            row.freeDimension = LedgerBytes.string(p, span.start, span.end, escaped: span.escaped)
            return
        case .period:
            try readPeriod(p, span, column: column, number: number, into: &row)
        case .amount:
            try readAmount(p, span, column: column, number: number, into: &row)
        case .chapter:
            if LedgerBytes.isBlank(p, span.start, span.end) { return }
            guard let digits = LedgerBytes.digits(p, span.start, span.end) ?? LedgerBytes.leadingCode(p, span.start, span.end), digits.length <= 9 else {
                throw fieldError(number, column, role, p, span, "er ikke et kapittelnummer")
            }
            row.chapter = digits.value
            return
        case .artGroup:
            try readArtGroup(p, span, column: column, number: number, into: &row)
        }
    }

    private func readAccount(_ p: UnsafeBufferPointer<UInt8>, _ span: LedgerFieldSpan, column: Int, number: Int,
                             into row: inout LedgerRow) throws(LedgerLineError) {
        guard let digits = LedgerBytes.digits(p, span.start, span.end) ?? LedgerBytes.leadingCode(p, span.start, span.end) else {
            let reason = LedgerBytes.isBlank(p, span.start, span.end) ? "feltet er tomt" : "er ikke et kontonummer (bare siffer)"
            throw fieldError(number, column, .account, p, span, reason)
        }
        row.artColumn = column
        row.artStart = span.start
        row.artEnd = span.end
        let overridden = artOverrides.isEmpty ? nil : artOverrides.lookup(digits.value, length: digits.length)
        if digits.length >= 4 {
            let localDigit = digits.value / LedgerBytes.powerOfTen(digits.length - 1)
            let kindDigit = localDigit < 10 ? kontoklasseTable[localDigit] : localDigit
            switch kindDigit {
            case 1: row.kind = .operating
            case 0: row.kind = .investment
            case 2, 9:
                row.skip = .kontoklasse(kindDigit)
                return
            default:
                throw fieldError(number, column, .account, p, span,
                                  "har kontoklasse \(kindDigit) (første siffer), verken 1 (drift) eller 0 (investering); en lokal kontoplan med andre kontoklasser oversettes med «accountRule.kontoklasser» i profilen")
            }
            row.art = overridden ?? (digits.value / LedgerBytes.powerOfTen(digits.length - 4)) % 1000
        } else if digits.length == 3 {
            row.kind = profile.accountRule.defaultKind
            row.art = overridden ?? digits.value
        } else if let overridden {
            row.kind = profile.accountRule.defaultKind
            row.art = overridden
        } else {
            throw fieldError(number, column, .account, p, span,
                              "har \(digits.length) siffer; en konto er kontoklasse, art og lokale siffer (f.eks. 10201) eller en art på tre siffer")
        }
        return
    }

    private func readFunction(_ p: UnsafeBufferPointer<UInt8>, _ span: LedgerFieldSpan, column: Int, number: Int,
                              into row: inout LedgerRow) throws(LedgerLineError) {
        row.functionColumn = column
        row.functionStart = span.start
        row.functionEnd = span.end
        if LedgerBytes.isBlank(p, span.start, span.end) {
            row.functionMissing = true
            return
        }
        guard let digits = LedgerBytes.digits(p, span.start, span.end) ?? LedgerBytes.leadingCode(p, span.start, span.end) else {
            throw fieldError(number, column, .function, p, span, "er ikke en funksjon (bare siffer)")
        }
        if !functionOverrides.isEmpty, let overridden = functionOverrides.lookup(digits.value, length: digits.length) {
            row.function = overridden
            return
        }
        guard digits.length >= functionWidth else {
            throw fieldError(number, column, .function, p, span, "har færre enn \(functionWidth) siffer; funksjonen er de \(functionWidth) første")
        }
        row.function = digits.value / LedgerBytes.powerOfTen(digits.length - functionWidth)
        return
    }

    private func readPeriod(_ p: UnsafeBufferPointer<UInt8>, _ span: LedgerFieldSpan, column: Int, number: Int,
                            into row: inout LedgerRow) throws(LedgerLineError) {
        let (first, last) = LedgerBytes.trim(p, span.start, span.end)
        guard first < last else { throw fieldError(number, column, .period, p, span, "feltet er tomt") }
        let malformed = "er ikke en periode (1–12, ÅÅÅÅMM eller ÅÅÅÅ-MM)"
        var periodYear: Int?
        let periodMonth: Int
        if let digits = LedgerBytes.digits(p, first, last) {
            switch digits.length {
            case 1, 2:
                periodMonth = digits.value
            case 6:
                periodYear = digits.value / 100
                periodMonth = digits.value % 100
            default:
                throw fieldError(number, column, .period, p, span, malformed)
            }
        } else if last - first == 7, p[first + 4] == LedgerBytes.minus || p[first + 4] == 0x2F || p[first + 4] == LedgerBytes.period,
                  let yearPart = LedgerBytes.digits(p, first, first + 4), yearPart.length == 4,
                  let monthPart = LedgerBytes.digits(p, first + 5, last), monthPart.length == 2 {
            periodYear = yearPart.value
            periodMonth = monthPart.value
        } else {
            throw fieldError(number, column, .period, p, span, malformed)
        }
        if let periodYear, periodYear != year {
            throw fieldError(number, column, .period, p, span, "er en periode i \(periodYear), ikke i importåret \(year)")
        }
        if periodMonth == 13 || periodMonth == 0 {
            // Year-end closing (13) or opening (0) entries: as the profile's `closingPeriods` says.
            guard let closingMonth else {
                throw fieldError(number, column, .period, p, span,
                                  "er ikke en måned 1–12; periode 13 og 0 (årsavslutning) tas inn når profilens «closingPeriods» er «december» eller «own»")
            }
            row.month = closingMonth
            return
        }
        guard (1...12).contains(periodMonth) else {
            throw fieldError(number, column, .period, p, span, "er ikke en måned 1–12")
        }
        row.month = periodMonth
        return
    }

    private func readAmount(_ p: UnsafeBufferPointer<UInt8>, _ span: LedgerFieldSpan, column: Int, number: Int,
                            into row: inout LedgerRow) throws(LedgerLineError) {
        switch LedgerBytes.amount(p, span.start, span.end, unit: 100) {
        case .value(let ore):
            row.amount = ore
            return
        case .empty:
            if format == .osloAnnual { return }
            throw fieldError(number, column, .amount, p, span, "feltet er tomt")
        case .invalid:
            let (first, last) = LedgerBytes.trim(p, span.start, span.end)
            if format == .osloAnnual, last - first == 1, p[first] == LedgerBytes.minus { return }
            throw fieldError(number, column, .amount, p, span, "er ikke et beløp")
        case .tooManyDecimals:
            throw fieldError(number, column, .amount, p, span, "har mer enn to desimaler")
        case .ambiguous:
            throw fieldError(number, column, .amount, p, span, Self.ambiguousAmountReason)
        case .overflow:
            throw fieldError(number, column, .amount, p, span, "er for stort")
        }
    }

    private func readArtGroup(_ p: UnsafeBufferPointer<UInt8>, _ span: LedgerFieldSpan, column: Int, number: Int,
                              into row: inout LedgerRow) throws(LedgerLineError) {
        let (first, last) = LedgerBytes.trim(p, span.start, span.end)
        if let digits = LedgerBytes.digits(p, first, last) ?? LedgerBytes.leadingCode(p, first, last) {
            if digits.length == 1 {
                row.art = digits.value * 100
                return
            }
            if digits.length == 3 {
                row.art = digits.value
                return
            }
        } else if let start = Self.rangeStart(p, first, last) {
            row.art = start
            return
        }
        throw fieldError(number, column, .artGroup, p, span,
                          "er ikke en artsgruppe (ett siffer 0–9, en art på tre siffer eller et intervall som 100-299)")
    }

    /// The first art of a range written `100-299` (also with an en dash, blanks around it).
    private static func rangeStart(_ p: UnsafeBufferPointer<UInt8>, _ first: Int, _ last: Int) -> Int? {
        guard last - first >= 7, let low = LedgerBytes.digits(p, first, first + 3), low.length == 3,
              let high = LedgerBytes.digits(p, last - 3, last), high.length == 3, low.value <= high.value else { return nil }
        let (dashStart, dashEnd) = LedgerBytes.trim(p, first + 3, last - 3)
        let isHyphen = dashEnd - dashStart == 1 && p[dashStart] == LedgerBytes.minus
        let isEnDash = dashEnd - dashStart == 3 && p[dashStart] == 0xE2 && p[dashStart + 1] == 0x80 && p[dashStart + 2] == 0x93
        return isHyphen || isEnDash ? low.value : nil
    }

    /// The line, with its art and funksjon checked against the code lists.
    private func complete(_ row: LedgerRow, _ p: UnsafeBufferPointer<UInt8>, number: Int) -> ParsedLine {
        let kind = row.kind ?? profile.accountRule.defaultKind
        let line = LedgerLine(
            responsibility: row.responsibility, chapter: row.chapter, kind: kind, art: row.art, function: row.function,
            project: row.project, freeDimension: row.freeDimension, year: year, month: row.month ?? month, amount: Money(ore: row.amount))
        guard checksCodes else { return .line(line) }
        if format == .erp, row.artColumn > 0, !codeLists.isValid(art: row.art, kind: kind) {
            return flagged(line, LedgerLineError(
                line: number, column: row.artColumn, field: LedgerColumnRole.account.norwegianName,
                value: LedgerBytes.string(p, row.artStart, row.artEnd), reason: Self.invalidArtReason(row.art, kind)))
        }
        if row.functionColumn > 0, row.functionMissing || !codeLists.isValid(function: row.function) {
            return flagged(line, LedgerLineError(
                line: number, column: row.functionColumn, field: LedgerColumnRole.function.norwegianName,
                value: LedgerBytes.string(p, row.functionStart, row.functionEnd),
                reason: row.functionMissing ? "funksjon mangler" : Self.invalidFunctionReason(row.function)))
        }
        return .line(line)
    }

    /// A line with a code outside the lists: imported with a warning, or refused, as the profile says.
    private func flagged(_ line: LedgerLine, _ problem: LedgerLineError) -> ParsedLine {
        profile.invalidCodes == .warning ? .warning(line, problem) : .failure(problem)
    }

    static let ambiguousAmountReason = "kan bety tusen eller desimaler (1.000 er 1 000 eller 1,000); skriv beløpet uten tusenskilletegn"

    /// The name every reason for a code outside the KOSTRA lists ends in (see `LedgerLineError.isOutsideCodeList`).
    static let codeList = "KOSTRA-kodelisten"

    static func invalidArtReason(_ art: Int, _ kind: AccountKind) -> String {
        "art \(pad(art, 3)) er ikke gyldig i \(kind.norwegianName.lowercased()) etter \(codeList)"
    }

    static func invalidFunctionReason(_ function: Int) -> String {
        "funksjon \(pad(function, 3)) finnes ikke i \(codeList)"
    }

    private func fieldError(_ number: Int, _ column: Int, _ role: LedgerColumnRole, _ p: UnsafeBufferPointer<UInt8>,
                            _ span: LedgerFieldSpan, _ reason: String) -> LedgerLineError {
        LedgerLineError(line: number, column: column, field: role.norwegianName,
                        value: LedgerBytes.string(p, span.start, span.end, escaped: span.escaped), reason: reason)
    }
}

/// The fields of one delimited row while it is read.
struct LedgerRow {
    var kind: AccountKind?
    var art = 0
    var artColumn = 0
    var artStart = 0
    var artEnd = 0
    var function = 0
    var functionColumn = 0
    var functionStart = 0
    var functionEnd = 0
    var functionMissing = false
    var responsibility = ""
    var project = ""
    var freeDimension = ""
    var chapter = 0
    var month: Int?
    var amount: Int64 = 0
    var skip: LedgerSkipReason?
}
