import ArgumentParser
import Foundation
import StyrDomain
import StyrLedgerFormats
import StyrServices
import StyrStorage

/// `styr import ledger FILE --org … --year …`: reads a ledger or budget file in constant memory
/// and stores every line, all or nothing, through the same use case as the upload page and the
/// API (`LedgerImportService`), which checks what is asked; this command reads its options and
/// prints what came of it.
struct ImportLedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Importerer en regnskaps- eller budsjettfil (KOSTRA-fil, Oslo kommunes årsregnskap, eksport fra økonomisystem): alt eller ingenting.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Argument(help: "Filen som skal importeres.")
    var file: String

    @Option(help: "Organisasjonskoden linjene hører til (f.eks. UKE).")
    var org: String

    @Option(help: "Regnskapsåret.")
    var year: Int

    @Option(help: "Perioden (måned 1–12) filen gjelder, når linjene ikke har egen periode. Uten: hele året.")
    var period: Int?

    @Option(help: "Navnet på en lagret importprofil (styr import profile).")
    var profile: String?

    @Option(help: "actuals (regnskap), budget (opprinnelig budsjett) eller revised-budget (regulert budsjett, Oslo-filen).")
    var measure: String = "actuals"

    @Option(help: "auto, kostra, oslo eller erp.")
    var format: String = "auto"

    @Option(help: "error eller warning: om en art eller funksjon utenfor KOSTRA-listen stopper importen eller tas inn med advarsel (overstyrer profilen).")
    var invalidCodes: String?

    @Option(help: "drift eller investering (også operating/investment): filen gjelder bare den kontoklassen, som Oslos to årsregnskapsfiler; linjer uten egen kontoklasse får den, og importen står ved siden av en import av den andre. Uten: etter filnavnet («Årsregnskap investering»), ellers begge.")
    var kind: String?

    static func accountKind(_ text: String) -> AccountKind? {
        switch text.lowercased() {
        case "drift", "operating": .operating
        case "investering", "investment": .investment
        default: nil
        }
    }

    @Flag(help: "Bytt ut en tidligere import av samme periode, i samme transaksjon.")
    var replace = false

    @Flag(help: "Bare les og summer linjene (ingenting lagres); for kontroll og målinger.")
    var aggregateOnly = false

    @Flag(help: "Ingen fremdriftslinje og ingen advarsler; bare antallet linjer som er importert.")
    var quiet = false

    static let chunkSize = 1 << 20

    func validate() throws {
        guard BudgetYears.contains(year) else { throw ValidationError(BudgetYears.outOfRangeMessage(year)) }
        guard ["actuals", "budget", "revised-budget"].contains(measure) else { throw ValidationError("--measure må være actuals, budget eller revised-budget.") }
        guard ["auto", "kostra", "oslo", "erp"].contains(format) else { throw ValidationError("--format må være auto, kostra, oslo eller erp.") }
        if let invalidCodes { guard Self.invalidCodePolicy(invalidCodes) != nil else { throw ValidationError("--invalid-codes må være error eller warning.") } }
        if let kind { guard Self.accountKind(kind) != nil else { throw ValidationError("--kind må være drift eller investering.") } }
    }

    var importMeasure: LedgerImportMeasure {
        switch measure {
        case "budget": .budget
        case "revised-budget": .revisedBudget
        default: .actuals
        }
    }

    var requestedFormat: LedgerFormat? {
        switch format {
        case "kostra": .kostra
        case "oslo": .osloAnnual
        case "erp": .erp
        default: nil
        }
    }

    /// Who imports: the command line's user (`OrganisationService.commandLineUser`), recorded
    /// as `system:import`.
    static func user(_ context: CLIContext) async throws -> UserAccount {
        var user = try await context.services.organisations.commandLineUser()
        user.email = "system:import"
        return user
    }

    var request: LedgerImportService.Request {
        LedgerImportService.Request(
            year: year, period: period, measure: importMeasure, format: requestedFormat, sourceName: URL(fileURLWithPath: file).lastPathComponent,
            replace: replace, profileName: profile, invalidCodes: invalidCodes.flatMap(Self.invalidCodePolicy), defaultKind: kind.flatMap(Self.accountKind))
    }

    static func invalidCodePolicy(_ text: String) -> InvalidCodePolicy? {
        switch text {
        case "error": .error
        case "warning": .warning
        default: nil
        }
    }

    func run() async throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw CLIError("Kan ikke lese filen «\(file)».") }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
        let progress = Progress(total: size, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let started = ContinuousClock.now
        let chunks = FileChunks(path: file, chunkSize: Self.chunkSize)
        let (request, org) = (request, org)

        if aggregateOnly {
            let settings = try ServiceError.rule { try LedgerImportService.settings(request, organisationCode: org, actor: "system:import").get() }
            let (summary, result) = try await aggregate(chunks, settings: settings, progress: progress)
            progress.finish()
            report(summary, settings: settings, elapsed: ContinuousClock.now - started, stored: nil)
            say("Summert i \(NorwegianFormat.integer(result.groups)) grupper (ansvar × kapittel × kontoklasse × art × funksjon × prosjekt × fri dimensjon × periode), sum \(NorwegianFormat.exactKroner(Money(ore: result.total))) kr"
                + (result.runs > 0 ? ", med \(result.runs) mellomresultater på disk" : "") + "; ingenting er lagret.")
            return
        }
        let run = try await databaseOptions.withContext { context in
            try await context.services.ledgerImport.importFile(request, into: org, chunks: LedgerChunks(chunks), by: try await Self.user(context)) { bytes, lines in
                progress.set(bytes: bytes, lines: lines)
            }
        }
        let (outcome, settings) = (run.outcome, run.settings)
        progress.finish()
        if !quiet {
            for warning in outcome.warnings.errors { printError("advarsel: \(warning.description)") }
        }
        if let clash = outcome.clash {
            throw CLIError(Self.nothingStored("Importen ble avbrutt: \(clash)\(clash.isReplaceable ? " Bruk --replace for å bytte den ut." : "")"))
        }
        if let fileError = outcome.fileError { throw CLIError(Self.nothingStored("Importen ble avbrutt: \(fileError.hasSuffix(".") ? fileError : fileError + ".")")) }
        guard let record = outcome.record, let summary = outcome.summary else {
            printError("Importen ble avvist: \(NorwegianFormat.integer(Int64(outcome.errors.count))) feil. Ingenting er lagret; databasen er som før.")
            if outcome.errors.omitted > 0 { printError("De første \(outcome.errors.errors.count):") }
            for error in outcome.errors.errors { printError("  \(error.description)") }
            if invalidCodes == nil, outcome.errors.errors.contains(where: \.isOutsideCodeList) {
                printError("Koder utenfor KOSTRA-listen kan tas inn med advarsel: gjenta med --invalid-codes warning.")
            }
            throw ExitCode(1)
        }
        if quiet {
            say("Importert: \(NorwegianFormat.integer(record.lines)) linjer\(outcome.warnings.count > 0 ? ", \(NorwegianFormat.integer(Int64(outcome.warnings.count))) advarsler" : "").")
            return
        }
        report(summary, settings: settings, elapsed: ContinuousClock.now - started, stored: record)
    }

    /// The message with «Ingenting er lagret.» after it, once (a storage error may say it already).
    static func nothingStored(_ message: String) -> String {
        message.lowercased().contains("ingenting er lagret") ? message : message + " Ingenting er lagret."
    }

    /// Reads and totals the lines without storing them.
    func aggregate(_ chunks: FileChunks, settings: LedgerImportSettings, progress: Progress) async throws -> (ImportSummary, LedgerAggregator.Result) {
        let codes = try KostraCodeList.codes()
        let profile = settings.overriding(settings.profileName == nil ? ImportProfile.standard
            : try await databaseOptions.withContext { context in try await Self.profile(named: settings.profileName, context, by: try await Self.user(context)) })
        var importer = LedgerImporter(profile: profile, year: settings.year, month: settings.period, measure: settings.measure, codes: codes, format: settings.format)
        var aggregator = LedgerAggregator()
        // Whatever stops the reading, no run file is left behind.
        defer { aggregator.discard() }
        func add(_ line: LedgerLine) throws { try aggregator.add(line) }
        do {
            for try await chunk in chunks {
                try importer.feed(chunk, add)
                progress.advance(by: Int64(chunk.count), lines: importer.summary.linesRead)
            }
            let summary = try importer.finish(add)
            guard importer.errors.isEmpty else {
                progress.finish()
                printError("Filen har \(NorwegianFormat.integer(Int64(importer.errors.count))) feil:")
                for error in importer.errors.errors { printError("  \(error.description)") }
                throw ExitCode(1)
            }
            return (summary, try aggregator.finish())
        } catch let error as LedgerLineError {
            throw CLIError("Filen kan ikke leses: \(error.description)")
        } catch let failure as LedgerAggregator.Failure {
            throw CLIError(failure.description)
        }
    }

    /// The named profile; an unknown one says how to save it.
    static func profile(named name: String?, _ context: CLIContext, by user: UserAccount) async throws -> ImportProfile {
        do {
            return try await context.services.ledgerImport.profile(named: name, by: user)
        } catch ServiceError.notFound(let message) {
            throw CLIError("\(message) Lagre den med «styr import profile --name \(name ?? "") --file profil.json».")
        }
    }

    func report(_ summary: ImportSummary, settings: LedgerImportSettings, elapsed: Duration, stored: LedgerImportRecord?) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int64(Double(summary.linesImported) / seconds) : 0
        if let stored {
            say("Importert: \(NorwegianFormat.integer(stored.lines)) linjer fra \(stored.sourceName) til \(settings.organisationCode) \(settings.year) (\(settings.period == 0 ? "hele året" : "periode \(settings.period)"), \(settings.measure.ledgerMeasure.norwegianName.lowercased())).")
        }
        say("Format: \(summary.format?.norwegianName ?? "ukjent"); tegnsett \(summary.encoding.displayName)\(summary.hasByteOrderMark ? " med BOM" : "")\(summary.delimiter.map { "; skilletegn \($0)" } ?? "").")
        say("Linjer lest \(NorwegianFormat.integer(Int64(summary.linesRead))), tatt inn \(NorwegianFormat.integer(Int64(summary.linesImported))), hoppet over \(NorwegianFormat.integer(Int64(summary.linesSkipped))), advarsler \(NorwegianFormat.integer(Int64(summary.warnings))).")
        if let skipped = summary.skippedDescription { say("  Hoppet over: \(skipped).") }
        if summary.linesWithExtraFields > 0 {
            say("  \(NorwegianFormat.integer(Int64(summary.linesWithExtraFields))) linjer hadde felt etter overskriftens siste kolonne; de er lest og ikke brukt.")
        }
        if settings.defaultKind == nil, let scope = settings.scope {
            say("  Importen gjelder bare \(scope.norwegianName.lowercased()), fordi filnavnet sier det; den står ved siden av en import av den andre kontoklassen.")
        }
        for kind in AccountKind.allCases {
            if let sum = summary.sumByKind[kind] { say("  Sum \(kind.norwegianName.lowercased()): \(NorwegianFormat.exactKroner(sum)) kr") }
        }
        say("Kontrollsum (alle linjer): \(NorwegianFormat.exactKroner(summary.controlSum)) kr\(settings.measure == .actuals ? "" : summary.isBalanced ? " – budsjettet går i null" : " – et fullstendig budsjett skal gå i null")")
        say("Tid: \(String(format: "%.2f", seconds)) s, \(NorwegianFormat.integer(rate)) linjer/s.")
    }
}

/// A progress line on standard error, when it is a terminal.
final class Progress: @unchecked Sendable {
    let total: Int64
    let enabled: Bool
    private var done: Int64 = 0
    private var lastDrawn = ContinuousClock.now

    init(total: Int64, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func advance(by bytes: Int64, lines: Int) { set(bytes: done + bytes, lines: lines) }

    func set(bytes: Int64, lines: Int) {
        done = bytes
        guard enabled, ContinuousClock.now - lastDrawn > .milliseconds(200) else { return }
        lastDrawn = ContinuousClock.now
        let share = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let width = 30
        let filled = Int(share * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(Int(share * 100)) %  \(NorwegianFormat.integer(Int64(lines))) linjer".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
