import ArgumentParser

/// `styr ledger …`: totals and the lines behind them, from the imported accounts.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Regnskaps- og budsjettlinjer: summer etter dimensjon og linjene bak.",
        subcommands: [LedgerTotalsCommand.self, LedgerLinesCommand.self])
}
