import Foundation
import StyrDomain
import StyrLedgerFormats

/// One import of a ledger file, from bytes to stored lines, shared by the command line, the web
/// upload and the API: the bytes are read in chunks, parsed, and written in batches inside one
/// transaction; a single bad line undoes everything, and the first errors are reported.
public struct LedgerFileImport: Sendable {
    public typealias Settings = LedgerImportSettings
    public typealias Outcome = LedgerImportOutcome

    public static let batchSize = 100_000

    /// Reads `chunks` (each a piece of the file, in order) and imports them all or nothing.
    public static func run<Chunks: AsyncSequence & Sendable>(
        _ settings: Settings, chunks: Chunks, database: Database, progress: (@Sendable (Int64, Int) -> Void)? = nil
    ) async throws -> Outcome where Chunks.Element == [UInt8] {
        // Each year's own code lists where loaded; otherwise the shipped ones, with a warning.
        let (codes, codeListWarning) = try await database.withConnection { db in
            try await SQLImportProfileStore(db).importCodes(year: settings.year, shipped: try KostraCodeList.codes())
        }
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
                if let codeListWarning { importer.note(LedgerLineError(line: 0, reason: codeListWarning)) }
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
        } catch let clash as LedgerImportClash {
            return Outcome(summary: box.summary, errors: box.errors, warnings: box.warnings, fileError: clash.description, clash: clash)
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
