import ArgumentParser
import Foundation
import StyrDomain
import StyrServices
import StyrStorage

/// `styr audit anchor --key FILE --out FILE [--generate-key]`: signs the audit chain's head
/// (sequence number, hash, time) with an Ed25519 key and writes it as JSON, to be kept outside
/// the database; `styr audit verify --anchor FILE --public-key FILE` checks the log against it.
struct AuditAnchorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anchor",
        abstract: "Signerer revisjonsloggens nyeste oppføring (nummer, hash, tid) og skriver ankeret til en fil som oppbevares utenfor databasen.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(name: .long, help: "Fil med den private Ed25519-nøkkelen (Base64).")
    var key: String

    @Option(name: .long, help: "Filen ankeret skrives til (JSON).")
    var out: String

    @Flag(name: .customLong("generate-key"), help: "Lag nøkkelen (og KEY.pub med den offentlige) hvis nøkkelfilen ikke finnes.")
    var generateKey = false

    func run() async throws {
        let privateKey = try loadOrGenerateKey()
        let head = try await databaseOptions.withContext { context in
            try await context.services.history.head(by: try await context.services.organisations.commandLineUser())
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let anchor: AuditAnchor
        do {
            anchor = try AuditAnchorSigner.sign(AuditAnchor(head: head, anchoredAt: formatter.string(from: Date())), privateKey: privateKey)
        } catch let error as AuditAnchorSigner.KeyError {
            throw CLIError(error.description)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(anchor).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CLIError("Kan ikke skrive ankeret til \(out): \(error.localizedDescription)")
        }
        print("Ankeret for oppføring \(anchor.sequence) (hash \(anchor.hash.prefix(16))…) er signert og skrevet til \(out). Oppbevar det utenfor databasen.")
    }

    /// The private key from `--key`; a new pair when the file is missing and `--generate-key` is given.
    private func loadOrGenerateKey() throws -> String {
        if FileManager.default.fileExists(atPath: key) {
            do {
                return try String(contentsOfFile: key, encoding: .utf8)
            } catch {
                throw CLIError("Kan ikke lese nøkkelfilen \(key): \(error.localizedDescription)")
            }
        }
        guard generateKey else {
            throw CLIError("Fant ikke nøkkelfilen \(key). Bruk --generate-key for å lage en ny nøkkel.")
        }
        let pair = AuditAnchorSigner.generateKey()
        guard FileManager.default.createFile(atPath: key, contents: Data((pair.privateKey + "\n").utf8), attributes: [.posixPermissions: 0o600]),
              FileManager.default.createFile(atPath: key + ".pub", contents: Data((pair.publicKey + "\n").utf8)) else {
            throw CLIError("Kan ikke skrive nøkkelfilen \(key) eller \(key).pub.")
        }
        print("Ny nøkkel skrevet til \(key) (privat, bare for eieren) og \(key).pub (offentlig, for styr audit verify --public-key).")
        return pair.privateKey
    }
}
