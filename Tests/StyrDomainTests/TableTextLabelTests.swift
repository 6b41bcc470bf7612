import Foundation
import Testing
@testable import StyrDomain

/// The ASCII fast path of `TableText.normalizedLabel` gives what the general one gives.
@Suite("table text: labels normalized")
struct TableTextLabelTests {
    @Test("labels as people vary them", arguments: [
        ("Sum driftsinntekter", "sum driftsinntekter"),
        ("  1. Sum_driftsutgifter *  ", "sum driftsutgifter"),
        ("12) Netto driftsresultat (note 3)", "netto driftsresultat"),
        ("Regnskap 2023", "regnskap 2023"),
        ("Lønn 3", "lønn"),
        ("Artsgruppe (brutto)", "artsgruppe (brutto)"),
        ("(1)", ""),
        ("3", "3"),
        ("Sum¹", "sum"),
    ])
    func examples(label: String, normalized: String) {
        #expect(TableText.normalizedLabel(label) == normalized)
    }

    @Test("the ASCII path equals the general path on 20 000 generated labels")
    func asciiEqualsGeneral() {
        let pieces = ["Sum", "note", "NOTE 2", "1.", "12)", "3", " ", "  ", "\t", "\r\n", "\n", "\u{0B}", "_", "*", "(", ")",
                      "(3)", "(note 4)", "(x)", "2023", ".", "a", "Z", "-", "1", ")*", "()", "\u{1F}"]
        var generator = SplitMix(seed: 19)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 8)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(TableText.asciiNormalizedLabel(text) == TableText.generalNormalizedLabel(text), "\(text.debugDescription)")
        }
        #expect(TableText.asciiNormalizedLabel("Lønn") == nil)
    }

    @Test("whitespace as Character.isWhitespace, ASCII and beyond")
    func whitespace() {
        for scalar in (0..<0x3100).compactMap(Unicode.Scalar.init) {
            #expect(TableText.isWhitespace(Character(scalar)) == Character(scalar).isWhitespace, "\(scalar.value)")
        }
        #expect(TableText.isWhitespace("\r\n"))
    }

    @Test("trimming blanks as Foundation does", arguments: [" a ", "\t\tb\t", "", "   ", "\r\n", "x\u{0B}", " Lønn\u{00A0}", "\u{2003}y"])
    func trimmed(text: String) {
        #expect(TableText.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(TableText.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty)
    }
}

/// A small deterministic generator (SplitMix64).
private struct SplitMix: RandomNumberGenerator {
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
