import ArgumentParser
import Foundation
import StyrDomain
import StyrLedgerFormats
import StyrStorage

/// `styr bench generate-ledger --lines N --seed S FILE`: a realistic ERP export, the same for a seed.
struct BenchGenerateLedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-ledger",
        abstract: "Skriver en realistisk eksport fra økonomisystemet (50 ansvar, 120 arter, 150 funksjoner, 500 prosjekter, 12 perioder).")

    @Option(help: "Antall linjer.")
    var lines: Int

    @Option(help: "Frø for tilfeldighetene; samme frø gir samme fil.")
    var seed: UInt64 = 1

    @Argument(help: "Filen som skrives.")
    var file: String

    func validate() throws {
        guard (0...1_000_000_000).contains(lines) else { throw ValidationError("--lines må være mellom 0 og 1 000 000 000.") }
    }

    func run() async throws {
        let arts = try KostraCodeList.arts()
        let operating = arts.filter(\.validInOperating).compactMap { Int($0.art) }
        let investment = arts.filter { $0.validInInvestment && !$0.validInOperating }.compactMap { Int($0.art) }
        // About 120 arts, spread over the artsgrupper, and the first 150 valid funksjoner.
        let chosenArts = stride(from: 0, to: operating.count, by: max(1, operating.count / 120)).map { operating[$0] }.prefix(120)
        let functions = try KostraCodeList.functions().filter { !$0.scope.hasPrefix("NOT") }.compactMap { Int($0.function) }.prefix(150)
        guard FileManager.default.createFile(atPath: file, contents: nil), let handle = FileHandle(forWritingAtPath: file) else {
            throw CLIError("Kan ikke skrive «\(file)».")
        }
        defer { try? handle.close() }
        try LedgerGenerator.generate(lines: lines, seed: seed, arts: Array(chosenArts), functions: Array(functions), investmentArts: investment) { bytes in
            try handle.write(contentsOf: bytes)
        }
        say("Skrev \(NorwegianFormat.integer(Int64(lines))) linjer til \(file).")
    }
}
