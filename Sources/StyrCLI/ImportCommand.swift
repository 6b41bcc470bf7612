import ArgumentParser

/// `styr import …`: files from other systems, taken in as they are.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Importerer regnskaps- og budsjettfiler og importprofiler.",
        subcommands: [ImportLedgerCommand.self, ImportProfileCommand.self, ImportYearCommand.self])
}
