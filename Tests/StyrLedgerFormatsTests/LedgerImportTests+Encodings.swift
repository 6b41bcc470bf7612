import Foundation
import Testing
@testable import StyrDomain
@testable import StyrLedgerFormats

extension LedgerImportTests {
    // MARK: Encodings and line ends

    @Test("a UTF-8 byte order mark and CRLF line ends")
    func bomAndCRLF() throws {
        let text = "\u{FEFF}" + erpFile.replacingOccurrences(of: "\n", with: "\r\n")
        let decoded = try LedgerTextDecoder.lines(of: Array(text.utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.lines.first == erpHeader)
        #expect(decoded.lines.allSatisfy { !$0.contains("\r") })
        let imported = try importText(text)
        let plain = try importText(erpFile)
        #expect(imported.summary.hasByteOrderMark)
        #expect(imported.summary.encoding == .utf8)
        #expect(imported.lines == plain.lines)
    }

    @Test("Latin-1 (Windows-1252) bytes decode: Årsregnskap, Kostrafunksjonsnavn, en dash")
    func latin1Decoding() throws {
        let text = osloFile.replacingOccurrences(of: "Byrådsavdeling for finans", with: "Byrådsavdeling – finans")
        var bytes = latin1(text.replacingOccurrences(of: "–", with: "-"))
        // The en dash is 0x96 in Windows-1252 (it has no Latin-1 code).
        if let dash = bytes.firstIndex(of: UInt8(ascii: "-")) { bytes[dash] = 0x96 }
        let decoded = try LedgerTextDecoder.lines(of: bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.lines[0].hasSuffix("Årsregnskap;Regulert budsjett;Opprinnelig budsjett"))
        #expect(decoded.lines[1].contains("Administrasjon og støtte"))
        #expect(decoded.lines[1].contains("Byrådsavdeling – finans"))
        let imported = try importBytes(bytes)
        #expect(imported.summary.encoding == .windows1252)
        #expect(imported.summary.format == .osloAnnual)
        #expect(imported.lines.count == 3)
    }

    @Test("UTF-16 with a byte order mark, little and big endian, characters outside the BMP")
    func utf16Decoding() throws {
        let text = erpFile.replacingOccurrences(of: "Ny nettside", with: "Ny nettside 🚀").replacingOccurrences(of: "\n", with: "\r\n")
        let expected = try LedgerTextDecoder.lines(of: Array(text.utf8)).lines
        let little = try LedgerTextDecoder.lines(of: utf16(text, bigEndian: false))
        #expect(little.encoding == .utf16LittleEndian)
        #expect(little.lines == expected)
        let big = try LedgerTextDecoder.lines(of: utf16(text, bigEndian: true))
        #expect(big.encoding == .utf16BigEndian)
        #expect(big.lines == expected)
        let imported = try importBytes(utf16(text, bigEndian: false))
        let plain = try importText(erpFile)
        #expect(imported.summary.encoding == .utf16LittleEndian)
        #expect(imported.lines == plain.lines)
    }

    @Test("chunk boundaries anywhere give the same lines", arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundaries(chunkSize: Int) throws {
        let utf8Text = "\u{FEFF}" + erpFile.replacingOccurrences(of: "\n", with: "\r\n")
        let files: [[UInt8]] = [
            Array(utf8Text.utf8),
            Array(erpFile.utf8),
            latin1(osloFile),
            utf16(osloFile, bigEndian: false),
            Array((kostraExample + "\n" + kostraRecord(amount: "-5")).utf8),
        ]
        for bytes in files {
            let whole = try LedgerTextDecoder.lines(of: bytes, chunkSize: bytes.count)
            let pieces = try LedgerTextDecoder.lines(of: bytes, chunkSize: chunkSize)
            #expect(pieces.lines == whole.lines)
            #expect(pieces.encoding == whole.encoding)
            let importedWhole = try importBytes(bytes, chunkSize: bytes.count)
            let importedPieces = try importBytes(bytes, chunkSize: chunkSize)
            #expect(importedPieces.lines == importedWhole.lines)
            #expect(importedPieces.summary == importedWhole.summary)
        }
    }

    @Test("the decoder keeps only the unfinished line and hands out the last line at the end")
    func decoderStreaming() throws {
        func text(_ line: ArraySlice<UInt8>?) -> String? { line.map { String(decoding: $0, as: UTF8.self) } }
        var decoder = LedgerTextDecoder()
        var seen: [String?] = []
        decoder.append(Array("a;b\nc;".utf8))
        try seen.append(text(decoder.nextLine()))
        try seen.append(text(decoder.nextLine()))
        decoder.append(Array("d\n\ne".utf8))
        try seen.append(text(decoder.nextLine()))
        try seen.append(text(decoder.nextLine()))
        try seen.append(text(decoder.nextLine()))
        try seen.append(text(decoder.finish()))
        try seen.append(text(decoder.nextLine()))
        #expect(seen == ["a;b", nil, "c;d", "", nil, "e", nil])
        #expect(decoder.lastLineUnterminated)
        #expect(decoder.lineCount == 4)

        var short = LedgerTextDecoder(maximumLineLength: 10)
        short.append(Array(repeating: UInt8(ascii: "x"), count: 20))
        let tooLong = thrownError { _ = try short.nextLine() }
        #expect(tooLong?.line == 1)
    }
}
