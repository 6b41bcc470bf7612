import ArgumentParser

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Brukere og roller.", subcommands: [UserAddCommand.self, UserPasswordCommand.self])
}

/// Reads a password from standard input (first line), for `--password-stdin`.
func readPasswordFromStandardInput() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw CLIError("Fikk ikke noe passord på standard inn.")
    }
    return line
}
