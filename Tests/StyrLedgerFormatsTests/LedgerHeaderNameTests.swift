import Foundation
import Testing
@testable import StyrLedgerFormats

/// The ASCII fast path of header names gives what Foundation's trimming gives.
@Suite("Ledger import: header names")
struct LedgerHeaderNameTests {
    @Test("names as exported", arguments: [
        (" Regnskap_2016 ", "regnskap 2016"),
        ("\tKONTO\r\n", "konto"),
        ("Artsgruppekode", "artsgruppekode"),
        ("__", ""),
        ("Beløp", "beløp"),
        ("\u{FEFF}Konto", "konto"),
    ])
    func normalized(name: String, expected: String) {
        #expect(LedgerBytes.normalizedName(name) == expected)
    }

    @Test("the ASCII path equals Foundation's on 20 000 generated names")
    func asciiEqualsFoundation() {
        let pieces = ["Konto", "ART", "_", " ", "\t", "\r", "\n", "\u{0B}", "\u{0C}", "\u{1F}", "2016", "\"", "a", "-"]
        var generator = NameGenerator(seed: 19)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 7)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(LedgerBytes.asciiTrimmed(text, lowerCased: true) == LedgerBytes.generalNormalizedName(text), "\(text.debugDescription)")
            #expect(LedgerBytes.asciiTrimmed(text, lowerCased: false) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
        #expect(LedgerBytes.asciiTrimmed("Beløp", lowerCased: true) == nil)
    }
}

/// A small deterministic generator (SplitMix64).
private struct NameGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
