import Foundation
import StyrDomain

/// One import of a ledger file, from bytes to stored lines, shared by the command line, the web
/// upload and the API: the bytes are read in chunks, parsed, and written in batches inside one
/// transaction; a single bad line undoes everything, and the first errors are reported.
public struct LedgerFileImport: Sendable {
    public struct Settings: Sendable {
        public var organisationCode: String
        public var year: Int
        public var period: Int
        public var measure: LedgerImportMeasure
        public var format: LedgerFormat?
        public var sourceName: String
        public var replace: Bool
        public var profileName: String?
        /// Overrides the profile's policy for arts and funksjoner outside the KOSTRA lists.
        public var invalidCodes: InvalidCodePolicy?
        /// The one kontoklasse the file holds (Oslo's drift and investering files): lines whose
        /// account carries none get it, a line of the other is refused, and the import stands
        /// beside one of the other kontoklasse. Nil: decided by the file's name (below), else both.
        public var defaultKind: AccountKind?
        public var actor: String

        public init(organisationCode: String, year: Int, period: Int = 0, measure: LedgerImportMeasure = .actuals, format: LedgerFormat? = nil,
                    sourceName: String, replace: Bool = false, profileName: String? = nil, invalidCodes: InvalidCodePolicy? = nil,
                    defaultKind: AccountKind? = nil, actor: String) {
            self.organisationCode = organisationCode
            self.year = year
            self.period = period
            self.measure = measure
            self.format = format
            self.sourceName = sourceName
            self.replace = replace
            self.profileName = profileName
            self.invalidCodes = invalidCodes
            self.defaultKind = defaultKind
            self.actor = actor
        }

        /// The profile as this import reads with it: `invalidCodes` and the scope's kontoklasse,
        /// when set, override the profile's.
        public func overriding(_ profile: ImportProfile) -> ImportProfile {
            var result = profile
            if let invalidCodes { result.invalidCodes = invalidCodes }
            if let scope { result.accountRule.defaultKind = scope }
            return result
        }

        /// The one kontoklasse of the import: `defaultKind`, or what the file's name says when no
        /// profile is named (a named profile is the municipality's own settings).
        public var scope: AccountKind? { defaultKind ?? (profileName == nil ? kindFromName : nil) }

        /// What the name of one of Oslo's files says: `2019 Årsregnskap investering.csv` is
        /// investering, `… Årsregnskap drift …` drift; any other name (or one naming both) nothing.
        public var kindFromName: AccountKind? {
            let name = sourceName.lowercased().replacingOccurrences(of: "å", with: "a")
                .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            let investment = name.contains("arsregnskap investering"), operating = name.contains("arsregnskap drift")
            if investment, !name.contains("drift") { return .investment }
            if operating, !name.contains("investering") { return .operating }
            return nil
        }
    }

    /// What came of it: the stored import, or the errors that stopped it.
    public struct Outcome: Sendable {
        public var record: LedgerImportRecord?
        public var summary: ImportSummary?
        public var errors: ImportErrorLog
        public var warnings: ImportErrorLog
        /// An error that stopped the whole file (no header, empty file, a clash with an earlier import).
        public var fileError: String?

        public var succeeded: Bool { record != nil }
    }

    public static let batchSize = 100_000

    /// Reads `chunks` (each a piece of the file, in order) and imports them all or nothing.
    public static func run<Chunks: AsyncSequence & Sendable>(
        _ settings: Settings, chunks: Chunks, database: Database, progress: (@Sendable (Int64, Int) -> Void)? = nil
    ) async throws -> Outcome where Chunks.Element == [UInt8] {
        let codes = try KostraCodeList.codes()
        let chosen: ImportProfile
        if let name = settings.profileName {
            guard let stored = try await database.withConnection({ db in try await SQLImportProfileStore(db).profile(named: name) }) else {
                return Outcome(errors: ImportErrorLog(), warnings: ImportErrorLog(), fileError: "Det finnes ingen importprofil «\(name)».")
            }
            chosen = stored
        } else {
            chosen = .standard
        }
        let profile = settings.overriding(chosen)
        let target = LedgerImportTarget(
            organisationCode: settings.organisationCode, year: settings.year, period: settings.period,
            measure: settings.measure.ledgerMeasure, sourceName: settings.sourceName,
            format: settings.format?.norwegianName ?? "automatisk", replace: settings.replace, actor: settings.actor, scope: settings.scope)
        let box = OutcomeBox()
        do {
            let record = try await database.importLedger(target) { writer in
                var importer = LedgerImporter(
                    profile: profile, year: settings.year, month: settings.period, measure: settings.measure, codes: codes, format: settings.format)
                var batch: [LedgerLine] = []
                // A chunk of the file (1 MB, about 15 000 lines) may go beyond the batch size before it is handed over.
                batch.reserveCapacity(batchSize + 32_768)
                var bytes: Int64 = 0
                // One batch is written while the next is parsed: the database works on the other core.
                var pendingWrite: Task<Void, any Error>?
                do {
                    for try await chunk in chunks {
                        try importer.feed(chunk) { batch.append($0) }
                        bytes += Int64(chunk.count)
                        progress?(bytes, importer.summary.linesRead)
                        // After the first bad line nothing more is written; the rest is read for its errors.
                        if !importer.errors.isEmpty { batch.removeAll(keepingCapacity: true) }
                        if batch.count >= batchSize {
                            try await pendingWrite?.value
                            let lines = batch
                            // A fresh buffer of the batch size: the full one now belongs to the write in flight.
                            batch = []
                            batch.reserveCapacity(batchSize + 32_768)
                            pendingWrite = Task { try await writer.append(lines) }
                        }
                    }
                    let summary = try importer.finish { batch.append($0) }
                    if let scope = settings.scope, let other = summary.sumByKind.keys.first(where: { $0 != scope }) {
                        throw LedgerLineError(line: 0, reason: "Importen gjelder bare \(scope.norwegianName.lowercased()) (\(settings.defaultKind == nil ? "etter filnavnet" : "--kind")), men filen har linjer i \(other.norwegianName.lowercased()); importer den uten å avgrense kontoklassen")
                    }
                    try await pendingWrite?.value
                    pendingWrite = nil
                    box.set(summary, importer.errors, importer.warnings)
                    guard importer.errors.isEmpty else { throw Refused() }
                    try await writer.append(batch)
                    return LedgerImportCount(lines: Int64(summary.linesImported), controlSum: summary.controlSum)
                } catch {
                    // The connection must be idle before the transaction is rolled back.
                    _ = try? await pendingWrite?.value
                    throw error
                }
            }
            return Outcome(record: record, summary: box.summary, errors: box.errors, warnings: box.warnings)
        } catch is Refused {
            return Outcome(summary: box.summary, errors: box.errors, warnings: box.warnings)
        } catch let error as LedgerLineError {
            return Outcome(summary: box.summary, errors: box.errors, warnings: box.warnings, fileError: error.description)
        } catch let error as StorageError {
            return Outcome(summary: box.summary, errors: box.errors, warnings: box.warnings, fileError: error.description)
        }
    }

    struct Refused: Error {}

    final class OutcomeBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var summary: ImportSummary?
        private(set) var errors = ImportErrorLog()
        private(set) var warnings = ImportErrorLog()

        func set(_ summary: ImportSummary, _ errors: ImportErrorLog, _ warnings: ImportErrorLog) {
            lock.lock()
            defer { lock.unlock() }
            (self.summary, self.errors, self.warnings) = (summary, errors, warnings)
        }
    }
}

/// A file read in chunks, as an async sequence for `LedgerFileImport.run`.
public struct FileChunks: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    let path: String
    let chunkSize: Int

    public init(path: String, chunkSize: Int = 1 << 20) {
        self.path = path
        self.chunkSize = chunkSize
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle?
        let chunkSize: Int

        public mutating func next() async throws -> [UInt8]? {
            guard let handle else { throw StorageError.invalid("Kan ikke lese filen.") }
            // Straight into the array: through `Data` every byte was copied once more.
            let descriptor = handle.fileDescriptor
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, filled in
                filled = 0
                while filled < chunkSize {
                    let count = read(descriptor, buffer.baseAddress! + filled, chunkSize - filled)
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { failure = errno }
                    if count <= 0 { break }
                    filled += count
                }
            }
            if failure != 0 { throw StorageError.invalid("Kan ikke lese filen: \(String(cString: strerror(failure))).") }
            guard !chunk.isEmpty else {
                try? handle.close()
                return nil
            }
            return chunk
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(handle: FileHandle(forReadingAtPath: path), chunkSize: chunkSize)
    }
}
