import ArgumentParser
import Foundation
import StyrDomain
import StyrServices

/// `styr ledger lines --org UKE --year 2025 --where art=010`: the lines behind a cell, a page at a
/// time (`LedgerQueryService`, which checks the filter and the page size).
struct LedgerLinesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lines", abstract: "Linjene bak en sum, en side om gangen.")

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var selection: LedgerFilterOptions

    @Option(help: "Vis linjer etter denne linje-id-en (neste side).")
    var after: Int64 = 0

    @Option(help: "Antall linjer per side (høyst \(LedgerQueryService.maximumPageSize)).")
    var limit: Int = 50

    @Flag(help: "Skriv hvor lang tid oppslaget tok (for målinger).")
    var timing = false

    func run() async throws {
        let filter = try selection.filter()
        let (code, after, limit) = (selection.org, after, limit)
        let (lines, seconds) = try await databaseOptions.withContext { context in
            let user = try await context.services.organisations.commandLineUser()
            let clock = ContinuousClock()
            var found: [StoredLedgerLine] = []
            let elapsed = try await clock.measure {
                found = try await context.services.ledger.lines(in: code, filter, after: after, limit: limit, by: user)
            }
            return (found, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        say("id;periode;ansvar;kapittel;kontoklasse;art;funksjon;prosjekt;fri_dim;beløp")
        for stored in lines {
            let line = stored.line
            say([String(stored.id), String(line.month), line.responsibility, String(line.chapter), line.kind.rawValue, String(line.art),
                 String(line.function), line.project, line.freeDimension, NorwegianFormat.exactKroner(line.amount)].joined(separator: ";"))
        }
        if timing { say("\(lines.count) linjer på \(String(format: "%.1f", seconds * 1000)) ms") }
    }
}
