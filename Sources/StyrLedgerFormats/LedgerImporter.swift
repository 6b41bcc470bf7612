import StyrDomain

/// Reads a whole ledger file fed in chunks: decodes it, detects the format (unless one is given)
/// from the first non-blank line, reads the header, parses every line, hands each ledger line to
/// the caller and keeps the summary and the first errors and warnings. Memory stays constant
/// whatever the size of the file.
///
///     var importer = LedgerImporter(profile: profile, year: 2025, codes: codes)
///     for chunk in file { try importer.feed(chunk) { line in batch.append(line) } }
///     let summary = try importer.finish { line in batch.append(line) }
///
/// `feed` and `finish` throw only for what stops the whole import: a header without a required
/// column, a line longer than the decoder allows, a file without data lines ("Filen er tom"), or
/// what `accept` throws. Errors in single lines are counted in `errors` and the line is left out.
public struct LedgerImporter: Sendable {
    public let profile: ImportProfile
    public let year: Int
    public let month: Int
    public let measure: LedgerImportMeasure
    public let codes: KostraCodes?
    /// The format asked for; nil detects it.
    public let requestedFormat: LedgerFormat?

    public private(set) var summary = ImportSummary()
    public private(set) var errors: ImportErrorLog
    public private(set) var warnings: ImportErrorLog
    private var decoder = LedgerTextDecoder()
    /// Set up when the first non-blank line has told the format (kept non-optional so that each
    /// line borrows it instead of copying it).
    private var lineParser: LedgerLineParser
    private var started = false
    /// Lines above the header that did not read as one, with their errors (one is reported if no header follows).
    private var preamble: [(number: Int, line: [UInt8], error: LedgerLineError)] = []
    /// How many lines above the header (titles, notes) a delimited file may have.
    public static let maximumPreamble = 10

    public init(profile: ImportProfile = .standard, year: Int, month: Int = 0, measure: LedgerImportMeasure = .actuals,
                codes: KostraCodes? = nil, format: LedgerFormat? = nil, errorLimit: Int = ImportErrorLog.defaultLimit) {
        self.profile = profile
        self.year = year
        self.month = month
        self.measure = measure
        self.codes = codes
        requestedFormat = format
        errors = ImportErrorLog(limit: errorLimit)
        warnings = ImportErrorLog(limit: errorLimit)
        lineParser = LedgerLineParser(format: format ?? .erp, profile: profile, year: year, month: month, measure: measure, codes: codes)
    }

    /// Records a warning about the file as a whole (line 0), such as the code list it was checked against.
    public mutating func note(_ warning: LedgerLineError) {
        warnings.record(warning)
    }

    /// The parser in use, once the first non-blank line has told the format (for its column mapping).
    public var parser: LedgerLineParser? { started ? lineParser : nil }

    /// The encoding as decided so far.
    public var encoding: LedgerTextEncoding { decoder.encoding }

    public mutating func feed(_ chunk: [UInt8], _ accept: (LedgerLine) throws -> Void) throws {
        try feed(chunk[...], accept)
    }

    public mutating func feed(_ chunk: ArraySlice<UInt8>, _ accept: (LedgerLine) throws -> Void) throws {
        decoder.append(chunk)
        while let line = try decoder.nextLine() {
            try handle(line, number: decoder.lineCount, accept)
        }
    }

    /// Reads what is left (a last line without a line end) and returns the summary.
    public mutating func finish(_ accept: (LedgerLine) throws -> Void) throws -> ImportSummary {
        while let line = try decoder.nextLine() {
            try handle(line, number: decoder.lineCount, accept)
        }
        while let line = try decoder.finish() {
            try handle(line, number: decoder.lineCount, accept)
        }
        summary.encoding = decoder.encoding
        summary.hasByteOrderMark = decoder.hasByteOrderMark
        summary.lastLineUnterminated = decoder.lastLineUnterminated
        if !started, let headerError { throw headerError }
        guard summary.dataLines > 0 else {
            if started, lineParser.format.hasHeader {
                throw LedgerLineError(line: 0, reason: "Filen er tom: den har bare overskriften og ingen linjer med beløp")
            }
            throw LedgerLineError.emptyFile
        }
        return summary
    }

    private mutating func handle(_ line: ArraySlice<UInt8>, number: Int, _ accept: (LedgerLine) throws -> Void) throws {
        summary.linesRead += 1
        if !started {
            if Self.isBlank(line) {
                summary.skip(.blank)
                return
            }
            let format = requestedFormat ?? LedgerFormatDetector.detect(firstLine: line)
            var first = LedgerLineParser(format: format, profile: profile, year: year, month: month, measure: measure, codes: codes)
            summary.format = format
            if format.hasHeader {
                do {
                    try first.header(line, number: number)
                } catch let error as LedgerLineError where preamble.count < Self.maximumPreamble {
                    // Spreadsheet exports may put a title above the table: look for the header a few lines on.
                    preamble.append((number, Array(line), error))
                    summary.skip(.preamble)
                    return
                } catch let error as LedgerLineError {
                    throw headerError ?? error
                }
                // A line above the header that reads as a ledger line under it is data, not a title:
                // the header is on the wrong line, and its lines must not be passed over.
                for passed in preamble {
                    switch first.parse(passed.line[...], number: passed.number) {
                    case .line, .warning, .extraFields:
                        throw LedgerLineError(
                            line: passed.number,
                            reason: "linjen står før overskriften på linje \(number), men er en linje med beløp – flytt overskriften til første linje")
                    case .skip, .failure:
                        continue
                    }
                }
                summary.delimiter = first.delimiterName
            }
            lineParser = first
            started = true
            if format.hasHeader { return }
        }
        switch lineParser.parse(line, number: number) {
        case .line(let ledgerLine):
            summary.add(ledgerLine)
            try accept(ledgerLine)
        case .extraFields(let ledgerLine):
            summary.add(ledgerLine)
            summary.linesWithExtraFields += 1
            try accept(ledgerLine)
        case .warning(let ledgerLine, let warning):
            summary.add(ledgerLine)
            summary.warnings += 1
            warnings.record(warning)
            try accept(ledgerLine)
        case .skip(let reason):
            summary.skip(reason)
        case .failure(let error):
            summary.errors += 1
            errors.record(error)
        }
    }

    /// The error to report when no header was found: that of the line most like a header (the most
    /// filled fields), the first such line on a tie.
    private var headerError: LedgerLineError? {
        // The line that names the most columns is the header meant, even with a column misnamed;
        // lines of amounts are not candidates while a line of names is.
        var best: (filled: Int, error: LedgerLineError)?
        var bestOfNames: (filled: Int, error: LedgerLineError)?
        var firstOfAmounts: Int?
        for passed in preamble {
            let filled = Self.filledFields(passed.line[...], delimiter: LedgerBytes.detectDelimiter(passed.line[...]))
            if best == nil || filled > best!.filled { best = (filled, passed.error) }
            if Self.readsAsData(passed.line[...]) {
                firstOfAmounts = firstOfAmounts ?? passed.number
            } else if bestOfNames == nil || filled > bestOfNames!.filled {
                bestOfNames = (filled, passed.error)
            }
        }
        if let bestOfNames, bestOfNames.filled >= 2 { return bestOfNames.error }
        // No line names two columns, and lines of amounts begin: the file has no header at all
        // (an export without column names), which the error of one of them would not say.
        if let firstOfAmounts {
            return LedgerLineError(
                line: firstOfAmounts,
                reason: "filen har ingen overskrift: dette er en linje med beløp, og ingen linje over den navngir kolonnene. Legg inn en overskrift med kolonnenavn (for eksempel art;ansvar;funksjon;periode;beløp) over første linje med beløp")
        }
        return best?.error
    }

    /// A line of amounts rather than of names: most of its filled fields (at least two) are
    /// numbers, or one of them is an amount with øre (`1000,50`, `-12.5`… with two decimals).
    static func readsAsData(_ line: ArraySlice<UInt8>) -> Bool {
        let fields = LedgerBytes.headerFields(line, delimiter: LedgerBytes.detectDelimiter(line)).filter { !$0.isEmpty }
        guard fields.count >= 2 else { return false }
        func isNumber(_ field: String) -> Bool {
            field.utf8.contains { LedgerBytes.isDigit($0) } && field.utf8.allSatisfy { LedgerBytes.isDigit($0) || " -+,.".utf8.contains($0) }
        }
        func isAmountWithOre(_ field: String) -> Bool {
            let bytes = Array(field.utf8)
            guard bytes.count >= 4, isNumber(field), let separator = bytes.dropLast(2).last else { return false }
            return (separator == UInt8(ascii: ",") || separator == UInt8(ascii: ".")) && bytes.suffix(2).allSatisfy(LedgerBytes.isDigit)
                && bytes.dropLast(3).contains(where: LedgerBytes.isDigit)
        }
        return fields.filter(isNumber).count * 2 > fields.count || fields.contains(where: isAmountWithOre)
    }

    private static func filledFields(_ line: ArraySlice<UInt8>, delimiter: UInt8) -> Int {
        LedgerBytes.headerFields(line, delimiter: delimiter).filter { !$0.isEmpty }.count
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == LedgerBytes.space || $0 == LedgerBytes.tab || $0 == LedgerBytes.cr }
    }

    /// Imports a file held in memory (small files and tests), fed in chunks of `chunkSize` bytes.
    public static func importAll(
        _ bytes: [UInt8], profile: ImportProfile = .standard, year: Int, month: Int = 0, measure: LedgerImportMeasure = .actuals,
        codes: KostraCodes? = nil, format: LedgerFormat? = nil, chunkSize: Int = 65_536
    ) throws -> (lines: [LedgerLine], summary: ImportSummary, errors: ImportErrorLog, warnings: ImportErrorLog) {
        var importer = LedgerImporter(profile: profile, year: year, month: month, measure: measure, codes: codes, format: format)
        var lines: [LedgerLine] = []
        let size = max(1, chunkSize)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            try importer.feed(bytes[start..<end]) { lines.append($0) }
            start = end
        }
        let summary = try importer.finish { lines.append($0) }
        return (lines, summary, importer.errors, importer.warnings)
    }
}
