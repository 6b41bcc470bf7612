import ArgumentParser
import Foundation
import StyrDomain
import StyrServices
import StyrStorage

/// `styr audit verify [--anchor FILE --public-key FILE]`: exit 0 when the hash chain holds (and
/// reaches the anchor's entry with its hash), 1 with the first entry edited or deleted, or when
/// the anchor's signature does not hold (a forged or altered anchor).
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Kontrollerer hashkjeden i revisjonsloggen og finner første endrede eller slettede oppføring.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(name: .long, help: "Et anker fra «styr audit anchor»: finner også slettede nyeste oppføringer.")
    var anchor: String?

    @Option(name: .customLong("public-key"), help: "Den offentlige nøkkelen ankeret er signert med (KEY.pub).")
    var publicKey: String?

    func run() async throws {
        let anchor = try loadAnchor()
        let verification = try await databaseOptions.withContext { context in
            let user = try await context.services.organisations.commandLineUser()
            if let anchor { return try await context.services.history.verify(against: anchor, by: user) }
            return try await context.services.history.verify(by: user)
        }
        switch verification {
        case .intact(let entries):
            let anchored = anchor.map { ", og den når ankerets oppføring \($0.sequence) med samme hash" } ?? ""
            print("Revisjonsloggen er intakt: \(entries) oppføringer, hashkjeden henger sammen\(anchored).")
        case .broken(let sequence, let reason):
            printError("Revisjonsloggen er brutt ved oppføring \(sequence). \(reason)")
            throw ExitCode(1)
        }
    }

    /// The anchor, its signature checked against the public key; nil without `--anchor`.
    private func loadAnchor() throws -> AuditAnchor? {
        guard let anchor else {
            if publicKey != nil { throw CLIError("--public-key hører sammen med --anchor.") }
            return nil
        }
        guard let publicKey else { throw CLIError("Oppgi --public-key med den offentlige nøkkelen ankeret er signert med.") }
        let decoded: AuditAnchor
        let keyText: String
        do {
            decoded = try JSONDecoder().decode(AuditAnchor.self, from: Data(contentsOf: URL(fileURLWithPath: anchor)))
        } catch {
            throw CLIError("Ankerfilen \(anchor) kan ikke leses som et anker fra «styr audit anchor».")
        }
        do {
            keyText = try String(contentsOfFile: publicKey, encoding: .utf8)
        } catch {
            throw CLIError("Kan ikke lese den offentlige nøkkelen \(publicKey): \(error.localizedDescription)")
        }
        let signed: Bool
        do {
            signed = try AuditAnchorSigner.isSigned(decoded, publicKey: keyText)
        } catch let error as AuditAnchorSigner.KeyError {
            throw CLIError(error.description)
        }
        guard signed else {
            printError("Ankeret \(anchor) er ikke signert med denne nøkkelen: det er forfalsket eller endret etter signeringen. Revisjonsloggen er ikke kontrollert mot det.")
            throw ExitCode(1)
        }
        return decoded
    }
}
