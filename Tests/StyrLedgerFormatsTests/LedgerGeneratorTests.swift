import Foundation
import Testing
@testable import StyrDomain
@testable import StyrLedgerFormats

@Suite("Ledger generator: the benchmark's ERP export")
struct LedgerGeneratorTests {
    private static func generated(lines: Int, seed: UInt64, investment: Bool = false, chunkSize: Int = 4096) throws -> (bytes: [UInt8], chunks: Int) {
        var output: [UInt8] = []
        var chunks = 0
        try LedgerGenerator.generate(
            lines: lines, seed: seed, arts: Kostra2025.operatingArts, functions: Kostra2025.functions,
            investmentArts: investment ? Kostra2025.investmentArts : [], chunkSize: chunkSize
        ) { chunk in
            output.append(contentsOf: chunk)
            chunks += 1
        }
        return (output, chunks)
    }

    @Test("the generator is deterministic for a seed")
    func generatorDeterminism() throws {
        let first = try Self.generated(lines: 1_000, seed: 42)
        let again = try Self.generated(lines: 1_000, seed: 42, chunkSize: 10_000)
        let other = try Self.generated(lines: 1_000, seed: 43)
        #expect(first.bytes == again.bytes)
        #expect(first.bytes != other.bytes)
        #expect(first.chunks > 1)
        #expect(first.bytes.filter { $0 == LedgerBytes.lf }.count == 1_001)
        let header = try LedgerTextDecoder.lines(of: first.bytes).lines.first
        #expect(header == LedgerGenerator.header)
    }

    @Test("generated lines parse back: valid codes, revenues negative, 12 periods, 50 ansvar")
    func generatorParsesBack() throws {
        let generated = try Self.generated(lines: 3_000, seed: 7, investment: true)
        let imported = try importBytes(generated.bytes, year: 2025)
        #expect(imported.errors.isEmpty)
        #expect(imported.warnings.isEmpty)
        #expect(imported.lines.count == 3_000)
        #expect(imported.summary.format == .erp)
        #expect(imported.lines.allSatisfy { $0.art >= 600 ? $0.amount.ore < 0 : $0.amount.ore > 0 })
        #expect(imported.lines.contains(where: { $0.art >= 600 }))
        #expect(imported.lines.contains(where: { $0.kind == .investment }))
        #expect(Set(imported.lines.map(\.month)) == Set(1...12))
        let responsibilities = Set(imported.lines.map(\.responsibility))
        #expect(responsibilities.count == LedgerGenerator.responsibilityCount)
        #expect(responsibilities.contains("A101"))
        #expect(imported.lines.contains(where: { !$0.project.isEmpty }))
        #expect(imported.lines.contains(where: { $0.project.isEmpty }))
        #expect(imported.lines.contains(where: { $0.amount.ore % 100 != 0 }))
        #expect(throws: LedgerGeneratorError.self) {
            try LedgerGenerator.generate(lines: 1, seed: 1, arts: [], functions: [120]) { _ in }
        }
    }
}
