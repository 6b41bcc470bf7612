import ArgumentParser

/// `styr bench …`: tools for the benchmarks in Benchmarks/.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Verktøy for ytelsesmålinger.", subcommands: [BenchGenerateLedgerCommand.self, BenchGenerateNationCommand.self])
}
