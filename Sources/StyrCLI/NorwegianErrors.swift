import ArgumentParser
import Foundation
import StyrReports
import StyrServices
import StyrStorage

extension StyrCommand {
    /// Parses the arguments and runs the command; every error ends the process with a Norwegian
    /// message on standard error and the right exit code.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        // Writing to a closed pipe then fails quietly instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch let error as CLIError {
            printError("Feil: \(error.message)")
            Foundation.exit(error.exitCode)
        } catch let error as ServiceError {
            let mapped = error.cliError
            printError("Feil: \(mapped.message)")
            Foundation.exit(mapped.exitCode)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as ReportError {
            printError("Feil: \(error.description)")
            Foundation.exit(1)
        } catch let error as StorageError {
            printError("Feil: \(error.description)")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
            } else {
                printError(NorwegianErrors.translate(message))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// ArgumentParser writes its own errors in English; the common ones are put into Norwegian.
enum NorwegianErrors {
    static let patterns: [(String, String)] = [
        (#"^Error: "#, "Feil: "),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "Verdien «$1» er ugyldig for «$2»"),
        (#"Missing expected argument '([^']*)'"#, "Mangler argumentet «$1»"),
        (#"Missing value for '([^']*)'"#, "Mangler verdi for «$1»"),
        (#"Unknown option '([^']*)'"#, "Ukjent valg «$1»"),
        (#"Unexpected argument '([^']*)'"#, "Uventet argument «$1»"),
        (#"Unexpected arguments? "#, "Uventede argumenter: "),
        (#"Please provide one of the following:"#, "Oppgi én av disse:"),
        (#"Help: "#, "Hjelp: "),
        (#"Usage: "#, "Bruk: "),
        (#"See '([^']*)' for more information\."#, "Se «$1» for mer informasjon."),
        (#"Please provide one of (.*)\.$"#, "Bruk en av $1."),
        (#"'([^']*)' or '([^']*)'"#, "«$1» eller «$2»"),
        (#"'([^']*)', "#, "«$1», "),
        (#"\. Did you mean '([^']*)'\?"#, ". Mente du «$1»?"),
    ]

    static func translate(_ message: String) -> String {
        patterns.reduce(message) { text, pattern in
            guard let expression = try? NSRegularExpression(pattern: pattern.0, options: [.anchorsMatchLines]) else { return text }
            return expression.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: pattern.1)
        }
    }
}
