import ArgumentParser

/// `styr codes …`: the KOSTRA code lists per accounting year.
struct CodesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes", abstract: "KOSTRA-kodelister (arter og funksjoner) per regnskapsår.",
        subcommands: [CodesImportCommand.self, CodesListCommand.self])
}
